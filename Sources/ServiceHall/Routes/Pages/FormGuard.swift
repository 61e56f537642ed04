import Crypto
import Foundation
import Hummingbird
import Platform

/// CSRF protection for the service hall's forms: a double-submit token in an `HttpOnly`, `SameSite=Strict`
/// cookie that every form repeats in a hidden field.
///
/// The token stays the same while the cookie lives, so two open tabs both keep working; a page that renders a
/// form sets the cookie when the visitor has none.
struct FormGuard: Sendable {
    static let cookie = "cc_forms"
    let secureCookies: Bool

    /// The token to put in forms, and the `Set-Cookie` value when the visitor has no token yet.
    func token(for request: Request) -> (token: String, setCookie: String?) {
        if let existing = request.cookies[Self.cookie]?.value, existing.count >= 32 { return (existing, nil) }
        let token = Self.random()
        var cookie = "\(Self.cookie)=\(token); Path=/; Max-Age=86400; HttpOnly; SameSite=Strict"
        if self.secureCookies { cookie += "; Secure" }
        return (token, cookie)
    }

    /// Throws 403 `csrf_failed` unless the form repeats the cookie's token.
    func check(_ request: Request, form: [String: String]) throws {
        guard let cookie = request.cookies[Self.cookie]?.value, cookie.count >= 32, form["csrf"] == cookie else {
            throw Problem(
                .forbidden, code: "csrf_failed", zh: "表单已过期或来源不明，请返回重试。",
                en: "The form has expired or did not come from this site; go back and try again.")
        }
    }

    /// 32 random bytes, base64url.
    static func random() -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The fields of an `application/x-www-form-urlencoded` body (the last value wins for a repeated name).
    static func fields(_ request: Request) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: 64 * 1024)
        var out: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            guard !name.isEmpty else { continue }
            out[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
        return out
    }

    private static func decode(_ text: Substring) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }

    /// A `303 See Other` to `location`.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// Where a visitor signs in and comes back to `path`.
    static func signIn(next path: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~/"))
        return "/signin?next=" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/services")
    }
}
