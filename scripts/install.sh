#!/usr/bin/env bash
# Installs everything the portal and the tests need on a fresh machine: Node 22, the Yarn
# workspace (immutable lockfile), and the demo's proxy metrics, generated from the declared
# traffic model (examples/traffic) rather than committed. Idempotent: a second run takes seconds.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MESHLENS_ROOT"
yarn install --immutable "$@"
metrics=examples/homelab-meshed/metrics/traffic.om
if [ ! -s "$metrics" ] || [ -n "$(find examples/traffic examples/homelab-meshed/cluster examples/homelab-meshed/snapshot.yaml -newer "$metrics" -type f 2>/dev/null | head -1)" ]; then
  echo "meshlens: generating the demo's proxy metrics from examples/traffic"
  node examples/traffic/homelab-meshed.ts
fi
