import Crypto
import Foundation
import Platform
import Synchronization

/// Signs certificate content with the current Ed25519 key and verifies it under the key its content names.
///
/// Keys are cached after the first read. The cache is refreshed when a key id is not in it (a key another node
/// made) and after a rotation on this node, so a verifier always knows every key id; the signing key may lag a
/// rotation made on another node until that node's next restart or miss, which is harmless since every key stays
/// valid for verification.
public final class CertificateSigner: Sendable {
    let keys: CertificateKeyRepository
    private let cache = Mutex<[CertificateKeyRepository.StoredKey]>([])

    public init(keys: CertificateKeyRepository) {
        self.keys = keys
    }

    /// The current key's id, creating the first key when there is none.
    public func currentKeyID() async throws -> String {
        try await self.current().kid
    }

    /// Signs canonical bytes with a key (pure: safe inside a transaction).
    static func sign(_ bytes: Data, with key: CertificateKeyRepository.StoredKey) throws -> Data {
        try Curve25519.Signing.PrivateKey(rawRepresentation: key.privateKey).signature(for: bytes)
    }

    /// Whether `signature` is the signature of `bytes` by the key `keyID`; false for an unknown key.
    public func isValid(_ signature: Data, for bytes: Data, keyID: String) async throws -> Bool {
        guard let key = try await self.key(keyID) else { return false }
        guard let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key.publicKey) else { return false }
        return publicKey.isValidSignature(signature, for: bytes)
    }

    /// Every key's id, public key (raw, base64) and creation time, oldest first: what an offline verifier needs.
    public func publicKeys() async throws -> [(kid: String, publicKey: String, createdAt: Int64)] {
        try await self.loaded().map { ($0.kid, $0.publicKey.base64EncodedString(), $0.createdAt) }
    }

    /// Makes a new key the current one; certificates signed before keep verifying under their key.
    public func rotate() async throws -> String {
        let kid = try await self.keys.create()
        try await self.reload()
        return kid
    }

    func current() async throws -> CertificateKeyRepository.StoredKey {
        if let key = try await self.loaded().last { return key }
        try await self.keys.create(onlyIfNone: true)
        guard let key = try await self.reload().last else { throw UnknownSigningKey(kid: "") }
        return key
    }

    private func key(_ kid: String) async throws -> CertificateKeyRepository.StoredKey? {
        if let key = try await self.loaded().first(where: { $0.kid == kid }) { return key }
        return try await self.reload().first { $0.kid == kid }
    }

    private func loaded() async throws -> [CertificateKeyRepository.StoredKey] {
        let cached = self.cache.withLock { $0 }
        return cached.isEmpty ? try await self.reload() : cached
    }

    @discardableResult
    private func reload() async throws -> [CertificateKeyRepository.StoredKey] {
        let all = try await self.keys.all()
        self.cache.withLock { $0 = all }
        return all
    }
}

/// The content names a key this platform never had.
struct UnknownSigningKey: Error {
    let kid: String
}
