#!/usr/bin/env bash
# Measures the TSP program's cost per n with hyperfine (Debian: hyperfine), seed 42, for the native
# gcc build, the static musl build and the Wasm module in Node's WASI. JSON and Markdown per
# runtime and range land in build/measure/; summarise them with: python3 measure-table.py
# Usage: workload/tsp/measure.sh [MAX_N] [RUNTIME...]   (default 12 and native musl wasm-node;
#        n = MAX_N gets only 3 runs; wasm-node-turbofan is Node with --no-liftoff)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
max="${1:-12}"
command -v hyperfine >/dev/null || { echo "measure.sh: hyperfine not found; install it with: apt-get install -y hyperfine" >&2; exit 1; }
command -v node >/dev/null || { echo "measure.sh: node not found (Node 20 or newer is needed for node:wasi)" >&2; exit 1; }
out="$here/build/measure"
mkdir -p "$out"
wasm="$root/src/main/resources/wasimoff/eval/workload/tsp.wasm"
declare -A cmd=(
  [native]="$here/build/tsp-native rand {n} 42"
  [musl]="$here/build/tsp-musl-static rand {n} 42"
  [wasm-node]="node --no-warnings $here/run-wasm.mjs $wasm rand {n} 42"
  [wasm-node-turbofan]="node --no-warnings --no-liftoff $here/run-wasm.mjs $wasm rand {n} 42"
)
shift || true
runtimes=("$@")
[ ${#runtimes[@]} -gt 0 ] || runtimes=(native musl wasm-node)
{ date -u +%FT%TZ; uname -srm; nproc; grep -m1 'model name' /proc/cpuinfo || true; node --version; hyperfine --version; } >> "$out/environment.txt"
for rt in "${runtimes[@]}"; do
  [ -n "${cmd[$rt]:-}" ] || { echo "measure.sh: unknown runtime $rt (${!cmd[*]})" >&2; exit 2; }
  echo "load before $rt: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/environment.txt"
  hyperfine -N --style basic --warmup 2 --runs 10 -P n 2 $((max - 1)) \
    --export-json "$out/$rt-2-$((max - 1)).json" --export-markdown "$out/$rt-2-$((max - 1)).md" "${cmd[$rt]}"
  hyperfine -N --style basic --warmup 1 --runs 3 -P n "$max" "$max" \
    --export-json "$out/$rt-$max.json" --export-markdown "$out/$rt-$max.md" "${cmd[$rt]}"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/environment.txt"
