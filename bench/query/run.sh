#!/usr/bin/env bash
# The query benchmark end to end, in one run: builds etkg_query_bench
# (Release, -DETKG_BUILD_BENCH=ON), runs it on the generated graph writing the
# edge list and the query pairs to a temporary directory, runs compare.py on
# the same files with networkx and igraph, and prints one table of etkg /
# networkx / igraph times with the ratios. See bench/query/README.md.
#
#   bench/query/run.sh [benchmark flags, e.g. --graph_seed=2]
#
# Environment: BUILD_DIR (default build-bench, in the repository), JOBS
# (default: all cores), PYTHON (default /usr/bin/python3, the interpreter
# Debian's python3-networkx and python3-igraph are for), KEEP=1 keeps the
# temporary directory and says where it is.
# Needs the Debian packages of ../../run.sh (`./run.sh deps`).
set -euo pipefail
cd "$(dirname "$0")/../.."

BUILD_DIR=${BUILD_DIR:-build-bench}
JOBS=${JOBS:-$(nproc)}
PYTHON=${PYTHON:-/usr/bin/python3}

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if ! "$PYTHON" -c 'import networkx, igraph' 2>/dev/null; then
  echo "run.sh: $PYTHON cannot import networkx and igraph;" \
    "install python3-networkx python3-igraph (./run.sh deps)" >&2
  exit 1
fi

log "building etkg_query_bench in $BUILD_DIR"
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DETKG_BUILD_BENCH=ON >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS" --target etkg_query_bench

out=$(mktemp -d -t etkg-query-bench.XXXXXX)
if [ "${KEEP:-0}" = 1 ]; then
  log "keeping $out"
else
  trap 'rm -rf "$out"' EXIT
fi

log "etkg_query_bench --out=$out (about 1M edges; the path benchmarks take a minute or more each)"
"$BUILD_DIR/bench/query/etkg_query_bench" --out="$out" \
  --benchmark_out="$out/etkg.json" --benchmark_out_format=json "$@"

log "compare.py: networkx and igraph on the same edge list"
status=0
"$PYTHON" bench/query/compare.py "$out" --etkg-json "$out/etkg.json" || status=$?
if [ "$status" -ne 0 ]; then
  echo "run.sh: compare.py failed or found path lengths that differ from etkg's (status $status)" >&2
fi
exit "$status"
