import Foundation
import Hummingbird

/// Reading HTML form posts: the `application/x-www-form-urlencoded` fields, the session's CSRF check, and safe
/// redirect targets.
///
/// Every page form of a signed-in visitor carries the session's synchronizer token in a hidden `csrf` field
/// (`{{csrf}}` in templates); ``requireSession(_:context:)`` refuses a post without it.
public enum WebForm {
    /// Characters left as they are in a percent-encoded query value (RFC 3986 unreserved).
    public static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// The fields of a form post (at most 64 KiB); a field sent twice keeps its last value.
    public static func fields(_ request: Request, context: AppRequestContext) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: 64 * 1024)
        do {
            return try URLEncodedFormDecoder().decode([String: String].self, from: String(buffer: body))
        } catch {
            throw Self.malformed
        }
    }

    /// The fields of a form posted by a signed-in visitor whose `csrf` field matches the session: throws 401
    /// without a session and 403 `csrf_failed` on a missing or wrong token.
    public static func requireSession(
        _ request: Request, context: AppRequestContext
    ) async throws -> (principal: Principal, fields: [String: String]) {
        guard let principal = context.principal, let expected = context.sessionCSRF else {
            throw AuthorizationProblem.unauthenticated
        }
        let fields = try await Self.fields(request, context: context)
        guard let sent = fields["csrf"], Self.constantTimeEqual(sent, expected) else { throw Self.csrfFailed }
        return (principal, fields)
    }

    /// Like ``requireSession(_:context:)`` for a form that may carry files: a `multipart/form-data` body (at most
    /// `maxBytes`) gives its fields and files, a URL-encoded one its fields and no files.
    public static func requireSessionWithFiles(
        _ request: Request, context: AppRequestContext, maxBytes: Int
    ) async throws -> (principal: Principal, fields: [String: String], files: [MultipartForm.File]) {
        guard let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(of:)) else {
            let (principal, fields) = try await Self.requireSession(request, context: context)
            return (principal, fields, [])
        }
        guard let principal = context.principal, let expected = context.sessionCSRF else {
            throw AuthorizationProblem.unauthenticated
        }
        let body = try await request.body.collect(upTo: maxBytes)
        let form = try MultipartForm(body: Array(buffer: body), boundary: boundary)
        guard let sent = form.fields["csrf"], Self.constantTimeEqual(sent, expected) else { throw Self.csrfFailed }
        return (principal, form.fields, form.files)
    }

    /// `next` when it is a canonical path on this site, otherwise `fallback`: never an open redirect.
    ///
    /// Accepted: at most 2,048 characters starting with a single `/`, with no `//`, no backslash, no control
    /// character or whitespace (also after one round of percent-decoding, so `/%09/example.com` and `/%2F/evil` are
    /// refused), and not the sign-in page itself (`next` never nests).
    public static func localPath(_ next: String?, fallback: String = "/") -> String {
        guard let next, Self.isLocalPath(next), Self.isLocalPath(next.removingPercentEncoding ?? "//") else {
            return fallback
        }
        let path = next.prefix { $0 != "?" && $0 != "#" }
        for page in ["/signin", "/signout", "/console/login"] where RoutePath.isUnder(page, String(path)) {
            return fallback
        }
        return next
    }

    private static func isLocalPath(_ text: String) -> Bool {
        guard text.utf8.count <= 2048, text.hasPrefix("/"), !text.contains("//"), !text.contains("\\") else {
            return false
        }
        return !text.unicodeScalars.contains {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.properties.isWhitespace
                || $0.properties.generalCategory == .format
        }
    }

    /// A `303 See Other` to `location`, not cached.
    public static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// A `303 See Other` to `path` with `error` (percent-encoded) as its `error` parameter: form pages show a
    /// refusal in place this way.
    public static func redirect(_ path: String, error: String) -> Response {
        let encoded = error.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? ""
        return Self.redirect(path + (path.contains("?") ? "&" : "?") + "error=" + encoded)
    }

    /// The sign-in page that comes back to `path` afterwards.
    public static func signInRedirect(returningTo path: String) -> Response {
        Self.redirect("/signin?next=" + (path.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "/"))
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    /// 403: the form's CSRF token is missing or wrong.
    public static let csrfFailed = Problem(
        .forbidden, code: "csrf_failed", zh: "表单已过期或来源不明，请返回重试。",
        en: "The form has expired or did not come from this site; go back and try again.")

    /// 400: the body is not a URL-encoded form.
    public static let malformed = Problem(
        .badRequest, code: "malformed_form", zh: "表单内容无法读取。", en: "The form could not be read.")
}
