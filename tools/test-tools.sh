#!/usr/bin/env bash
# What the test suite needs from the operating system besides Java and Maven: Redis (a throwaway
# redis-server for the ITs of the cache's second level) and Chromium (GraphiQL and the dashboard are
# tested in a real headless browser). Run by `mvn verify` before anything else (the root pom's
# test-tools execution; skipped with -DskipTests); installs what is missing from Debian's packages
# when it can (as root, or with password-less sudo), and otherwise says exactly what to install.
set -euo pipefail

missing=()
command -v redis-server >/dev/null && command -v redis-cli >/dev/null || missing+=(redis-server)
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null \
    && ! command -v google-chrome >/dev/null; then
  missing+=(chromium)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "test tools: installing ${missing[*]} (Debian packages) for the integration tests" >&2
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "test tools: ${missing[*]} missing and this user cannot install packages; run" >&2
  echo "    sudo apt-get install -y ${missing[*]}" >&2
  echo "  (or pass -Dbrowser=/path/to/chrome and put redis-server on the PATH), then run the tests again" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "test tools: ${missing[*]} missing and there is no apt-get here; install them with your package manager" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q >&2
"${as_root[@]}" apt-get install -y -q "${missing[@]}" >&2
