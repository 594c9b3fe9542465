#!/usr/bin/env bash
# Integration tests on real servers: builds (or reuses) kube-apiserver, etcd and Prometheus 3.x
# (prometheus + promtool) from the Go module proxy into ~/.cache/meshlens/, then runs the
# node:test suites, which start and stop every server themselves. In CI a missing piece fails
# the run; locally, without Go, the apiserver and PromQL-parity suites are skipped with a loud
# notice and the others run on Debian's prometheus/promtool (2.42).
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/env.sh"
cd "$MESHLENS_ROOT"
bash scripts/install-system-packages.sh
suites=('test/integration/**/*.test.ts')
if ! command -v go >/dev/null 2>&1 && [ -z "${KUBEBUILDER_ASSETS:-}" ] && [ -z "${TEST_ASSET_KUBE_APISERVER:-}" ]; then
  if [ -n "${CI:-}" ]; then
    echo "meshlens: Go is missing, so kube-apiserver and etcd cannot be built: the integration suite cannot run in CI" >&2
    exit 1
  fi
  echo "################################################################################" >&2
  echo "# meshlens: NO GO TOOLCHAIN: SKIPPING the kube-apiserver integration suite     #" >&2
  echo "################################################################################" >&2
  echo "meshlens: (and the PromQL-parity suite, which needs Prometheus 3.x built with Go)" >&2
  suites=('test/integration/demo-backend.test.ts' 'test/integration/prometheus.test.ts' 'test/integration/examples.test.ts')
else
  echo "meshlens: kube-apiserver and etcd in $(bash test/harness/build-binaries.sh)"
fi
if command -v go >/dev/null 2>&1 || [ -n "${MESHLENS_PROMETHEUS_BIN:-}" ]; then
  if ! MESHLENS_PROMETHEUS_BIN="$(bash test/harness/build-prometheus.sh)"; then
    echo "meshlens: Prometheus 3.x could not be built: the integration suite cannot run" >&2
    exit 1
  fi
  export MESHLENS_PROMETHEUS_BIN
  echo "meshlens: $("$MESHLENS_PROMETHEUS_BIN/prometheus" --version 2>&1 | head -1) in $MESHLENS_PROMETHEUS_BIN"
fi
node --test --test-reporter=spec --test-concurrency=1 "${suites[@]}"
