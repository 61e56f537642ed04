import Crypto
import Foundation
import _CryptoExtras

/// An RSA public key kept as bytes (swift-crypto's key types are not `Sendable`), with its JWK members.
struct RSAPublicKey: Sendable {
    /// The SubjectPublicKeyInfo DER bytes.
    let der: Data
    /// The modulus `n` and public exponent `e`, big-endian.
    let modulus: Data
    let exponent: Data

    /// The public half of an RSA private key given as DER; nil when the bytes are not an RSA key.
    init?(privateDER: Data) {
        guard let key = try? _RSA.Signing.PrivateKey(derRepresentation: privateDER) else { return nil }
        self.init(key.publicKey)
    }

    /// An RSA public key from its JWK members `n` and `e` (big-endian bytes); nil when they make no key.
    init?(n: Data, e: Data) {
        guard let key = try? _RSA.Signing.PublicKey(n: n, e: e) else { return nil }
        self.init(key)
    }

    private init?(_ key: _RSA.Signing.PublicKey) {
        guard let primitives = try? key.getKeyPrimitives() else { return nil }
        self.der = key.derRepresentation
        self.modulus = primitives.modulus
        self.exponent = primitives.publicExponent
    }

    /// Whether `signature` is an RS256 signature (PKCS#1 v1.5 over SHA-256) of `data` by this key.
    func isValid(_ signature: Data, for data: Data) -> Bool {
        guard let key = try? _RSA.Signing.PublicKey(derRepresentation: self.der) else { return false }
        // JOSE's RS256 is PKCS#1 v1.5; swift-crypto calls that padding insecure, but it is what the standard demands.
        return key.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: signature), for: SHA256.hash(data: data),
            padding: .insecurePKCS1v1_5)
    }
}

extension TokenSigner {
    /// The current RSA key, or an error when the signer was built without one.
    func rsaSigningKey() throws -> (kid: String, der: Data) {
        guard let key = self.rsaSigning else { throw SigningKeyMissing() }
        return key
    }

    /// An RS256 signature of `data` by the RSA private key `der`.
    static func rs256Signature(_ data: Data, der: Data) throws -> Data {
        let key = try _RSA.Signing.PrivateKey(derRepresentation: der)
        return try key.signature(for: SHA256.hash(data: data), padding: .insecurePKCS1v1_5).rawRepresentation
    }
}
