#!/bin/sh
# One headless Chromium opening Wasimoff's web provider at $1, run so that nothing outlives it:
# every file it writes (profile, HOME, crash reports) is below $BROWSER_DIR, and when it ends (a
# signal to this script, or on its own) this script waits for the processes that name that
# directory (chrome_crashpad_handler leaves the browser's process tree and outlives it briefly),
# kills what is left, removes the directory and exits with the browser's status.
# The directory comes from the environment, not an argument, so that this script's own command
# line does not match it.
url=$1
dir=${BROWSER_DIR:?BROWSER_DIR must name the directory of this provider}
case "$dir" in
  /*/wasimoff-browser-*) ;;
  *) echo "browser-provider: refusing BROWSER_DIR=$dir (not an absolute wasimoff-browser-* directory)"; exit 2 ;;
esac
mkdir -p "$dir/home" "$dir/config" "$dir/cache" "$dir/crash"
export HOME="$dir/home" XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache"

chromium --headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --disable-quic --no-first-run --crash-dumps-dir="$dir/crash" --user-data-dir="$dir/profile" \
  "$url" &
browser=$!
trap 'kill -TERM $browser 2>/dev/null' TERM INT
wait $browser
status=$?
# a trapped signal ends the first wait early; a zombie still answers kill -0 until reaped
while kill -0 $browser 2>/dev/null; do
  wait $browser
  status=$?
done

leftovers() {
  for p in /proc/[0-9]*; do
    case "$(tr '\0' ' ' < "$p/cmdline" 2>/dev/null)" in
      *"$dir/"*) echo "${p#/proc/}" ;;
    esac
  done
}
tries=0
while [ -n "$(leftovers)" ] && [ $tries -lt 20 ]; do
  sleep 0.15
  tries=$((tries + 1))
done
left=$(leftovers)
if [ -n "$left" ]; then
  echo "browser-provider: killing what outlived the browser: $left"
  kill -KILL $left 2>/dev/null
fi
rm -rf "$dir"
echo "browser-provider: chromium exited with status $status"
exit $status
