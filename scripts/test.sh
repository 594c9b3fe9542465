#!/usr/bin/env bash
# The one command that sets up a fresh machine and runs every test: Node 22 (from the npm
# registry when the machine's Node is older), the Yarn workspace, Debian's Chromium for the
# browser tests, then all suites.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MESHLENS_ROOT"
bash scripts/install.sh
bash scripts/install-system-packages.sh
bash scripts/test-all.sh
