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
        self.matchingStep(code, secret: secret, now: now) != nil
    }

    /// The 30-second time step (Unix seconds / 30) whose code `code` is, looking at the current step and one either
    /// side; nil when none matches. Sign-in accepts each step at most once per account (RFC 6238 §5.2), so a code
    /// seen on the wire cannot be replayed within its window.
    public static func matchingStep(_ code: String, secret: String, now: Date = Date()) -> Int64? {
        guard code.count == 6, let value = Int(code) else { return nil }
        let totp = TOTP(secret: secret)
        let current = Int64(now.timeIntervalSince1970) / 30
        for step in [current - 1, current, current + 1]
        where totp.compute(date: Date(timeIntervalSince1970: TimeInterval(step * 30))) == value {
            return step
        }
        return nil
    }
}
