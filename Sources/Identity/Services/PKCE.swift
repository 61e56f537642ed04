import Crypto
import Foundation

/// Proof Key for Code Exchange (RFC 7636), S256 only.
enum PKCE {
    /// Whether `challenge` is a well-formed S256 challenge (43 base64url characters).
    static func isChallenge(_ challenge: String) -> Bool {
        challenge.utf8.count == 43 && challenge.utf8.allSatisfy(Self.isBase64URL)
    }

    /// Whether `verifier` (43–128 unreserved characters) hashes to `challenge`.
    static func verify(_ verifier: String, challenge: String) -> Bool {
        guard (43...128).contains(verifier.utf8.count),
            verifier.utf8.allSatisfy({ Self.isBase64URL($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "~") })
        else { return false }
        return Base64URL.encode(Array(SHA256.hash(data: Data(verifier.utf8)))) == challenge
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
