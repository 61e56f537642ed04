import Crypto
import Foundation
import _CryptoExtras

/// The voter's side of the secret ballot (RFC 9474 RSABSSA-SHA384-PSS-Randomized), for Swift clients (the mobile
/// app, tests, the benchmark): make a token message, blind it for the server to sign, unblind the signature, and
/// keep the token to cast the ballot and check the receipt.
///
/// Usage: `let request = try BallotClient.TokenRequest(voteID:publicKeyPEM:)`; send `request.blindedMessage` to
/// `POST /api/v1/participation/votes/{id}/tokens`; `let token = try request.finalize(blindSignature:)`; send
/// `token.message`, `token.signature` and the choices to `POST …/ballots` in a request without credentials.
public enum BallotClient {
    /// A token being requested: the prepared message and the blinding inverse stay with the voter.
    public struct TokenRequest {
        /// The prepared message: 32 random bytes, then the vote's prefix and 32 more random bytes.
        public let message: Data
        /// What the server signs (it cannot tell which message it blinds).
        public let blindedMessage: Data
        private let prepared: _RSA.BlindSigning.PreparedMessage
        private let inverse: _RSA.BlindSigning.BlindingInverse
        private let key: _RSA.BlindSigning.PublicKey<SHA384>

        /// Makes and blinds a fresh token message for the vote with this public key (SPKI PEM).
        public init(voteID: String, publicKeyPEM: String) throws {
            let key = try _RSA.BlindSigning.PublicKey<SHA384>(
                pemRepresentation: publicKeyPEM, parameters: .RSABSSA_SHA384_PSS_Deterministic)
            var generator = SystemRandomNumberGenerator()
            let random = { (count: Int) in Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }) }
            // RFC 9474 §4.1, randomized preparation: msg_prefix (32 random bytes) || msg.
            var message = random(32)
            message.append(Data("citizen-cloud/vote/\(voteID)/".utf8))
            message.append(random(32))
            let prepared = key.prepare(message)
            let blinded = try key.blind(prepared)
            self.message = message
            self.blindedMessage = blinded.blindedMessage
            self.prepared = prepared
            self.inverse = blinded.inverse
            self.key = key
        }

        /// Unblinds the server's blind signature into a ballot token (throws when the signature is not valid).
        public func finalize(blindSignature: Data) throws -> Token {
            let signature = try self.key.finalize(
                _RSA.BlindSigning.BlindSignature(rawRepresentation: blindSignature), for: self.prepared,
                blindingInverse: self.inverse)
            return Token(message: self.message, signature: signature.rawRepresentation)
        }
    }

    /// An unblinded ballot token: anyone can verify it with the vote's public key; nobody can link it to the voter.
    public struct Token: Sendable, Codable, Equatable {
        public let message: Data
        public let signature: Data

        public init(message: Data, signature: Data) {
            self.message = message
            self.signature = signature
        }

        /// The receipt: the hash under which the ballot is published.
        public var hash: String { VoteKeys.tokenHash(self.message) }
    }
}
