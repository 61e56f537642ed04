import Foundation
import HummingbirdOTP

/// TOTP (RFC 6238, SHA-1, 6 digits, 30 s) for officials' second factor.
public enum TOTPCheck {
    /// A fresh 20-character secret (its UTF-8 bytes are the HMAC key, as `HummingbirdOTP` uses them).
    public static func newSecret() -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// The `otpauth://` URI an authenticator app enrols from.
    public static func enrolmentURI(secret: String, username: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: "CitizenCloud:\(username)", issuer: "CitizenCloud")
    }

    /// Whether `code` is the code of the current 30-second step or of one step either side (clock drift).
    public static func verify(_ code: String, secret: String, now: Date = Date()) -> Bool {
        guard code.count == 6, let value = Int(code) else { return false }
        let totp = TOTP(secret: secret)
        return [-30.0, 0, 30].contains { totp.compute(date: now.addingTimeInterval($0)) == value }
    }
}
