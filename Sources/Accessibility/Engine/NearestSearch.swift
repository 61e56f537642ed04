/// Bounded multi-source Dijkstra for nearest-facility distances, shared by full runs and what-if updates.
///
/// The search relaxes an edge only when it strictly improves the target's distance and stays strictly below
/// the horizon, so the same loop serves a full computation (all facilities seeded at 0), an added facility
/// (one seed over existing answers: it stops where it stops improving) and a removal (seeds on the boundary
/// of the invalidated region). Distances are accumulated in `Float32`; the error over a 1,200 m path is
/// around 1e-4 m, far below the centimetre the outputs are printed with.
enum NearestSearch {
    /// One change made by `propagate`, kept so a what-if scenario can undo it.
    struct Change {
        let node: Int32
        let oldDistance: Float32
        let oldFacility: Int32
    }

    /// Computes the answer of one category from scratch.
    static func compute(graph: StreetGraph, facilityNodes: [Int32], horizon: Float32) -> CategoryNearest {
        var result = CategoryNearest(nodeCount: graph.nodeCount)
        var heap = PackedMinHeap(initialCapacity: max(1 << 12, facilityNodes.count * 4))
        for (index, node) in facilityNodes.enumerated() where result.distance[Int(node)] > 0 && horizon > 0 {
            // First facility at a node owns it; later ones at the same node add nothing.
            result.distance[Int(node)] = 0
            result.facility[Int(node)] = Int32(index)
            heap.push(PackedMinHeap.key(0, node))
        }
        var journal: [Change] = []
        propagate(graph: graph, result: &result, heap: &heap, horizon: horizon, journal: &journal, record: false)
        return result
    }

    /// Runs Dijkstra from the entries already in `heap` (whose distances are already stored in `result`).
    ///
    /// When `record` is set, every improvement is appended to `journal` before it is applied.
    static func propagate(
        graph: StreetGraph, result: inout CategoryNearest, heap: inout PackedMinHeap,
        horizon: Float32, journal: inout [Change], record: Bool
    ) {
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.targets.withUnsafeBufferPointer { targets in
                graph.weights.withUnsafeBufferPointer { weights in
                    result.distance.withUnsafeMutableBufferPointer { distance in
                        result.facility.withUnsafeMutableBufferPointer { facility in
                            while !heap.isEmpty {
                                let key = heap.popMin()
                                let v = Int(PackedMinHeap.node(key))
                                let d = PackedMinHeap.distance(key)
                                if d > distance[v] { continue }  // stale entry
                                let owner = facility[v]
                                var e = Int(offsets[v])
                                let end = Int(offsets[v + 1])
                                while e < end {
                                    let u = Int(targets[e])
                                    let nd = d + weights[e]
                                    if nd < distance[u] && nd < horizon {
                                        if record {
                                            journal.append(
                                                Change(
                                                    node: Int32(u), oldDistance: distance[u],
                                                    oldFacility: facility[u]))
                                        }
                                        distance[u] = nd
                                        facility[u] = owner
                                        heap.push(PackedMinHeap.key(nd, Int32(u)))
                                    }
                                    e += 1
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
