#!/usr/bin/env bash
# Compares two etkg builds on one corpus in the same run, alternating them
# so that a shared machine's noise falls on both alike, and prints the
# min / median / max of wall and CPU seconds and of peak memory.
#
#   bench/compare.sh OLD_ETKG NEW_ETKG CORPUS [RUNS] [JOBS]
#
# e.g. bench/compare.sh ../old/build/etkg build/etkg corpus20 5 1
# (a corpus from `build-bench/bench/generate_corpus --bytes 20M --seed 1
# --out corpus20`). Outputs go to a scratch folder that is removed.
set -euo pipefail
old=$1 new=$2 corpus=$3 runs=${4:-5} jobs=${5:-1}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for ((i = 0; i < runs; i++)); do
  for which in old new; do
    bin=$old
    [ "$which" = new ] && bin=$new
    /usr/bin/time -f "$which %e %U %S %M" -o "$scratch/time" \
      "$bin" ingest "$corpus" --jobs "$jobs" -q -o "$scratch/$which.json"
    cat "$scratch/time" >> "$scratch/times"
  done
done
if ! cmp -s "$scratch/old.json" "$scratch/new.json"; then
  echo "note: the two builds write different graphs"
fi
python3 - "$scratch/times" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    which, wall, user, sys_, rss = line.split()
    rows.setdefault(which, []).append((float(wall), float(user) + float(sys_), int(rss) / 1024))
for which in ("old", "new"):
    r = rows[which]
    def mmm(k):
        v = sorted(x[k] for x in r)
        return f"{v[0]:.2f} / {statistics.median(v):.2f} / {v[-1]:.2f}"
    print(f"{which}: wall s {mmm(0)}   cpu s {mmm(1)}   peak MiB {mmm(2)}   (min / median / max of {len(r)})")
PY
