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

    /// `next` when it is a path on this site (`/…` but not `//…`), otherwise `fallback`: never an open redirect.
    public static func localPath(_ next: String?, fallback: String = "/") -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
            !next.contains(where: { $0.isNewline })
        else { return fallback }
        return next
    }

    /// A `303 See Other` to `location`, not cached.
    public static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
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
