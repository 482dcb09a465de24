#!/usr/bin/env bash
# Builds the TSP workload from tsp.c:
#   wasm    tsp.wasm for wasm32-wasi (Debian: clang lld wasi-libc libclang-rt-14-dev-wasm32), copied to
#           src/main/resources/wasimoff/eval/workload/tsp.wasm (committed, so users need no C toolchain)
#   native  build/tsp-native with gcc -O2
#   musl    build/tsp-musl-static with musl-gcc -static -O2 (Debian: musl-tools)
#   wrapper build/serverledge-wrapper from serverledge-wrapper.c, static musl: Serverledge's custom-runtime
#           command for the seed's TSP program (its wrapper.sh without a shell)
# Usage: workload/tsp/build.sh [wasm|native|musl|wrapper|all]   (default: all)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mkdir -p "$here/build"

need() { # need TOOL PACKAGE
  command -v "$1" >/dev/null || { echo "build.sh: $1 not found; install it with: apt-get install -y $2" >&2; exit 1; }
}

wasm() {
  # Debian's wasi-libc installs into /usr/include/wasm32-wasi and /usr/lib/wasm32-wasi, so its sysroot
  # is /usr; a wasi-sdk style sysroot (/usr/share/wasi-sysroot or $WASI_SYSROOT) is used when present.
  local sysroot="${WASI_SYSROOT:-}"
  if [ -z "$sysroot" ]; then
    if [ -f /usr/share/wasi-sysroot/include/stdio.h ] || [ -f /usr/share/wasi-sysroot/include/wasm32-wasi/stdio.h ]; then
      sysroot=/usr/share/wasi-sysroot
    else
      sysroot=/usr
    fi
  fi
  need clang "clang lld wasi-libc libclang-rt-14-dev-wasm32"
  need wasm-ld lld
  [ -f "$sysroot/include/wasm32-wasi/stdio.h" ] || [ -f "$sysroot/include/stdio.h" ] \
    || { echo "build.sh: wasi-libc headers not found under $sysroot; install it with: apt-get install -y wasi-libc" >&2; exit 1; }
  local builtins
  builtins="$(clang --target=wasm32-wasi -print-libgcc-file-name 2>/dev/null || true)"
  [ -z "$builtins" ] || [ -f "$builtins" ] \
    || { echo "build.sh: $builtins not found; install it with: apt-get install -y libclang-rt-14-dev-wasm32" >&2; exit 1; }
  # -s: no debug info or names, to keep the committed module small
  clang --target=wasm32-wasi --sysroot="$sysroot" -O2 -Wall -Wextra -s -o "$here/build/tsp.wasm" "$here/tsp.c" -lm
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
  musl-gcc -static -O2 -Wall -Wextra -s -o "$here/build/tsp-musl-static" "$here/tsp.c" -lm
  echo "built $here/build/tsp-musl-static"
}

wrapper() {
  need musl-gcc musl-tools
  musl-gcc -static -O2 -Wall -Wextra -s -o "$here/build/serverledge-wrapper" "$here/serverledge-wrapper.c"
  echo "built $here/build/serverledge-wrapper"
}

case "${1:-all}" in
  wasm) wasm ;;
  native) native ;;
  musl) musl ;;
  wrapper) wrapper ;;
  all) wasm; native; musl; wrapper ;;
  *) echo "usage: $0 [wasm|native|musl|wrapper|all]" >&2; exit 2 ;;
esac
