#!/usr/bin/env bash
# Installs the systems under test at pinned versions into a cache directory, statically linked:
#   wasimoff-broker                         Wasimoff's broker, Go module wasi.team/broker
#   serverledge, serverledge-lb,            Serverledge's node, load balancer, CLI and executor,
#   serverledge-cli, serverledge-executor   Go module github.com/grussorusso/serverledge
#   etcd                                    Debian's etcd-server (3.4), linked into the cache
# and records their versions in versions.properties. Nothing of the systems' code enters this
# repository: everything comes from the Go module proxy and Debian's archive.
#
# Usage: scripts/install-systems.sh [--check]
#   --check   only verify what is installed; exit 1 if anything is missing
# Cache: $WASIMOFF_EVAL_CACHE (default ~/.cache/wasimoff-eval); binaries in its bin/.
set -euo pipefail

# --- pins -------------------------------------------------------------------------------------
# Wasimoff broker at the newest commit of wasimoff/wasimoff read for this project (2191728, 2026-01-23).
WASIMOFF_BROKER_MODULE=wasi.team/broker
WASIMOFF_BROKER_VERSION=v0.0.0-20260123115543-2191728addcb
# Serverledge as the seed's evaluation ran it: tag v1.0.0-percom23 (de610c8). The evaluation linked
# the load balancer at 8d20606, whose only change is a Docker CPU quota for functions registered with
# a CPU demand; the seed registered none (see ../shared/reference/serverledge-api.md, section 1).
# 8d20606 itself is not served by the Go module proxy reachable here; the tag is.
SERVERLEDGE_MODULE=github.com/grussorusso/serverledge
SERVERLEDGE_VERSION=v1.0.0-percom23
# go.sum line of that module version (the public checksum database is not reachable here, so the
# script checks the module's hash itself)
SERVERLEDGE_SUM=h1:v4mGQkPSfugWXfRRvZvOUluak1oyeaa6Rqkv3x+7X2E=
# -----------------------------------------------------------------------------------------------

cache="${WASIMOFF_EVAL_CACHE:-$HOME/.cache/wasimoff-eval}"
bin="$cache/bin"
versions="$bin/versions.properties"
mkdir -p "$bin"
check_only=false
[ "${1:-}" = "--check" ] && check_only=true

say() { printf '== %s\n' "$*"; }
recorded() { grep -sqxF "$1" "$versions"; }
record() { # record KEY VALUE
  touch "$versions"
  grep -v "^$1=" "$versions" > "$versions.tmp" || true
  printf '%s=%s\n' "$1" "$2" >> "$versions.tmp"
  sort -o "$versions" "$versions.tmp" && rm -f "$versions.tmp"
}
static_or_die() {
  if ldd "$1" >/dev/null 2>&1; then echo "install-systems: $1 is not statically linked" >&2; exit 1; fi
}

missing=()

# --- Wasimoff broker ---------------------------------------------------------------------------
if [ -x "$bin/wasimoff-broker" ] && recorded "wasimoff.broker.version=$WASIMOFF_BROKER_VERSION"; then
  say "wasimoff-broker $WASIMOFF_BROKER_VERSION already installed"
elif $check_only; then
  missing+=(wasimoff-broker)
else
  say "installing $WASIMOFF_BROKER_MODULE@$WASIMOFF_BROKER_VERSION"
  tmp=$(mktemp -d)
  if CGO_ENABLED=0 GOBIN="$tmp" go install -trimpath "$WASIMOFF_BROKER_MODULE@$WASIMOFF_BROKER_VERSION" 2>"$tmp/err"; then
    mv "$tmp/broker" "$bin/wasimoff-broker"
    rm -f "$bin/wasimoff-broker.missing"
    static_or_die "$bin/wasimoff-broker"
    record wasimoff.broker.module "$WASIMOFF_BROKER_MODULE"
    record wasimoff.broker.version "$WASIMOFF_BROKER_VERSION"
  else
    echo "install-systems: NOT INSTALLED: wasimoff-broker. The Go module proxy refused it:" >&2
    sed 's/^/    /' "$tmp/err" >&2
    # kept for the harness, which reports it as the reason the wasimoff system does not run
    { echo "go install $WASIMOFF_BROKER_MODULE@$WASIMOFF_BROKER_VERSION failed:"; cat "$tmp/err"; } > "$bin/wasimoff-broker.missing"
    echo "    The wasimoff system is skipped (with this reason) until $bin/wasimoff-broker exists." >&2
    missing+=(wasimoff-broker)
  fi
  rm -rf "$tmp"
fi

# --- Serverledge -------------------------------------------------------------------------------
serverledge_bins=(serverledge serverledge-lb serverledge-cli serverledge-executor)
have_all=true
for b in "${serverledge_bins[@]}"; do [ -x "$bin/$b" ] || have_all=false; done
if $have_all && recorded "serverledge.version=$SERVERLEDGE_VERSION"; then
  say "serverledge $SERVERLEDGE_VERSION already installed"
elif $check_only; then
  missing+=("${serverledge_bins[@]}")
else
  say "installing $SERVERLEDGE_MODULE@$SERVERLEDGE_VERSION"
  # `go install pkg@version` asks the proxy for the module's version list (refused here), so the
  # module is downloaded, its hash checked against the pin, and built in place.
  json=$(GONOSUMDB="$SERVERLEDGE_MODULE" GOFLAGS=-mod=mod go mod download -json "$SERVERLEDGE_MODULE@$SERVERLEDGE_VERSION")
  sum=$(printf '%s' "$json" | sed -n 's/.*"Sum": "\(.*\)".*/\1/p')
  dir=$(printf '%s' "$json" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  if [ "$sum" != "$SERVERLEDGE_SUM" ]; then
    echo "install-systems: $SERVERLEDGE_MODULE@$SERVERLEDGE_VERSION has hash $sum, expected $SERVERLEDGE_SUM" >&2
    exit 1
  fi
  for pair in serverledge:serverledge lb:serverledge-lb cli:serverledge-cli executor:serverledge-executor; do
    (cd "$dir" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath -o "$bin/${pair#*:}" "./cmd/${pair%%:*}")
    static_or_die "$bin/${pair#*:}"
    say "  built ${pair#*:}"
  done
  record serverledge.module "$SERVERLEDGE_MODULE"
  record serverledge.version "$SERVERLEDGE_VERSION"
  record serverledge.commit de610c885453f722996d9a92bd50b3f58b656bc2
fi

# --- etcd --------------------------------------------------------------------------------------
if ! command -v etcd >/dev/null; then
  if $check_only; then
    missing+=(etcd)
  elif [ "$(id -u)" = 0 ]; then
    say "installing Debian's etcd-server"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server >/dev/null
  else
    echo "install-systems: etcd missing; run: sudo apt-get install -y etcd-server" >&2
    missing+=(etcd)
  fi
fi
if command -v etcd >/dev/null; then
  ln -sf "$(command -v etcd)" "$bin/etcd"
  record etcd.version "$(etcd --version | sed -n 's/^etcd Version: //p')"
  record etcd.source "Debian etcd-server"
fi

record go.version "$(go version | awk '{print $3}')"
say "cache: $bin"
sed 's/^/   /' "$versions"
if [ ${#missing[@]} -gt 0 ]; then
  say "missing: ${missing[*]}"
  $check_only && exit 1
fi
exit 0
