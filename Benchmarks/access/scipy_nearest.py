#!/usr/bin/env python3
"""Reference implementation with scipy: nearest facility per node and category within a horizon.

Reads nodes.csv (id,lon,lat), edges.csv (from,to,meters, two-way) and facilities.csv (id,category,node_id)
with pandas (pyarrow's multi-threaded CSV engine when installed, else the C parser; integer ids are read as
int64, which is much faster than strings, and text ids fall back to str), keeps the shortest of duplicate edges (scipy would otherwise *sum* duplicates when
building the sparse matrix), runs scipy.sparse.csgraph.dijkstra(min_only=True, limit=max_meters) once per
category with all that category's facility nodes as sources, and writes result.csv
(node_id,category,meters; rows with meters < max_meters, node order then category order, two decimals).

Usage: scipy_nearest.py NODES EDGES FACILITIES MAX_METERS OUT
"""
import sys
import time

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra


try:
    import pyarrow  # noqa: F401  (only to pick the fastest CSV engine)
    ENGINE = "pyarrow"
except ImportError:
    ENGINE = "c"


def read(path, id_columns, float_columns):
    """Reads a CSV with ids as int64 when they all are integers, else as strings."""
    floats = {c: np.float64 for c in float_columns}
    try:
        return pd.read_csv(path, engine=ENGINE, dtype={**{c: np.int64 for c in id_columns}, **floats})
    except (ValueError, TypeError, OverflowError):
        return pd.read_csv(path, engine=ENGINE, dtype={**{c: str for c in id_columns}, **floats})


def main():
    nodes_path, edges_path, facilities_path, max_meters, out_path = sys.argv[1:6]
    max_meters = float(max_meters)
    t0 = time.perf_counter()
    nodes = read(nodes_path, ["id"], ["lon", "lat"])
    edges = read(edges_path, ["from", "to"], ["meters"])
    facilities = pd.read_csv(facilities_path, dtype=str, engine=ENGINE)
    if nodes["id"].dtype == np.int64:
        facilities["node_id"] = facilities["node_id"].astype(np.int64)
    else:
        edges["from"], edges["to"] = edges["from"].astype(str), edges["to"].astype(str)
    t1 = time.perf_counter()
    index = pd.Index(nodes["id"])
    n = len(index)
    a = index.get_indexer(edges["from"])
    b = index.get_indexer(edges["to"])
    if (a < 0).any() or (b < 0).any():
        sys.exit("unknown node id in edges")
    w = edges["meters"].to_numpy()
    keep = a != b
    i = np.concatenate([a[keep], b[keep]]).astype(np.int64)
    j = np.concatenate([b[keep], a[keep]]).astype(np.int64)
    ww = np.concatenate([w[keep], w[keep]])
    order = np.lexsort((ww, j, i))  # by (i, j) then weight: first of each pair is the shortest
    i, j, ww = i[order], j[order], ww[order]
    first = np.ones(len(i), dtype=bool)
    first[1:] = (i[1:] != i[:-1]) | (j[1:] != j[:-1])
    graph = csr_matrix((ww[first], (i[first], j[first])), shape=(n, n))

    categories = list(dict.fromkeys(facilities["category"]))  # first-appearance order
    fac_nodes = index.get_indexer(facilities["node_id"])
    dist = np.full((n, len(categories)), np.inf)
    for c, category in enumerate(categories):
        sources = np.unique(fac_nodes[(facilities["category"] == category).to_numpy()])
        dist[:, c] = dijkstra(graph, directed=True, indices=sources, min_only=True, limit=max_meters)

    t2 = time.perf_counter()
    rows, cols = np.nonzero(dist < max_meters)  # row-major: node order, then category order
    out = pd.DataFrame({
        "node_id": index.to_numpy()[rows],
        "category": np.array(categories, dtype=object)[cols],
        "meters": dist[rows, cols],
    })
    out.to_csv(out_path, index=False, float_format="%.2f")
    t3 = time.perf_counter()
    print(f"scipy phases ({ENGINE} CSV engine): read {t1 - t0:.2f}s graph+dijkstra {t2 - t1:.2f}s "
          f"write {t3 - t2:.2f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
