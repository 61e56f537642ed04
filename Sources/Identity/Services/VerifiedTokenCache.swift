import Foundation
import Platform
import Synchronization

/// Remembers the principals of recently verified access tokens, so a client that reuses its token (as clients do,
/// for up to 15 minutes) costs one dictionary look-up per request instead of an ECDSA verification.
///
/// Only tokens whose signature, issuer and expiry were good are stored, each until its own expiry; the cache holds
/// at most ``capacity`` tokens and drops expired ones (or, under a flood of distinct tokens, everything) when full.
final class VerifiedTokenCache: Sendable {
    let capacity: Int
    private let entries = Mutex<[String: (principal: Principal, expires: Int64)]>([:])

    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    /// The principal of a cached, unexpired token.
    func principal(for token: String, now: Int64 = Int64(Date().timeIntervalSince1970)) -> Principal? {
        self.entries.withLock { entries in
            guard let entry = entries[token] else { return nil }
            guard entry.expires > now else {
                entries[token] = nil
                return nil
            }
            return entry.principal
        }
    }

    /// Stores a verified token until `expires`.
    func store(_ token: String, principal: Principal, expires: Int64, now: Int64 = Int64(Date().timeIntervalSince1970))
    {
        self.entries.withLock { entries in
            if entries.count >= self.capacity {
                entries = entries.filter { $0.value.expires > now }
                if entries.count >= self.capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[token] = (principal, expires)
        }
    }
}
