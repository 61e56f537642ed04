import Foundation
import Platform
import Synchronization

/// Loads the signing keys from the database on first use (after migrations ran) and keeps the signer.
///
/// Loads are single-flight: requests that find no fresh signer wait for one load instead of each reading (and, on
/// a new database, each creating) the keys.
public final class TokenAuthority: Sendable {
    private let keys: SigningKeyRepository
    private let issuer: String
    private let cached: Mutex<(signer: TokenSigner, loaded: ContinuousClock.Instant)?> = Mutex(nil)
    /// How long a node signs with the keys it loaded before reading them again (to pick up `keys rotate`).
    static let refreshInterval: Duration = .seconds(300)
    private let lastReload: Mutex<ContinuousClock.Instant?> = Mutex(nil)
    private let loading = AsyncLock()

    public init(keys: SigningKeyRepository, issuer: String) {
        self.keys = keys
        self.issuer = issuer
    }

    /// The signer, loading (or creating) the keys the first time and again every ``refreshInterval``.
    public func signer() async throws -> TokenSigner {
        if let fresh = self.fresh() { return fresh }
        return try await self.loading.withLock {
            // Whoever held the lock before may have loaded the keys meanwhile.
            if let fresh = self.fresh() { return fresh }
            return try await self.load()
        }
    }

    private func fresh() -> TokenSigner? {
        guard let cached = self.cached.withLock({ $0 }), ContinuousClock.now - cached.loaded < Self.refreshInterval
        else { return nil }
        return cached.signer
    }

    /// The signer for verifying `token`: when the token names a key this node has not loaded (another node rotated),
    /// the keys are read again, at most once every ten seconds so that made-up key ids cannot flood the database.
    public func signer(verifying token: String) async throws -> TokenSigner {
        let signer = try await self.signer()
        guard signer.hasUnknownKey(token) else { return signer }
        return try await self.loading.withLock {
            if let current = self.cached.withLock({ $0?.signer }), !current.hasUnknownKey(token) { return current }
            let now = ContinuousClock.now
            let due = self.lastReload.withLock { last in
                guard last.map({ now - $0 > .seconds(10) }) ?? true else { return false }
                last = now
                return true
            }
            return due ? try await self.load() : signer
        }
    }

    /// Adds a new P-256 and a new RSA signing key and makes them current; older keys keep verifying (and stay in the JWKS).
    public func rotate() async throws -> TokenSigner {
        try await self.keys.create()
        try await self.keys.createRSA()
        return try await self.reload()
    }

    /// Reads the keys again (after a rotation, or when a token names a key this node has not seen).
    @discardableResult
    public func reload() async throws -> TokenSigner {
        try await self.loading.withLock { try await self.load() }
    }

    private func load() async throws -> TokenSigner {
        let (keys, current) = try await self.keys.loadOrCreate()
        let rsa = try await self.keys.loadOrCreateRSA()
        let signer = TokenSigner(
            issuer: self.issuer, keys: keys, current: current, rsaKeys: rsa.keys, rsaCurrent: rsa.current)
        self.cached.withLock { $0 = (signer, ContinuousClock.now) }
        return signer
    }
}

/// What a successful sign-in or refresh returns.
public struct TokenResponse: Codable, Sendable {
    public let accessToken: String
    public let refreshToken: String
    public let expiresIn: Int64
    public let tokenType: String
}
