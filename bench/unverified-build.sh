#!/usr/bin/env bash
# A build of this checkout WITHOUT bearer-token verification, only as the baseline for bench/ab.sh
# (what verifying tokens costs): a git worktree of HEAD at bench/target/unverified with
# bench/unverified.patch applied, built with mvn -Prun package. The patch drops Liberty's MicroProfile
# JWT feature (and with it the server's security pipeline) and reads the caller from the token's claims
# unchecked, each distinct token decoded once. Never deploy it.
#   bench/unverified-build.sh && bench/ab.sh bench/target/unverified .
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tree="$here/bench/target/unverified"
git -C "$here" worktree remove --force "$tree" 2>/dev/null || rm -rf "$tree"
git -C "$here" worktree prune
git -C "$here" worktree add --detach "$tree" HEAD >/dev/null
git -C "$tree" apply "$here/bench/unverified.patch"
(cd "$tree" && mvn -B -q -Prun package -DskipTests)
echo "built: $tree (HEAD $(git -C "$here" log -1 --format=%h) without token verification)"
