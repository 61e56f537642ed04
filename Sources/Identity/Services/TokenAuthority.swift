import Foundation
import Platform
import Synchronization

/// Loads the signing keys from the database on first use (after migrations ran) and keeps the signer.
public final class TokenAuthority: Sendable {
    private let keys: SigningKeyRepository
    private let issuer: String
    private let cached: Mutex<TokenSigner?> = Mutex(nil)

    public init(keys: SigningKeyRepository, issuer: String) {
        self.keys = keys
        self.issuer = issuer
    }

    /// The signer, loading (or creating) the keys the first time.
    public func signer() async throws -> TokenSigner {
        if let signer = self.cached.withLock({ $0 }) { return signer }
        let (keys, current) = try await self.keys.loadOrCreate()
        let signer = TokenSigner(issuer: self.issuer, keys: keys, current: current)
        self.cached.withLock { $0 = signer }
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
