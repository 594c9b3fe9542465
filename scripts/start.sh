#!/usr/bin/env bash
# The one command that sets up a fresh machine and starts the portal on the demo data:
# frontend on http://localhost:3000, backend on http://localhost:7007.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MESHLENS_ROOT"
bash scripts/install.sh
yarn start
