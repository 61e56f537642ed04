import Accessibility

/// A single-source walk from one home over the graph, bounded by a radius: the distance to every node reached.
///
/// Used for "near me", where one resident wants the nearest facility of each kind even beyond the 15-minute
/// horizon the index keeps. A binary heap of (distance, node); stale entries are skipped.
enum HomeSearch {
    /// Distances in metres from `source` to every node closer than `radius` (others are absent).
    static func distances(from source: Int32, graph: StreetGraph, radius: Float32) -> [Int32: Float32] {
        var best: [Int32: Float32] = [source: 0]
        var heap: [(Float32, Int32)] = [(0, source)]
        while let (distance, node) = Self.pop(&heap) {
            if distance > best[node, default: .infinity] { continue }
            let start = Int(graph.offsets[Int(node)])
            let end = Int(graph.offsets[Int(node) + 1])
            for edge in start..<end {
                let next = graph.targets[edge]
                let candidate = distance + graph.weights[edge]
                if candidate < radius, candidate < best[next, default: .infinity] {
                    best[next] = candidate
                    Self.push(&heap, (candidate, next))
                }
            }
        }
        return best
    }

    private static func push(_ heap: inout [(Float32, Int32)], _ item: (Float32, Int32)) {
        heap.append(item)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].0 < heap[parent].0 else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private static func pop(_ heap: inout [(Float32, Int32)]) -> (Float32, Int32)? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        guard !heap.isEmpty else { return first }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].0 < heap[smallest].0 { smallest = left }
            if right < heap.count, heap[right].0 < heap[smallest].0 { smallest = right }
            guard smallest != parent else { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
