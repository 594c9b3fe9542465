#!/usr/bin/env bash
# Packaging test: builds and packs the four packages, installs them into an app freshly made by
# @backstage/create-app following the READMEs' `install` blocks, type-checks it, starts its
# backend and opens its entity page in Debian's Chromium (see packaging.test.ts).
# MESHLENS_PACKAGING_REFRESH_LOCKFILE=1 re-pins the new app's third-party versions in yarn.lock here.
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/env.sh"
cd "$MESHLENS_ROOT"
bash scripts/install-system-packages.sh
node --test --test-reporter=spec --test-concurrency=1 test/packaging/packaging.test.ts
