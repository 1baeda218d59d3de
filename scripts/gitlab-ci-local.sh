#!/usr/bin/env bash
# Runs gitlab-ci-local 4.75 under Node 22 (it needs a newer Node than the repo's Node 20), both
# installed once into .tools/gcl (gitignored). Arguments pass straight through:
#   scripts/gitlab-ci-local.sh --cwd some/project --shell-executor-no-image job-name
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$root/.tools/gcl"
gcl="$prefix/node_modules/gitlab-ci-local/dist/index.js"
node22="$prefix/node_modules/node/bin/node"
if [ ! -x "$node22" ] || [ ! -f "$gcl" ]; then
  # One install at a time, even when several test files start in parallel.
  mkdir -p "$prefix"
  (
    flock 9
    if [ ! -x "$node22" ] || [ ! -f "$gcl" ]; then
      npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error gitlab-ci-local@4.75 node@22 >&2
    fi
  ) 9>"$prefix/.install.lock"
fi
exec "$node22" "$gcl" "$@"
