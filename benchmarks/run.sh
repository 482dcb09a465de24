#!/usr/bin/env bash
# The load generator benchmark: wrk, Locust HttpUser, Locust FastHttpUser and ours against one
# nginx worker answering "ok" on loopback, one after another, then a median-latency fidelity check.
# Usage: benchmarks/run.sh [--connections 64] [--duration 12] [--rounds 3] [--warm-up 3] [--delay-ms 2] [--fidelity-duration 6]
# Installs what is missing from Debian (wrk, python3-locust, nginx-light, time). Output goes to
# target/bench/; the table is printed (copy it into docs/benchmarks.md). Exit 1 when a target was missed.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v locust >/dev/null || need+=(python3-locust)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx-light)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]}"
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_=sudo
  $sudo_ apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -q "${need[@]}" >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

mvn -q -B compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
mkdir -p target/bench

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -e "s#PREFIX#$work#g" -e "s#PORT#$port#g" benchmarks/nginx.conf > "$work/nginx.conf"
"$NGINX" -p "$work" -c "$work/nginx.conf" -e "$work/error.log"
trap '"$NGINX" -p "$work" -c "$work/nginx.conf" -e "$work/error.log" -s stop 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$port/', timeout=1)" 2>/dev/null && break
  sleep 0.1
done
echo "target: $("$NGINX" -v 2>&1 | sed 's/.*: //'), 1 worker, http://127.0.0.1:$port/"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(uname -sr)"
echo "tools: wrk $(dpkg-query -W -f '${Version}' wrk 2>/dev/null), locust $(dpkg-query -W -f '${Version}' python3-locust 2>/dev/null), $(java -version 2>&1 | head -1)"

worker=$(pgrep -P "$(cat "$work/nginx.pid")" 2>/dev/null | head -1 || true)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on this machine skews every figure)"
status=0
java -cp "target/classes:$(cat target/bench.classpath)" wasimoff.eval.load.bench.LoadBenchmark \
  --url "http://127.0.0.1:$port/" --target-pid "${worker:-0}" \
  --out target/bench "$@" || status=$?
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
