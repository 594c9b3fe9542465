#!/usr/bin/env bash
# Runs every suite (type check, lint, unit, integration, browser end-to-end, packaging, load) even when one
# fails, then prints the totals over all of them as a plain `N passed, N failed` line.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$MESHLENS_ROOT"
LOGS="$MESHLENS_ROOT/test/.artifacts/logs"
mkdir -p "$LOGS"
passed=0; failed=0; status=0

count() { # suite log: adds the suite's test counts (Jest or node:test) to the totals
  local log=$1 p f
  p=$(sed -n 's/^Tests:.* \([0-9][0-9]*\) passed.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
  f=$(sed -n 's/^Tests: *\([0-9][0-9]*\) failed.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
  p=$((p + $(sed -n 's/^ℹ pass \([0-9][0-9]*\)$/\1/p' "$log" | awk '{s+=$1} END {print s+0}')))
  f=$((f + $(sed -n 's/^ℹ \(fail\|cancelled\) \([0-9][0-9]*\)$/\2/p' "$log" | awk '{s+=$1} END {print s+0}')))
  passed=$((passed + p)); failed=$((failed + f))
  suite_counts="$p passed, $f failed"
}

run() { # name command...: runs one suite, keeps its log, records a failure of the command
  local name=$1; shift
  echo "=== $name: $*"
  local start=$SECONDS
  if "$@" 2>&1 | tee "$LOGS/$name.log"; then rc=0; else rc=${PIPESTATUS[0]}; fi
  count "$LOGS/$name.log"
  echo "=== $name: exit $rc after $((SECONDS - start)) s; $suite_counts"
  if [ "$rc" -ne 0 ]; then
    status=1
    # A suite that failed before its runner reported anything still counts as one failure.
    grep -qE '^Tests:|^ℹ (pass|fail) ' "$LOGS/$name.log" || failed=$((failed + 1))
  fi
}

run tsc yarn tsc
run lint yarn lint
run unit yarn test:unit
run integration yarn test:integration
run e2e yarn test:e2e
run packaging yarn test:packaging
run load yarn test:load

echo "$passed passed, $failed failed"
exit $status
