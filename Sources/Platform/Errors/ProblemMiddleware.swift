import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into an RFC 9457 problem+json response (or an HTML page for browsers on page routes).
///
/// ``AppError``s keep their status and code; Hummingbird's own `HTTPError`s (unknown route, body too large, bad
/// JSON) get a code derived from their status; PostgreSQL's deadlock and serialization aborts become 409
/// `concurrent_update` and text it cannot store 400 `invalid_characters`; anything else is logged and answered with a generic 500 that never
/// echoes the error.
public struct ProblemMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    /// Renders an HTML error page for a browser request, or nil to answer with problem+json.
    public typealias HTMLRenderer = @Sendable (ProblemDocument, Request, AppRequestContext) -> Response?

    private let htmlRenderer: HTMLRenderer?

    public init(htmlRenderer: HTMLRenderer? = nil) {
        self.htmlRenderer = htmlRenderer
    }

    public func handle(
        _ request: Request, context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let document = Self.document(for: error, request: request, context: context)
            if let htmlRenderer, Self.wantsHTML(request), let page = htmlRenderer(document, request, context) {
                return page
            }
            var headers: HTTPFields = [:]
            if let httpError = error as? HTTPError {
                // Keep headers such as `Allow` or `WWW-Authenticate` that the framework attached.
                headers = httpError.headers
            }
            return document.response(headers: headers)
        }
    }

    /// Builds the problem document for any error.
    static func document(for error: any Error, request: Request, context: AppRequestContext) -> ProblemDocument {
        let instance = request.uri.path
        switch error {
        case let error as any AppError:
            return ProblemDocument(
                status: error.status, code: error.code,
                detail: context.locale.pick(zh: error.detailZH, en: error.detailEN),
                instance: instance, requestId: context.requestID,
                extensions: error.extensions(for: context.locale)
            )
        case let error as any HTTPResponseError:
            let (code, zh, en) = Self.describe(error.status)
            var detail = context.locale.pick(zh: zh, en: en)
            if let message = (error as? HTTPError)?.body, error.status.code < 500 {
                detail += context.locale == .zh ? "（\(message)）" : " (\(message))"
            }
            return ProblemDocument(
                status: error.status, code: code, detail: detail, instance: instance, requestId: context.requestID
            )
        case _ where Database.isTransientConflict(error):
            return Self.document(for: Problem.concurrentUpdate, request: request, context: context)
        case _ where Database.isUnstorableText(error):
            return Self.document(for: InputHygieneMiddleware.problem(where: "body"), request: request, context: context)
        default:
            context.logger.error(
                "request.failed", metadata: ["error.type": "\(type(of: error))", "path": "\(request.uri.path)"]
            )
            return ProblemDocument(
                status: .internalServerError, code: "internal_error",
                detail: context.locale.pick(zh: "服务器内部错误，请稍后再试。", en: "Internal server error; please try again later."),
                instance: instance, requestId: context.requestID
            )
        }
    }

    private static func describe(_ status: HTTPResponse.Status) -> (String, String, String) {
        switch status.code {
        case 400: ("bad_request", "请求格式不正确。", "The request is malformed.")
        case 401: ("unauthenticated", "需要登录。", "Authentication is required.")
        case 403: ("forbidden", "无权执行此操作。", "You are not allowed to do this.")
        case 404: ("not_found", "找不到该地址。", "Nothing exists at this address.")
        case 405: ("method_not_allowed", "不支持该请求方法。", "This method is not allowed here.")
        case 413: ("payload_too_large", "请求内容过大。", "The request body is too large.")
        case 415: ("unsupported_media_type", "不支持的内容类型。", "The content type is not supported.")
        case 429: ("too_many_requests", "请求过于频繁，请稍后再试。", "Too many requests; please slow down.")
        case 500..<600: ("internal_error", "服务器内部错误，请稍后再试。", "Internal server error; please try again later.")
        default: ("http_\(status.code)", status.reasonPhrase, status.reasonPhrase)
        }
    }

    /// Page routes answer browsers with HTML; the API and machine endpoints always answer with JSON.
    static func wantsHTML(_ request: Request) -> Bool {
        let path = RoutePath.canonical(request.uri.path)
        // The OAuth endpoints answer machines, except the two a browser is sent to.
        let browserOAuth = path == "/oauth/authorize" || path == "/oauth/logout"
        if path.hasPrefix("/api/") || (path.hasPrefix("/oauth/") && !browserOAuth) || path.hasPrefix("/.well-known/") {
            return false
        }
        return request.headers[.accept]?.contains("text/html") ?? false
    }
}
