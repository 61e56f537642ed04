import Foundation

/// Base64url without padding (RFC 4648 §5), the encoding of tokens and signatures in the API.
public enum Base64URL {
    /// Encodes bytes.
    public static func encode(_ data: some DataProtocol) -> String {
        Data(data).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Decodes text, nil when it is not base64url (padding optional) or longer than `limit` characters.
    public static func decode(_ text: String, limit: Int = 2048) -> Data? {
        guard text.utf8.count <= limit else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.utf8.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
