#!/usr/bin/env python3
"""Compare two result.csv files (node_id,category,meters).

Rows must match as (node_id, category) sets and distances must agree within TOL metres (default 0.01).
Rows present in only one file are tolerated only if their distance is within TOL of the horizon
(a path of exactly ~max_meters can fall on either side of `<` due to float rounding).
Prints a one-line verdict; exit status 1 on mismatch.

Usage: compare.py OURS OTHER MAX_METERS [TOL] [--order]   (--order also checks that OURS is sorted like OTHER)
"""
import sys

import numpy as np
import pandas as pd


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    ours_path, other_path, max_meters = args[0], args[1], float(args[2])
    tol = float(args[3]) if len(args) > 3 else 0.01
    ours = pd.read_csv(ours_path, dtype={"node_id": str, "category": str, "meters": np.float64})
    other = pd.read_csv(other_path, dtype={"node_id": str, "category": str, "meters": np.float64})
    if "--order" in sys.argv and len(ours) == len(other):
        same_order = (ours["node_id"].to_numpy() == other["node_id"].to_numpy()).all() and \
            (ours["category"].to_numpy() == other["category"].to_numpy()).all()
        print(f"row order identical: {bool(same_order)}")
    merged = ours.merge(other, on=["node_id", "category"], how="outer", suffixes=("_ours", "_other"),
                        indicator=True)
    both = merged[merged["_merge"] == "both"]
    diff = (both["meters_ours"] - both["meters_other"]).abs()
    only_ours = merged[merged["_merge"] == "left_only"]
    only_other = merged[merged["_merge"] == "right_only"]
    bad_only = (only_ours["meters_ours"] < max_meters - tol).sum() + (only_other["meters_other"] < max_meters - tol).sum()
    bad_diff = int((diff > tol + 1e-9).sum())
    ok = bad_diff == 0 and bad_only == 0
    print(f"{'MATCH' if ok else 'MISMATCH'}: rows ours={len(ours)} other={len(other)} common={len(both)} "
          f"only_ours={len(only_ours)} only_other={len(only_other)} (not at horizon: {bad_only}) "
          f"max_abs_diff={diff.max() if len(diff) else 0:.4f} m, diffs>{tol}: {bad_diff}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
