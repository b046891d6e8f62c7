#!/usr/bin/env python3
"""Recomputes CER independently of evalpanel's C++ code and compares it with the stored scores.

Reads `evalpanel export --format jsonl` output (a file or standard input) and, for every case that has a
stored `cer`, computes CER from the stored `output` and `expected` with a plain-Python implementation of
METRICS.md §2 (jiwer 4.0 defaults: strip with str.isspace, one token per code point, unit-cost edit
distance, empty reference -> insertion count). When the export's `metric_params.cer.collapse_whitespace` is
true (or --collapse-whitespace is given), every run of white space becomes one space on both sides first
(METRICS.md §11), as the suite asked.

    build/bin/evalpanel export --run latest | python3 tools/check/verify_cer.py [--collapse-whitespace]

Exits 1 when any case differs by more than --tolerance (default 1e-9).
"""
import argparse
import json
import sys


def levenshtein(a, b):
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
        previous = current
    return previous[-1]


def collapse(text):
    out, in_space = [], False
    for ch in text:
        if ch.isspace():
            if not in_space:
                out.append(" ")
            in_space = True
        else:
            out.append(ch)
            in_space = False
    return "".join(out)


def cer(prediction, reference, collapse_whitespace):
    if collapse_whitespace:
        prediction, reference = collapse(prediction), collapse(reference)
    hyp = list(prediction.strip())  # str.strip() strips exactly the str.isspace() set
    ref = list(reference.strip())
    if not ref:
        return float(len(hyp))
    return levenshtein(hyp, ref) / len(ref)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("export", nargs="?", default="-", help="JSONL export file (default: standard input)")
    parser.add_argument("--collapse-whitespace", action="store_true")
    parser.add_argument("--tolerance", type=float, default=1e-9)
    args = parser.parse_args()
    stream = sys.stdin if args.export == "-" else open(args.export, encoding="utf-8")
    checked, worst, bad = 0, 0.0, []
    for line_number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        row = json.loads(line)
        stored = row.get("scores", {}).get("cer")
        if stored is None or not isinstance(row.get("expected"), str):
            continue
        output = row["output"] if row["status"] == "ok" else ""
        params = (row.get("metric_params") or {}).get("cer") or {}
        collapse_ws = args.collapse_whitespace or bool(params.get("collapse_whitespace", False))
        mine = cer(output, row["expected"], collapse_ws)
        diff = abs(mine - stored)
        worst = max(worst, diff)
        checked += 1
        if diff > args.tolerance:
            bad.append((line_number, row["case_id"], stored, mine))
    for line_number, case_id, stored, mine in bad[:20]:
        print(f"line {line_number}: case {case_id}: stored cer {stored!r}, recomputed {mine!r}")
    print(f"{checked} cases checked, largest difference {worst:.3g}, {len(bad)} over {args.tolerance:g}")
    return 1 if bad or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
