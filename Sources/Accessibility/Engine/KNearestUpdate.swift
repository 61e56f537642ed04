/// Incremental what-if updates of k-nearest labels (used by `WhatIfScenario` when it tracks k nearest).
///
/// Both updates rely on the path-closure property: if facility f is among the k nearest of node u, it is
/// among the k nearest of every node on the shortest path from f to u (ties aside, which never change the
/// distances). So an addition only has to spread from the new facility while it still enters label lists,
/// and a removal only touches the nodes that listed the removed facility.
extension CategoryKNearest {
    /// Saved label lists (k entries per saved node) so an update can be undone.
    struct Journal {
        var nodes: [Int32] = []
        var distances: [Float32] = []
        var facilities: [Int32] = []
    }

    /// Number of labels of `node` (labels are packed at the front, padded with -1).
    func filled(_ node: Int) -> Int {
        var i = 0
        while i < k && facility[node * k + i] >= 0 { i += 1 }
        return i
    }

    /// Whether `node` holds facility `f`.
    func holds(_ node: Int, _ f: Int32) -> Bool {
        (node * k..<node * k + k).contains { facility[$0] == f }
    }

    /// Whether a label at distance `d` would enter the list of `node`.
    func accepts(_ node: Int, _ d: Float32) -> Bool {
        facility[node * k + k - 1] < 0 || d < distance[node * k + k - 1]
    }

    /// Saves the labels of `node` in `journal`.
    func save(_ node: Int, into journal: inout Journal) {
        journal.nodes.append(Int32(node))
        journal.distances.append(contentsOf: distance[node * k..<node * k + k])
        journal.facilities.append(contentsOf: facility[node * k..<node * k + k])
    }

    /// Restores the labels saved in `journal` (latest first, so the oldest saved values win).
    mutating func restore(_ journal: Journal) {
        for i in stride(from: journal.nodes.count - 1, through: 0, by: -1) {
            let node = Int(journal.nodes[i])
            for j in 0..<k {
                distance[node * k + j] = journal.distances[i * k + j]
                facility[node * k + j] = journal.facilities[i * k + j]
            }
        }
    }

    /// Inserts label (d, f) into `node`'s sorted list, dropping the last one if the list is full.
    mutating func insert(_ node: Int, _ d: Float32, _ f: Int32) {
        var i = min(filled(node), k - 1)
        while i > 0 && (facility[node * k + i - 1] < 0 || distance[node * k + i - 1] > d) {
            distance[node * k + i] = distance[node * k + i - 1]
            facility[node * k + i] = facility[node * k + i - 1]
            i -= 1
        }
        distance[node * k + i] = d
        facility[node * k + i] = f
    }

    /// Adds facility `f` located at `source`: Dijkstra from it that stops wherever it no longer enters a list.
    mutating func addFacility(
        _ f: Int32, at source: Int32, graph: StreetGraph, horizon: Float32,
        journal: inout Journal
    ) {
        guard horizon > 0 else { return }
        var heap = PackedMinHeap(initialCapacity: 256)
        heap.push(PackedMinHeap.key(0, source))
        while !heap.isEmpty {
            let key = heap.popMin()
            let v = Int(PackedMinHeap.node(key))
            let d = PackedMinHeap.distance(key)
            if holds(v, f) || !accepts(v, d) { continue }
            save(v, into: &journal)
            insert(v, d, f)
            for e in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) {
                let u = Int(graph.targets[e])
                let nd = d + graph.weights[e]
                if nd < horizon && accepts(u, nd) && !holds(u, f) { heap.push(PackedMinHeap.key(nd, Int32(u))) }
            }
        }
    }

    /// Removes facility `f`: drops it from every list holding it, then refills those lists from their
    /// neighbours' labels (and from other facilities standing on those nodes) with a label-setting Dijkstra
    /// restricted to the affected nodes. `active` lists the category's remaining (facility, node) pairs.
    mutating func removeFacility(
        _ f: Int32, at source: Int32, active: [(facility: Int32, node: Int32)],
        graph: StreetGraph, horizon: Float32, journal: inout Journal
    ) {
        // Nodes listing f are within the horizon of f's node: find them with a bounded search around it.
        var affected = Set<Int32>()
        var counter = FacilityCounter(graph: graph, horizon: horizon)
        counter.visitBall(from: source) { v in if holds(Int(v), f) { affected.insert(v) } }
        guard !affected.isEmpty else { return }
        for a in affected.sorted() {
            let v = Int(a)
            save(v, into: &journal)
            var write = v * k
            for i in v * k..<v * k + k where facility[i] >= 0 && facility[i] != f {
                distance[write] = distance[i]
                facility[write] = facility[i]
                write += 1
            }
            while write < v * k + k {
                distance[write] = .infinity
                facility[write] = -1
                write += 1
            }
        }
        var heap = LabelHeap()
        for (g, node) in active where affected.contains(node) { heap.push(0, node, g) }
        for a in affected {
            let v = Int(a)
            for e in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) {
                let b = Int(graph.targets[e])
                for i in b * k..<b * k + k where facility[i] >= 0 {
                    let nd = distance[i] + graph.weights[e]
                    if nd < horizon && !holds(v, facility[i]) { heap.push(nd, a, facility[i]) }
                }
            }
        }
        while let (d, a, g) = heap.pop() {
            let v = Int(a)
            if filled(v) == k || holds(v, g) { continue }
            insert(v, d, g)
            for e in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) {
                let u = graph.targets[e]
                let nd = d + graph.weights[e]
                if nd < horizon && affected.contains(u) && filled(Int(u)) < k && !holds(Int(u), g) {
                    heap.push(nd, u, g)
                }
            }
        }
    }
}
