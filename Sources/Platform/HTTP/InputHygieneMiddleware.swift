import HTTPTypes
import Hummingbird
import NIOCore

/// Refuses control characters at the edge, before any route reads the request: in the path and query, in header
/// values, and in JSON and form bodies (where tab and line breaks are allowed, for text areas). The answer is 400
/// `invalid_characters` on every route and both databases, instead of whatever each field would do with them
/// (PostgreSQL refuses U+0000 with an error).
///
/// JSON and form bodies up to the context's upload limit are read here and handed on as a buffer.
public struct InputHygieneMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    public init() {}

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        if ControlCharacters.inPercentEncoded(request.uri.description.utf8) {
            throw Self.problem(where: "uri")
        }
        // Header values may hold tabs (RFC 9110), nothing else below U+0020.
        for field in request.headers
        where field.value.utf8.contains(where: { $0 != 0x09 && ControlCharacters.isControl($0, allowLineBreaks: false) }
        ) {
            throw Self.problem(where: field.name.canonicalName)
        }
        guard let type = request.headers[.contentType].map(MediaTypeCheck.essence) else {
            return try await next(request, context)
        }
        let isForm = type == "application/x-www-form-urlencoded"
        guard isForm || MediaTypeCheck.isJSON(type) else { return try await next(request, context) }
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let bytes = body.readableBytesView
        if isForm ? ControlCharacters.inPercentEncoded(bytes, allowLineBreaks: true) : ControlCharacters.inJSON(bytes) {
            throw Self.problem(where: "body")
        }
        return try await next(request, context)
    }

    static func problem(where part: String) -> Problem {
        Problem(
            .badRequest, code: "invalid_characters",
            zh: "请求中含有控制字符（如 NUL），无法处理。", en: "The request contains control characters (such as NUL).",
            extensions: ["in": part])
    }
}
