#!/usr/bin/env bash
# Runs every test of fashionrec: `mvn verify` over all modules. The README's second command and
# what .ci/run calls. Needs Java 17+ and Maven; tests read the shared sample at
# ../shared/data/fashion-sample (or FASHIONREC_SHARED/data/fashion-sample, or wherever
# FASHIONREC_SAMPLE points).
#
# The CNN tests compare fashionrec's embeddings with PyTorch's. Their reference models and
# embeddings come from ../shared/tools/reference_cnn.py (Debian's python3-torch, torchvision,
# onnx, pil: installed here when missing), made once into a cache directory named by the
# script's hash, and passed to Maven as -Dfashionrec.referenceCnn. The web page's browser tests
# drive Debian's chromium with chromium-driver, installed here the same way.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for tool in java mvn; do
    command -v "$tool" >/dev/null 2>&1 || { echo "test.sh: '$tool' is not installed (Debian: apt-get install -y openjdk-17-jdk-headless maven)" >&2; exit 1; }
done

shared="${FASHIONREC_SHARED:-$(cd .. && pwd)/shared}"
script="$shared/tools/reference_cnn.py"
[ -f "$script" ] || { echo "test.sh: $script is missing; put the shared folder beside the checkout or set FASHIONREC_SHARED" >&2; exit 1; }
# The sample sits in the shared folder too, so FASHIONREC_SHARED alone is enough.
export FASHIONREC_SAMPLE="${FASHIONREC_SAMPLE:-$shared/data/fashion-sample}"

# Debian packages the tests need, each added only when missing: the PyTorch reference, and the
# Chromium + driver that the web page's browser tests drive (Selenium is told to use these two,
# never to download a browser).
packages=()
/usr/bin/python3 -c "import torch, torchvision, onnx, PIL" 2>/dev/null \
    || packages+=(python3-torch python3-torchvision python3-onnx python3-pil)
[ -x /usr/bin/chromium ] || packages+=(chromium)
[ -x /usr/bin/chromedriver ] || packages+=(chromium-driver)
if [ "${#packages[@]}" -gt 0 ]; then
    echo "test.sh: installing ${packages[*]} (once) ..." >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${packages[@]}" >/dev/null
fi

reference="${XDG_CACHE_HOME:-$HOME/.cache}/fashionrec/reference-cnn/$(sha256sum "$script" | cut -c1-16)"
if [ ! -f "$reference/vgg16-reference.json" ]; then
    echo "test.sh: writing the PyTorch reference models to $reference (once; about a minute) ..." >&2
    rm -rf "$reference.tmp"
    mkdir -p "$reference.tmp"
    /usr/bin/python3 "$script" "$reference.tmp" "" 32 >&2
    rm -rf "$reference"
    mv "$reference.tmp" "$reference"
fi

exec mvn -B -ntp verify -Dfashionrec.referenceCnn="$reference" "$@"
