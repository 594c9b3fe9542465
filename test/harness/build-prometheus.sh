#!/usr/bin/env bash
# Builds Prometheus 3.x (`prometheus` and `promtool`) from the Go module proxy into a cache folder
# keyed by version, and prints the folder. Skips what is built. Prometheus 3.x is module
# github.com/prometheus/prometheus v0.3MM.P (= Prometheus 3.MM.P). Debian's 2.42 predates the
# PromQL semantics the snapshot evaluator follows (2.51's extrapolation order, 3.0's left-open
# ranges), so the parity test needs this build. Ready-made binaries win: MESHLENS_PROMETHEUS_BIN
# (a folder with both). Service discoveries are left out (tag remove_all_sd): the harness only
# serves backfilled blocks. A cold build takes several minutes on 2 cores; warm, nothing is rebuilt.
set -euo pipefail
PROM_MODULE_VERSION="${MESHLENS_PROMETHEUS_MODULE_VERSION:-0.316.0}"
CACHE="${MESHLENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/meshlens}"
BIN="$CACHE/prometheus-v$PROM_MODULE_VERSION"

log() { echo "meshlens harness: $*" >&2; }

if [ -n "${MESHLENS_PROMETHEUS_BIN:-}" ] && [ -x "$MESHLENS_PROMETHEUS_BIN/prometheus" ] && [ -x "$MESHLENS_PROMETHEUS_BIN/promtool" ]; then
  echo "$MESHLENS_PROMETHEUS_BIN"; exit 0
fi
if [ -x "$BIN/prometheus" ] && [ -x "$BIN/promtool" ]; then echo "$BIN"; exit 0; fi
command -v go >/dev/null || { log "Go is not installed: cannot build Prometheus 3.x (set MESHLENS_PROMETHEUS_BIN to use ready-made binaries)"; exit 3; }
mkdir -p "$BIN"
export GOFLAGS=-mod=mod GOWORK=off GOTOOLCHAIN=local CGO_ENABLED=0

build_prometheus() {
  local dir="$CACHE/build/prometheus-v$PROM_MODULE_VERSION" mm release
  rm -rf "$dir"; mkdir -p "$dir"; cd "$dir"
  # Module v0.MNN.P is Prometheus M.NN.P (v0.316.0 = 3.16.0): stamped into `--version`.
  mm="${PROM_MODULE_VERSION#0.}"; mm="${mm%%.*}"
  release="${mm:0:1}.$((10#${mm:1})).${PROM_MODULE_VERSION##*.}"
  go mod init meshlens.invalid/prometheus >/dev/null 2>&1
  go get "github.com/prometheus/prometheus/cmd/prometheus@v$PROM_MODULE_VERSION" >/dev/null 2>&1
  local ldflags="-s -w -X github.com/prometheus/common/version.Version=$release"
  go build -trimpath -tags remove_all_sd -ldflags "$ldflags" -o "$BIN/promtool.tmp" github.com/prometheus/prometheus/cmd/promtool
  go build -trimpath -tags remove_all_sd -ldflags "$ldflags" -o "$BIN/prometheus.tmp" github.com/prometheus/prometheus/cmd/prometheus
  mv "$BIN/promtool.tmp" "$BIN/promtool"; mv "$BIN/prometheus.tmp" "$BIN/prometheus"
}

log "building Prometheus module v$PROM_MODULE_VERSION (prometheus + promtool, once)"; s=$SECONDS; (build_prometheus); log "Prometheus built in $((SECONDS - s)) s"
echo "$BIN"
