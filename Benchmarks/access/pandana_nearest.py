#!/usr/bin/env python3
"""pandana comparison: network build (contraction hierarchies) plus nearest_pois per category.

pandana needs integer node ids and x/y coordinates for points of interest; each facility is given the
coordinates of its node, so it snaps back to that node. Timed: reading the CSVs, Network(...) construction,
precompute(max_meters), set_pois + nearest_pois for every category, and writing result.csv in the same
format as the other tools (rows with a facility within max_meters).

Usage: pandana_nearest.py NODES EDGES FACILITIES MAX_METERS OUT
"""
import sys
import time

import numpy as np
import pandas as pd
import pandana


def main():
    nodes_path, edges_path, facilities_path, max_meters, out_path = sys.argv[1:6]
    max_meters = float(max_meters)
    t0 = time.perf_counter()
    nodes = pd.read_csv(nodes_path, dtype={"id": np.int64, "lon": np.float64, "lat": np.float64})
    edges = pd.read_csv(edges_path, dtype={"from": np.int64, "to": np.int64, "meters": np.float64})
    facilities = pd.read_csv(facilities_path, dtype={"id": str, "category": str, "node_id": np.int64})
    t1 = time.perf_counter()
    xy = nodes.set_index("id")  # pandana takes node ids from the index of the x/y series
    net = pandana.Network(xy["lon"], xy["lat"], edges["from"], edges["to"], edges[["meters"]], twoway=True)
    t2 = time.perf_counter()
    net.precompute(max_meters)
    t3 = time.perf_counter()
    categories = list(dict.fromkeys(facilities["category"]))
    columns = []
    for category in categories:
        f = facilities[facilities["category"] == category]
        net.set_pois(category, max_meters, 1, xy.loc[f["node_id"], "lon"].to_numpy(),
                     xy.loc[f["node_id"], "lat"].to_numpy())
        res = net.nearest_pois(max_meters, category, num_pois=1, max_distance=max_meters)
        columns.append(res[1].reindex(nodes["id"]).to_numpy())
    t4 = time.perf_counter()
    dist = np.column_stack(columns)
    rows, cols = np.nonzero(dist < max_meters)
    out = pd.DataFrame({"node_id": nodes["id"].to_numpy()[rows],
                        "category": np.array(categories, dtype=object)[cols],
                        "meters": dist[rows, cols]})
    out.to_csv(out_path, index=False, float_format="%.2f")
    t5 = time.perf_counter()
    print(f"pandana phases: read {t1 - t0:.2f}s build {t2 - t1:.2f}s precompute {t3 - t2:.2f}s "
          f"queries {t4 - t3:.2f}s write {t5 - t4:.2f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
