#!/usr/bin/env python3
"""Fails when extraction loses ground on the development set.

usage: check_score.py ETKG DEV_DIR SCORER FLOORS_JSON

Runs the scorer (shared/eval/score.py) over the development set
(shared/dev: real documents with hand-written gold) and compares its summary
with the figures last reached, kept in FLOORS_JSON. A figure below its floor
fails the test; a figure above it is printed so the floor can be raised.
Exits 77 (a skip) when the development set or the scorer is absent.
"""
import json
import os
import subprocess
import sys


def figures(summary):
    merge = summary.get("merge", {})
    return {
        "events.P": summary["events"]["P"],
        "events.R": summary["events"]["R"],
        "events.F1": summary["events"]["F1"],
        "leaders.F1": summary["leaders"]["F1"],
        "places.P": summary["places"]["P"],
        "places.R": summary["places"]["R"],
        "issues_recall": summary["issues_recall"],
        "merges_ok": merge.get("ok", 0),
    }


def main(argv):
    etkg, dev, scorer, floors_path = argv[1:5]
    gold, docs = os.path.join(dev, "gold"), os.path.join(dev, "docs")
    all_gold = os.path.join(gold, "all.json")
    for needed in (gold, docs, scorer):
        if not os.path.exists(needed):
            print(f"skipped: {needed} is absent")
            return 77
    run = subprocess.run([sys.executable, scorer, etkg, gold, docs, "--all", all_gold],
                         capture_output=True, text=True, timeout=1200)
    if run.returncode != 0:
        print(run.stdout[-4000:], run.stderr[-4000:])
        return 1
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    if summary.get("errors"):
        print(run.stdout)
        print(f"{summary['errors']} documents failed to ingest")
        return 1
    with open(floors_path) as f:
        floors = json.load(f)
    got = figures(summary)
    failed = False
    for key, floor in sorted(floors.items()):
        value = got[key]
        mark = "ok"
        if value < floor - 1e-9:
            mark, failed = "BELOW", True
        elif value > floor + 1e-9:
            mark = "above (raise the floor)"
        print(f"{key:14} {value:>7} floor {floor:>7}  {mark}")
    if failed:
        print(run.stdout)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
