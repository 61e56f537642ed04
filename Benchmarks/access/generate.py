#!/usr/bin/env python3
"""Generate a synthetic, realistic-looking street network around Chengdu for the access benchmarks.

The network is a perturbed grid: rows and columns are spaced 60-100 m apart (like city blocks), every
intersection is jittered by up to +-8 m, about 7 % of the grid streets are removed (dead ends, superblocks),
about 4 % of blocks get a diagonal street, a few streets are duplicated with a longer length (parallel
carriageways), and a few nodes are isolated. Edge lengths are the haversine distance between the two
intersections times a small curvature factor (1.00-1.08), written with two decimals.

Writes, into the output folder:
  nodes.csv       id,lon,lat
  edges.csv       from,to,meters            (two-way)
  facilities.csv  id,category,node_id       (8 categories, densities loosely modelled on a dense city)

Usage: generate.py --nodes 200000 --out DIR [--seed 7]
"""
import argparse
import math
import os

import numpy as np

# Facilities per 10,000 nodes, per category (roughly: many restaurants and shops, few libraries).
CATEGORY_DENSITY = {
    "school": 5.0,
    "clinic": 4.0,
    "elderly_care": 1.5,
    "grocery": 30.0,
    "dining": 60.0,
    "reading_room": 0.7,
    "sport": 8.0,
    "community_service": 2.0,
}

EARTH_RADIUS_M = 6_371_008.8
CENTER_LON, CENTER_LAT = 104.06, 30.67


def haversine(lon1, lat1, lon2, lat2):
    """Great-circle distance in metres (vectorised)."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp = p2 - p1
    dl = np.radians(lon2 - lon1)
    a = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(a))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    os.makedirs(args.out, exist_ok=True)

    side = int(math.ceil(math.sqrt(args.nodes)))
    rows, cols = side, side
    n = rows * cols
    # Block spacing in metres, cumulative positions of rows/columns.
    ys = np.concatenate([[0.0], np.cumsum(rng.uniform(60, 100, rows - 1))])
    xs = np.concatenate([[0.0], np.cumsum(rng.uniform(60, 100, cols - 1))])
    ys -= ys.mean()
    xs -= xs.mean()
    yy = np.repeat(ys, cols) + rng.uniform(-8, 8, n)
    xx = np.tile(xs, rows) + rng.uniform(-8, 8, n)
    m_per_deg_lat = 111_320.0
    m_per_deg_lon = 111_320.0 * math.cos(math.radians(CENTER_LAT))
    lat = CENTER_LAT + yy / m_per_deg_lat
    lon = CENTER_LON + xx / m_per_deg_lon

    idx = np.arange(n, dtype=np.int64).reshape(rows, cols)
    horiz = np.stack([idx[:, :-1].ravel(), idx[:, 1:].ravel()], axis=1)
    vert = np.stack([idx[:-1, :].ravel(), idx[1:, :].ravel()], axis=1)
    grid = np.concatenate([horiz, vert])
    grid = grid[rng.random(len(grid)) > 0.07]
    diag_a = np.stack([idx[:-1, :-1].ravel(), idx[1:, 1:].ravel()], axis=1)
    diag_b = np.stack([idx[:-1, 1:].ravel(), idx[1:, :-1].ravel()], axis=1)
    diag = np.concatenate([diag_a[rng.random(len(diag_a)) < 0.02], diag_b[rng.random(len(diag_b)) < 0.02]])
    edges = np.concatenate([grid, diag])
    # Isolated nodes: drop every edge touching ~0.05 % of the nodes.
    isolated = rng.random(n) < 0.0005
    edges = edges[~(isolated[edges[:, 0]] | isolated[edges[:, 1]])]
    length = haversine(lon[edges[:, 0]], lat[edges[:, 0]], lon[edges[:, 1]], lat[edges[:, 1]])
    length *= rng.uniform(1.0, 1.08, len(edges))
    # Duplicates (parallel carriageways) with a longer length: the engine must keep the shortest.
    dup = rng.random(len(edges)) < 0.005
    edges = np.concatenate([edges, edges[dup][:, ::-1]])
    length = np.concatenate([length, length[dup] * rng.uniform(1.05, 1.3, int(dup.sum()))])
    order = rng.permutation(len(edges))  # realistic files are not sorted
    edges, length = edges[order], length[order]

    base = 10_000_000  # external ids are not 0-based, so every tool must map ids to indices
    ids = base + np.arange(n, dtype=np.int64)
    with open(os.path.join(args.out, "nodes.csv"), "w") as f:
        f.write("id,lon,lat\n")
        np.savetxt(f, np.column_stack([ids, lon, lat]), fmt=["%d", "%.7f", "%.7f"], delimiter=",")
    with open(os.path.join(args.out, "edges.csv"), "w") as f:
        f.write("from,to,meters\n")
        out = np.empty((len(edges), 3), dtype=object)
        np.savetxt(f, np.column_stack([ids[edges[:, 0]], ids[edges[:, 1]], np.round(length, 2)]),
                   fmt=["%d", "%d", "%.2f"], delimiter=",")
        del out
    with open(os.path.join(args.out, "facilities.csv"), "w") as f:
        f.write("id,category,node_id\n")
        fid = 0
        for category, per10k in CATEGORY_DENSITY.items():
            count = max(1, int(round(n * per10k / 10_000)))
            nodes = rng.integers(0, n, count)
            for node in nodes:
                f.write(f"F{fid},{category},{ids[node]}\n")
                fid += 1
    print(f"nodes={n} edges={len(edges)} facilities={fid} -> {args.out}")


if __name__ == "__main__":
    main()
