import Synchronization

/// The replay's residents: their tokens (a refresh rotates them), the bills they have left to pay and the slots
/// they have not booked yet. One refresh per resident at a time, as one phone would.
final class TrafficResidents: Sendable {
    /// One signed-in resident.
    struct Resident: Sendable {
        var access: String
        var refresh: String
        var bills: [(id: String, amountFen: Int64)]
        var slots: [String]
        var refreshing = false
    }

    private let state: Mutex<[Resident]>
    /// How many residents there are.
    let count: Int

    init(_ residents: [Resident]) {
        self.count = residents.count
        self.state = Mutex(residents)
    }

    /// The access token of resident `index`.
    func access(_ index: Int) -> String { self.state.withLock { $0[index].access } }

    /// The refresh token of resident `index`, unless a refresh of it is under way.
    func beginRefresh(_ index: Int) -> String? {
        self.state.withLock { residents in
            guard !residents[index].refreshing else { return nil }
            residents[index].refreshing = true
            return residents[index].refresh
        }
    }

    /// Ends a refresh; new tokens replace the old ones when it succeeded.
    func endRefresh(_ index: Int, tokens: (access: String, refresh: String)?) {
        self.state.withLock { residents in
            residents[index].refreshing = false
            if let tokens {
                residents[index].access = tokens.access
                residents[index].refresh = tokens.refresh
            }
        }
    }

    /// A bill resident `index` has not paid yet (each is paid once).
    func takeBill(_ index: Int) -> (id: String, amountFen: Int64)? {
        self.state.withLock { $0[index].bills.popLast() }
    }

    /// A slot resident `index` has not booked yet (each is booked once).
    func takeSlot(_ index: Int) -> String? {
        self.state.withLock { $0[index].slots.popLast() }
    }
}
