import Crypto
import Foundation
import Hummingbird
import Synchronization

/// An opaque pagination cursor: the sort key of the last item of the previous page, signed.
///
/// The token is `base64url("k:" + key) + "." + base64url(HMAC-SHA256(secret, "k:" + key)[..<16])`, so a client can
/// neither forge nor alter one: a tampered, truncated or foreign cursor is refused with 400 `invalid_cursor`. The
/// secret is derived from the personal-data keyring (``useSigningKey(_:)`` at start-up), which every node of a
/// deployment shares, so a cursor from one node is good on all of them and survives restarts; without it (tools and
/// tests that never start a server) a random per-process secret is used.
public struct Cursor: Sendable, Equatable {
    /// The sort key after which the next page starts.
    public let after: String

    public init(after: String) {
        self.after = after
    }

    /// Decodes and verifies a cursor a client sent back.
    public init(token: String) throws {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= 512, parts.count == 2, let payload = Self.decode(parts[0]),
            let mac = Self.decode(parts[1]), Self.verify(mac, of: payload),
            let text = String(data: payload, encoding: .utf8), text.hasPrefix("k:")
        else { throw Self.invalid }
        self.after = String(text.dropFirst(2))
    }

    /// The token to hand to clients.
    public var token: String {
        let payload = Data(("k:" + self.after).utf8)
        return Self.encode(payload) + "." + Self.encode(Self.mac(payload))
    }

    /// 400 `invalid_cursor`.
    public static let invalid = Problem(
        .badRequest, code: "invalid_cursor",
        zh: "分页游标无效，请从第一页重新开始。", en: "The page cursor is invalid; start again from the first page.",
        extensions: ["parameter": "cursor"]
    )

    // MARK: - Signing

    private static let secret = Mutex<[UInt8]?>(nil)

    /// Sets the secret cursors are signed with, once per process (later calls keep the first secret, so every
    /// cursor this process issued stays valid). Call it at start-up with a key every node derives alike.
    public static func useSigningKey(_ key: [UInt8]) {
        self.secret.withLock { current in
            if current == nil { current = key }
        }
    }

    private static var key: SymmetricKey {
        SymmetricKey(
            data: self.secret.withLock { current in
                if let current { return current }
                let random = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
                current = random
                return random
            })
    }

    private static func mac(_ payload: Data) -> Data {
        Data(HMAC<SHA256>.authenticationCode(for: payload, using: self.key).prefix(16))
    }

    private static func verify(_ mac: Data, of payload: Data) -> Bool {
        let expected = self.mac(payload)
        guard mac.count == expected.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(mac, expected) { difference |= a ^ b }
        return difference == 0
    }

    private static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ text: Substring) -> Data? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}

/// One page of a listing with the cursor for the next, `null` on the last page.
public struct Page<Item: Encodable & Sendable>: ResponseEncodable, Sendable {
    public let items: [Item]
    public let nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    private enum CodingKeys: String, CodingKey {
        case items, nextCursor
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.items, forKey: .items)
        // Always present, so clients can test `nextCursor == null` for the last page.
        try container.encode(self.nextCursor, forKey: .nextCursor)
    }
}
