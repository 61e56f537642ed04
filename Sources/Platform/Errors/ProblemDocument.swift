import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An RFC 9457 problem details document, the body of every error response.
public struct ProblemDocument: Encodable, Sendable {
    /// A URI naming the problem type: `urn:citizen-cloud:problem:CODE`.
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    public var code: String
    public var instance: String?
    public var requestId: String?
    public var extensions: [String: String]

    public init(
        status: HTTPResponse.Status, code: String, detail: String, instance: String?, requestId: String?,
        extensions: [String: String] = [:]
    ) {
        self.type = "urn:citizen-cloud:problem:\(code)"
        self.title = status.reasonPhrase
        self.status = status.code
        self.detail = detail
        self.code = code
        self.instance = instance
        self.requestId = requestId
        self.extensions = extensions
    }

    /// The standard members: an extension of the same name is never written over them.
    static let members: Set<String> = ["type", "title", "status", "detail", "code", "instance", "requestId"]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { self.stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(self.type, forKey: Key("type"))
        try container.encode(self.title, forKey: Key("title"))
        try container.encode(self.status, forKey: Key("status"))
        try container.encode(self.detail, forKey: Key("detail"))
        try container.encode(self.code, forKey: Key("code"))
        try container.encodeIfPresent(self.instance, forKey: Key("instance"))
        try container.encodeIfPresent(self.requestId, forKey: Key("requestId"))
        for (name, value) in self.extensions.sorted(by: { $0.key < $1.key }) where !Self.members.contains(name) {
            try container.encode(value, forKey: Key(name))
        }
    }

    /// The JSON response carrying this document with `application/problem+json`.
    public func response(headers extra: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        var headers = extra
        headers[.contentType] = "application/problem+json; charset=utf-8"
        return Response(
            status: HTTPResponse.Status(code: self.status),
            headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
