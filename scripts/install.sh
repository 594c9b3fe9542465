#!/usr/bin/env bash
# Installs everything the portal and the tests need on a fresh machine: Node 22, the Yarn
# workspace (immutable lockfile). Idempotent: a second run takes seconds.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MESHLENS_ROOT"
yarn install --immutable "$@"
