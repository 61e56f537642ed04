import Crypto
import Foundation
import Platform
import Synchronization
import _CryptoExtras

/// The per-vote RSA keys of the secret ballot (RFC 9474, RSABSSA-SHA384-PSS-Randomized) and a cache of parsed keys.
///
/// The private key is stored sealed by the platform cipher and opened only to sign blinded messages. Ballots are
/// verified with the public key in the variant with identity preparation: the 32 random bytes that the randomized
/// variant prepends are part of the message the voter sends, so the server checks exactly the RFC's prepared
/// message (the library keeps its prepared-message type opaque).
public final class VoteKeys: Sendable {
    public typealias PrivateKey = _RSA.BlindSigning.PrivateKey<SHA384>
    public typealias PublicKey = _RSA.BlindSigning.PublicKey<SHA384>

    private let cipher: PersonalDataCipher
    private let votes: VoteRepository
    private let signers = Mutex<[String: PrivateKey]>([:])
    private let verifiers = Mutex<[String: PublicKey]>([:])

    public init(cipher: PersonalDataCipher, votes: VoteRepository) {
        self.cipher = cipher
        self.votes = votes
    }

    /// A fresh 2048-bit key pair: the public key's PEM and the sealed private key.
    public func generate() throws -> (publicKeyPEM: String, sealedPrivateKey: [UInt8]) {
        let key = try PrivateKey(keySize: .bits2048, parameters: .RSABSSA_SHA384_PSS_Randomized)
        return (key.publicKey.pemRepresentation, self.cipher.seal(key.pemRepresentation))
    }

    /// The signing key of a vote (opened once, then cached).
    func signer(voteID: String) async throws -> PrivateKey {
        if let key = self.signers.withLock({ $0[voteID] }) { return key }
        guard let sealed = try await self.votes.sealedPrivateKey(voteID) else {
            throw ParticipationProblem.voteNotFound
        }
        let key = try PrivateKey(pemRepresentation: try self.cipher.open(sealed))
        self.signers.withLock { $0[voteID] = key }
        return key
    }

    /// The verifying key of a vote, for prepared messages as sent by voters.
    func verifier(_ vote: Vote) throws -> PublicKey {
        if let key = self.verifiers.withLock({ $0[vote.id] }) { return key }
        let key = try PublicKey(pemRepresentation: vote.publicKeyPEM, parameters: .RSABSSA_SHA384_PSS_Deterministic)
        self.verifiers.withLock { $0[vote.id] = key }
        return key
    }

    /// Signs a blinded message (the signer learns nothing of the token it blinds).
    func blindSign(voteID: String, blindedMessage: Data) async throws -> Data {
        let key = try await self.signer(voteID: voteID)
        do {
            return try key.blindSignature(for: blindedMessage).rawRepresentation
        } catch {
            throw ParticipationProblem.invalidField(
                "blindedMessage", zh: "盲化消息无效。", en: "The blinded message is not valid for this vote's key.")
        }
    }

    /// Whether `signature` is the vote key's signature of the prepared message `message`.
    func isValid(signature: Data, message: Data, vote: Vote) throws -> Bool {
        let key = try self.verifier(vote)
        return key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: key.prepare(message))
    }

    /// The hash a ballot is stored and published under: SHA-256 of the prepared token message, hex.
    public static func tokenHash(_ message: Data) -> String {
        SHA256.hash(data: message).hexString
    }
}
