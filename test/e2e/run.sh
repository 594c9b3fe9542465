#!/usr/bin/env bash
# Browser tests: Debian's Chromium, a production build of the app (served by the backend),
# then the node:test suite that drives Chromium through playwright-core.
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/env.sh"
cd "$MESHLENS_ROOT"
bash scripts/install-system-packages.sh
yarn workspace app build
node --test --test-reporter=spec --test-concurrency=1 'test/e2e/**/*.test.ts'
