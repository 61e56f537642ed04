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
    private let entries = Mutex<[String: (principal: Principal, claims: AccessTokenClaims)]>([:])

    init(capacity: Int = 20_000) {
        self.capacity = capacity
    }

    /// The principal and claims of a cached, unexpired token.
    func principal(for token: String, now: Int64 = CityClock.now()) -> (
        principal: Principal, claims: AccessTokenClaims
    )? {
        self.entries.withLock { entries in
            guard let entry = entries[token] else { return nil }
            guard entry.claims.exp > now else {
                entries[token] = nil
                return nil
            }
            return entry
        }
    }

    /// Stores a verified token until its expiry.
    func store(
        _ token: String, principal: Principal, claims: AccessTokenClaims,
        now: Int64 = CityClock.now()
    ) {
        self.entries.withLock { entries in
            if entries.count >= self.capacity {
                entries = entries.filter { $0.value.claims.exp > now }
                if entries.count >= self.capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[token] = (principal, claims)
        }
    }
}
