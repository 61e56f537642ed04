import Crypto
import Foundation
import Platform

/// Small helpers of the service hall's pages.
enum PageSupport {
    /// A fresh random token (256 bits, base64url): the idempotency key each rendering of a form carries, so a
    /// double-clicked or re-sent form creates one application.
    static func randomKey() -> String {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        return bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The sign-in page's address that comes back to `path`.
    static func signInURL(next path: String) -> String {
        "/signin?next=" + (path.addingPercentEncoding(withAllowedCharacters: WebForm.unreserved) ?? "/")
    }
}
