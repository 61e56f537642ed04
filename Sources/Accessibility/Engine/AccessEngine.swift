/// Answers accessibility questions for every node and every facility category of a street graph.
///
/// Categories are independent, so each runs as its own child task (on a 2-core machine, two at a time);
/// results are collected by category index, so the output does not depend on scheduling.
public struct AccessEngine: Sendable {
    /// The street network.
    public let graph: StreetGraph
    /// Walking horizon in metres; distances must be strictly below it to count as reachable.
    public let horizon: Float32

    /// Creates an engine; `horizon` is in metres (1,200 m = 15 minutes at 80 m/min).
    public init(graph: StreetGraph, horizon: Float32 = 1200) {
        precondition(horizon >= 0 && !horizon.isNaN, "horizon must be non-negative")
        self.graph = graph
        self.horizon = horizon
    }

    /// Distance to (and index of) the nearest facility of every category, for every node.
    public func nearest(_ facilities: FacilitySet) async -> [CategoryNearest] {
        await perCategory(facilities) { graph, horizon, nodes in
            NearestSearch.compute(graph: graph, facilityNodes: nodes, horizon: horizon)
        }
    }

    /// The `k` nearest facilities of every category, for every node.
    public func kNearest(_ facilities: FacilitySet, k: Int) async -> [CategoryKNearest] {
        await perCategory(facilities) { graph, horizon, nodes in
            CategoryKNearest.compute(graph: graph, facilityNodes: nodes, k: k, horizon: horizon)
        }
    }

    /// Number of facilities of every category within the horizon, for every node.
    public func counts(_ facilities: FacilitySet) async -> [[Int32]] {
        await perCategory(facilities) { graph, horizon, nodes in
            var counter = FacilityCounter(graph: graph, horizon: horizon)
            return counter.counts(facilityNodes: nodes)
        }
    }

    /// Runs `work` for every category in parallel and returns the results in category order.
    private func perCategory<Result: Sendable>(
        _ facilities: FacilitySet,
        _ work: @escaping @Sendable (StreetGraph, Float32, [Int32]) -> Result
    ) async -> [Result] {
        let graph = graph
        let horizon = horizon
        return await withTaskGroup(of: (Int, Result).self) { group in
            for (index, nodes) in facilities.nodes.enumerated() {
                group.addTask { (index, work(graph, horizon, nodes)) }
            }
            var slots = [Result?](repeating: nil, count: facilities.nodes.count)
            for await (index, result) in group { slots[index] = result }
            return slots.map { $0! }
        }
    }
}
