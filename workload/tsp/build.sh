#!/usr/bin/env bash
# Builds the TSP workload from tsp.c:
#   wasm    tsp.wasm for wasm32-wasi (Debian: clang lld wasi-libc libclang-rt-14-dev-wasm32), copied to
#           src/main/resources/wasimoff/eval/workload/tsp.wasm (committed, so users need no C toolchain)
#   native  build/tsp-native with gcc -O2
#   musl    build/tsp-musl-static with musl-gcc -static -O2 (Debian: musl-tools)
# Usage: workload/tsp/build.sh [wasm|native|musl|all]   (default: all)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mkdir -p "$here/build"

need() { # need TOOL PACKAGE
  command -v "$1" >/dev/null || { echo "build.sh: $1 not found; install it with: apt-get install -y $2" >&2; exit 1; }
}

wasm() {
  need clang "clang lld wasi-libc libclang-rt-14-dev-wasm32"
  need wasm-ld lld
  [ -f /usr/include/wasm32-wasi/stdio.h ] || { echo "build.sh: wasi-libc missing; apt-get install -y wasi-libc" >&2; exit 1; }
  clang --target=wasm32-wasi --sysroot=/usr -O2 -Wall -Wextra -s -o "$here/build/tsp.wasm" "$here/tsp.c" -lm
  mkdir -p "$root/src/main/resources/wasimoff/eval/workload"
  cp "$here/build/tsp.wasm" "$root/src/main/resources/wasimoff/eval/workload/tsp.wasm"
  echo "built $root/src/main/resources/wasimoff/eval/workload/tsp.wasm ($(stat -c %s "$here/build/tsp.wasm") bytes)"
}

native() {
  need gcc gcc
  gcc -O2 -Wall -Wextra -o "$here/build/tsp-native" "$here/tsp.c" -lm
  echo "built $here/build/tsp-native"
}

musl() {
  need musl-gcc musl-tools
  musl-gcc -static -O2 -Wall -Wextra -o "$here/build/tsp-musl-static" "$here/tsp.c" -lm
  echo "built $here/build/tsp-musl-static"
}

case "${1:-all}" in
  wasm) wasm ;;
  native) native ;;
  musl) musl ;;
  all) wasm; native; musl ;;
  *) echo "usage: $0 [wasm|native|musl|all]" >&2; exit 2 ;;
esac
