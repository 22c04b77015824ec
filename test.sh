#!/usr/bin/env bash
# Runs every test of fashionrec: `mvn verify` over all modules. The README's second command and
# what .ci/run calls. Needs Java 17+ and Maven; tests read the shared sample at
# ../shared/data/fashion-sample (or wherever FASHIONREC_SAMPLE points).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for tool in java mvn; do
    command -v "$tool" >/dev/null 2>&1 || { echo "test.sh: '$tool' is not installed (Debian: apt-get install -y openjdk-17-jdk-headless maven)" >&2; exit 1; }
done
exec mvn -B -ntp verify "$@"
