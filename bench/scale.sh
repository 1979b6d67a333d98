#!/usr/bin/env bash
# `etkg ingest` at scale, end to end from files on disk: for each corpus size,
# generates the corpus (seed 1) once, ingests it with one job and with every
# core, and checks that two shards (`ingest --shard`, alternate files) merge
# into the same bytes as the one ingest. Prints one Markdown table: wall and
# CPU time, input MB/s, peak RSS, the size of graph.json, and the shard check.
#
#   bench/scale.sh [SIZE ...]          # default: 20M 100M
#
# Environment: BUILD_DIR (default build-bench, a Release build with
# -DETKG_BUILD_BENCH=ON, built here if needed), WORK (default
# bench-scale, in the repository: corpora and graphs, several GB for large
# sizes; reused between runs), JOBS (default: all cores). Needs GNU time
# (/usr/bin/time, Debian's `time` package).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

BUILD_DIR=${BUILD_DIR:-build-bench}
WORK=${WORK:-bench-scale}
JOBS=${JOBS:-$(nproc)}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(20M 100M)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

if [ ! -x /usr/bin/time ]; then
  echo "scale.sh: needs GNU time: apt-get install time" >&2
  exit 1
fi
if [ ! -x "$BUILD_DIR/etkg" ] || [ ! -x "$BUILD_DIR/bench/generate_corpus" ]; then
  log "building etkg and generate_corpus in $BUILD_DIR (Release)"
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release -DETKG_BUILD_BENCH=ON >/dev/null
  cmake --build "$BUILD_DIR" --target etkg generate_corpus -j"$JOBS" >/dev/null
fi
ETKG=$ROOT/$BUILD_DIR/etkg
GENERATE=$ROOT/$BUILD_DIR/bench/generate_corpus
mkdir -p "$WORK"
cd "$WORK"

# Runs "$@" under GNU time; sets WALL, CPU (user + system) and RSS (MiB).
timed() {
  /usr/bin/time -f '%e %U %S %M' -o time.txt "$@"
  read -r WALL user sys rss_kb <time.txt
  CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  RSS=$((rss_kb / 1024))
}
mbps() { awk -v b="$1" -v t="$2" 'BEGIN { printf "%.1f", b / 1e6 / t }'; }

rows=()
for size in "${SIZES[@]}"; do
  corpus=corpus-$size
  if [ ! -d "$corpus" ]; then
    log "generating $corpus"
    "$GENERATE" --bytes "$size" --seed 1 --out "$corpus" >/dev/null
  fi
  # Document text only (.txt and .jsonl), as the extraction benchmark counts.
  bytes=$(find "$corpus" \( -name '*.txt' -o -name '*.jsonl' \) -printf '%s\n' |
    awk '{ s += $1 } END { print s }')
  for jobs in 1 "$JOBS"; do
    log "$corpus: ingest --jobs $jobs"
    timed "$ETKG" ingest "$corpus" --jobs "$jobs" -o "graph-$size-j$jobs.json" -q
    out=$(stat -c %s "graph-$size-j$jobs.json")
    rows+=("| $size | $jobs | $WALL s | $CPU s | $(mbps "$bytes" "$WALL") | $RSS MiB | $out |")
  done
  cmp -s "graph-$size-j1.json" "graph-$size-j$JOBS.json" || {
    echo "scale.sh: --jobs 1 and --jobs $JOBS differ for $corpus" >&2
    exit 1
  }
  log "$corpus: two shards, merged"
  find "$corpus" \( -name '*.txt' -o -name '*.jsonl' \) | sort >files.txt
  awk 'NR % 2 == 1' files.txt >shard-a.txt
  awk 'NR % 2 == 0' files.txt >shard-b.txt
  for s in a b; do
    "$ETKG" ingest --files-from "shard-$s.txt" --shard -q -o "shard-$size-$s.json"
  done
  timed "$ETKG" merge "shard-$size-a.json" "shard-$size-b.json" -o "merged-$size.json" -q
  if cmp -s "merged-$size.json" "graph-$size-j1.json"; then same=identical; else same=DIFFERENT; fi
  rows+=("| $size | merge of 2 shards | $WALL s | $CPU s | | $RSS MiB | $same to one ingest |")
  rm -f "graph-$size-j$JOBS.json" "shard-$size-a.json" "shard-$size-b.json" "merged-$size.json"
done

echo
echo "$(nproc) cores; document text: .txt and .jsonl bytes"
echo
echo "| corpus | jobs | wall | CPU | MB/s (wall) | peak RSS | graph.json bytes |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
