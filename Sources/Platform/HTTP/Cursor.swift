import Foundation
import Hummingbird

/// An opaque pagination cursor: the sort key of the last item of the previous page, base64url-encoded.
///
/// Clients must treat it as opaque; a tampered or truncated cursor is refused with `invalid_cursor`.
public struct Cursor: Sendable, Equatable {
    /// The sort key after which the next page starts.
    public let after: String

    public init(after: String) {
        self.after = after
    }

    /// Decodes a cursor a client sent back.
    public init(token: String) throws {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard token.count <= 256, let data = Data(base64Encoded: base64),
            let text = String(data: data, encoding: .utf8), text.hasPrefix("k:")
        else {
            throw Problem(
                .badRequest, code: "invalid_cursor",
                zh: "分页游标无效，请从第一页重新开始。", en: "The page cursor is invalid; start again from the first page.",
                extensions: ["parameter": "cursor"]
            )
        }
        self.after = String(text.dropFirst(2))
    }

    /// The token to hand to clients.
    public var token: String {
        Data(("k:" + self.after).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
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
