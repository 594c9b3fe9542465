#!/usr/bin/env bash
# Builds kube-apiserver and etcd from the Go module proxy into a cache folder keyed by version,
# and prints the folder (KUBEBUILDER_ASSETS layout: kube-apiserver, etcd). Skips what is built.
# Ready-made binaries win: KUBEBUILDER_ASSETS (a folder with both) or TEST_ASSET_KUBE_APISERVER
# and TEST_ASSET_ETCD. A cold build takes 10-20 minutes on 2 cores; warm, nothing is rebuilt.
set -euo pipefail
K8S_VERSION="${MESHLENS_K8S_VERSION:-1.35.4}"
ETCD_VERSION="${MESHLENS_ETCD_VERSION:-3.6.16}"
CACHE="${MESHLENS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/meshlens}"
BIN="$CACHE/k8s-v$K8S_VERSION-etcd-v$ETCD_VERSION"

log() { echo "meshlens harness: $*" >&2; }

if [ -n "${KUBEBUILDER_ASSETS:-}" ] && [ -x "$KUBEBUILDER_ASSETS/kube-apiserver" ] && [ -x "$KUBEBUILDER_ASSETS/etcd" ]; then
  echo "$KUBEBUILDER_ASSETS"; exit 0
fi
if [ -n "${TEST_ASSET_KUBE_APISERVER:-}" ] && [ -n "${TEST_ASSET_ETCD:-}" ]; then
  mkdir -p "$CACHE/assets"
  ln -sf "$TEST_ASSET_KUBE_APISERVER" "$CACHE/assets/kube-apiserver"
  ln -sf "$TEST_ASSET_ETCD" "$CACHE/assets/etcd"
  echo "$CACHE/assets"; exit 0
fi
command -v go >/dev/null || { log "Go is not installed: cannot build kube-apiserver and etcd (set KUBEBUILDER_ASSETS to use ready-made binaries)"; exit 3; }
mkdir -p "$BIN"
export GOFLAGS=-mod=mod GOWORK=off GOTOOLCHAIN=local CGO_ENABLED=0

build_etcd() {
  local dir="$CACHE/build/etcd-v$ETCD_VERSION"
  rm -rf "$dir"; mkdir -p "$dir"; cd "$dir"
  go mod init meshlens.invalid/etcd >/dev/null 2>&1
  go get "go.etcd.io/etcd/server/v3@v$ETCD_VERSION" >/dev/null 2>&1
  go build -trimpath -ldflags '-s -w' -o "$BIN/etcd.tmp" go.etcd.io/etcd/server/v3
  mv "$BIN/etcd.tmp" "$BIN/etcd"
}

build_apiserver() {
  local dir="$CACHE/build/apiserver-v$K8S_VERSION" minor="0.${K8S_VERSION#1.}" gomod m
  rm -rf "$dir"; mkdir -p "$dir"; cd "$dir"
  go mod init meshlens.invalid/apiserver >/dev/null 2>&1
  gomod=$(go mod download -json "k8s.io/kubernetes@v$K8S_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  go mod edit -require="k8s.io/kubernetes@v$K8S_VERSION"
  # k8s.io/kubernetes requires its staging modules at v0.0.0: replace each with its release.
  for m in $(grep -E '^\s+k8s\.io/[a-z0-9-]+ v0\.0\.0$' "$gomod" | awk '{print $1}' | sort -u); do
    go mod edit -replace="$m=$m@v$minor"
  done
  go get "k8s.io/kubernetes/cmd/kube-apiserver@v$K8S_VERSION" >/dev/null 2>&1
  go build -trimpath -ldflags "-s -w -X k8s.io/component-base/version.gitVersion=v$K8S_VERSION \
    -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=${minor#0.}" \
    -o "$BIN/kube-apiserver.tmp" k8s.io/kubernetes/cmd/kube-apiserver
  mv "$BIN/kube-apiserver.tmp" "$BIN/kube-apiserver"
}

if [ ! -x "$BIN/etcd" ]; then
  log "building etcd v$ETCD_VERSION (1-2 minutes)"; s=$SECONDS; (build_etcd); log "etcd built in $((SECONDS - s)) s"
fi
if [ ! -x "$BIN/kube-apiserver" ]; then
  log "building kube-apiserver v$K8S_VERSION (10-20 minutes on 2 cores, once)"; s=$SECONDS; (build_apiserver); log "kube-apiserver built in $((SECONDS - s)) s"
fi
echo "$BIN"
