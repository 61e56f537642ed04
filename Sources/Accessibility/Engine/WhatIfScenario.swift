/// A what-if scenario: add or remove single facilities and get updated answers without a full recompute.
///
/// Adding runs a bounded Dijkstra from the new facility that continues only where it improves a distance.
/// Removing invalidates only the nodes whose nearest facility was the removed one (found by walking the
/// removed facility's shortest-path region, which is connected) and re-seeds them from their unaffected
/// neighbours. Counts within the horizon are updated by the ball around the changed facility, and k-nearest
/// labels (when tracked) as described in `KNearestUpdate.swift`. Every
/// operation journals the values it overwrote, so `undo()` restores the previous state exactly.
public struct WhatIfScenario: Sendable {
    /// The street network.
    public let graph: StreetGraph
    /// Horizon in metres.
    public let horizon: Float32
    /// All facilities ever known to the scenario (removed ones stay, flagged in `isRemoved`, so indices
    /// in the answers stay valid).
    public private(set) var facilities: FacilitySet
    /// Nearest answers per category, always up to date.
    public private(set) var nearest: [CategoryNearest]
    /// Counts within the horizon per category (nil if the scenario was created without counts).
    public private(set) var counts: [[Int32]]?
    /// k-nearest labels per category (nil if the scenario was created without `kNearest`).
    public private(set) var kNearest: [CategoryKNearest]?
    /// `isRemoved[category][facility]`.
    public private(set) var isRemoved: [[Bool]]
    private var undoStack: [Operation] = []
    private let trackedK: Int?
    private var counter: FacilityCounter?

    /// One applied operation and what it overwrote.
    private struct Operation {
        let category: Int
        let facility: Int
        let added: Bool
        let changes: [NearestSearch.Change]
        let labelChanges: CategoryKNearest.Journal?
    }

    /// Starts a scenario from a full computation (`withCounts` also maintains counts within the horizon,
    /// `kNearest` the k nearest facilities).
    public init(
        engine: AccessEngine, facilities: FacilitySet, withCounts: Bool = false,
        kNearest k: Int? = nil
    ) async {
        graph = engine.graph
        horizon = engine.horizon
        self.facilities = facilities
        nearest = await engine.nearest(facilities)
        counts = withCounts ? await engine.counts(facilities) : nil
        counter = withCounts ? FacilityCounter(graph: engine.graph, horizon: engine.horizon) : nil
        trackedK = k
        kNearest = k == nil ? nil : await engine.kNearest(facilities, k: k!)
        isRemoved = facilities.nodes.map { [Bool](repeating: false, count: $0.count) }
    }

    /// Number of operations that `undo()` can revert.
    public var undoDepth: Int { undoStack.count }

    /// The facilities currently active (removed ones left out), e.g. to cross-check with a full recompute.
    public var activeFacilities: FacilitySet {
        var set = FacilitySet()
        for (c, category) in facilities.categories.enumerated() {
            set.addCategory(category)
            for (f, id) in facilities.ids[c].enumerated() where !isRemoved[c][f] {
                set.add(id: id, category: category, node: facilities.nodes[c][f])
            }
        }
        return set
    }

    /// Adds a facility at graph node `node`; returns its (category, facility) index.
    @discardableResult
    public mutating func addFacility(id: String, category: String, node: Int32) -> (category: Int, facility: Int) {
        precondition(node >= 0 && Int(node) < graph.nodeCount, "node out of range")
        let index = facilities.add(id: id, category: category, node: node)
        if index.category == nearest.count {
            nearest.append(CategoryNearest(nodeCount: graph.nodeCount))
            isRemoved.append([])
            counts?.append([Int32](repeating: 0, count: graph.nodeCount))
            if let k = trackedK { kNearest?.append(CategoryKNearest(nodeCount: graph.nodeCount, k: k)) }
        }
        isRemoved[index.category].append(false)
        var journal: [NearestSearch.Change] = []
        let s = Int(node)
        if horizon > 0 && nearest[index.category].distance[s] > 0 {
            journal.append(
                .init(
                    node: node, oldDistance: nearest[index.category].distance[s],
                    oldFacility: nearest[index.category].facility[s]))
            nearest[index.category].distance[s] = 0
            nearest[index.category].facility[s] = Int32(index.facility)
            var heap = PackedMinHeap()
            heap.push(PackedMinHeap.key(0, node))
            NearestSearch.propagate(
                graph: graph, result: &nearest[index.category], heap: &heap, horizon: horizon,
                journal: &journal, record: true)
        }
        adjustCounts(category: index.category, node: node, by: 1)
        var labels: CategoryKNearest.Journal?
        if kNearest != nil {
            labels = CategoryKNearest.Journal()
            kNearest![index.category].addFacility(
                Int32(index.facility), at: node, graph: graph, horizon: horizon,
                journal: &labels!)
        }
        undoStack.append(
            Operation(
                category: index.category, facility: index.facility, added: true,
                changes: journal, labelChanges: labels))
        return index
    }

    /// Removes facility `facility` of category `category` (an index into `facilities`).
    public mutating func removeFacility(category: Int, facility: Int) {
        precondition(!isRemoved[category][facility], "facility already removed")
        isRemoved[category][facility] = true
        let source = facilities.nodes[category][facility]
        var journal: [NearestSearch.Change] = []
        if nearest[category].facility[Int(source)] == Int32(facility) {
            let region = invalidateRegion(
                category: category, facility: Int32(facility), source: source,
                journal: &journal)
            var heap = PackedMinHeap()
            reseed(category: category, region: region, source: source, heap: &heap)
            NearestSearch.propagate(
                graph: graph, result: &nearest[category], heap: &heap, horizon: horizon,
                journal: &journal, record: true)
        }
        adjustCounts(category: category, node: source, by: -1)
        var labels: CategoryKNearest.Journal?
        if kNearest != nil {
            labels = CategoryKNearest.Journal()
            let active = facilities.nodes[category].enumerated().filter { !isRemoved[category][$0.offset] }
                .map { (facility: Int32($0.offset), node: $0.element) }
            kNearest![category].removeFacility(
                Int32(facility), at: source, active: active, graph: graph,
                horizon: horizon, journal: &labels!)
        }
        undoStack.append(
            Operation(
                category: category, facility: facility, added: false, changes: journal,
                labelChanges: labels))
    }

    /// Reverts the most recent add or remove; returns false when there is nothing to undo.
    @discardableResult
    public mutating func undo() -> Bool {
        guard let op = undoStack.popLast() else { return false }
        for change in op.changes.reversed() {
            nearest[op.category].distance[Int(change.node)] = change.oldDistance
            nearest[op.category].facility[Int(change.node)] = change.oldFacility
        }
        if let labels = op.labelChanges { kNearest![op.category].restore(labels) }
        let node = facilities.nodes[op.category][op.facility]
        if op.added {
            adjustCounts(category: op.category, node: node, by: -1)
            facilities.removeLast(category: op.category)  // undo is LIFO: the added one is the last
            isRemoved[op.category].removeLast()
        } else {
            adjustCounts(category: op.category, node: node, by: 1)
            isRemoved[op.category][op.facility] = false
        }
        return true
    }

    /// Marks every node owned by `facility` unreachable (journaled) and returns them.
    private mutating func invalidateRegion(
        category: Int, facility: Int32, source: Int32,
        journal: inout [NearestSearch.Change]
    ) -> [Int32] {
        var region: [Int32] = [source]
        var stack: [Int32] = [source]
        journal.append(.init(node: source, oldDistance: nearest[category].distance[Int(source)], oldFacility: facility))
        nearest[category].facility[Int(source)] = -2  // "in region" marker while walking
        while let v = stack.popLast() {
            for e in Int(graph.offsets[Int(v)])..<Int(graph.offsets[Int(v) + 1]) {
                let u = graph.targets[e]
                if nearest[category].facility[Int(u)] == facility {
                    journal.append(
                        .init(
                            node: u, oldDistance: nearest[category].distance[Int(u)],
                            oldFacility: facility))
                    nearest[category].facility[Int(u)] = -2
                    region.append(u)
                    stack.append(u)
                }
            }
        }
        for v in region {
            nearest[category].distance[Int(v)] = .infinity
            nearest[category].facility[Int(v)] = -1
        }
        return region
    }

    /// Seeds the invalidated region from its unaffected neighbours and from other facilities on its nodes.
    /// (Region nodes need no journaling here: `invalidateRegion` already recorded their original values.)
    private mutating func reseed(category: Int, region: [Int32], source: Int32, heap: inout PackedMinHeap) {
        // Another active facility at the same node takes over at distance 0 (only the source can hold one:
        // any other region node at distance 0 would have been owned by its own facility).
        for (f, node) in facilities.nodes[category].enumerated() where node == source && !isRemoved[category][f] {
            if nearest[category].distance[Int(source)] > 0 {
                nearest[category].distance[Int(source)] = 0
                nearest[category].facility[Int(source)] = Int32(f)
                heap.push(PackedMinHeap.key(0, source))
            }
        }
        for v in region {
            let vi = Int(v)
            for e in Int(graph.offsets[vi])..<Int(graph.offsets[vi + 1]) {
                let u = Int(graph.targets[e])
                let nd = nearest[category].distance[u] + graph.weights[e]
                if nd < nearest[category].distance[vi] && nd < horizon {
                    nearest[category].distance[vi] = nd
                    nearest[category].facility[vi] = nearest[category].facility[u]
                    heap.push(PackedMinHeap.key(nd, v))
                }
            }
        }
    }

    /// Adds `delta` to the count of every node within the horizon of `node` (when counts are maintained).
    private mutating func adjustCounts(category: Int, node: Int32, by delta: Int32) {
        guard counts != nil, var counter else { return }
        counter.visitBall(from: node) { counts![category][Int($0)] += delta }
        self.counter = counter
    }
}
