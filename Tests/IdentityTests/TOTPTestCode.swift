import Foundation
import HummingbirdOTP

/// Computes the current TOTP code, as an authenticator app would.
enum TOTPTestCode {
    static func now(_ secret: String) -> Int {
        TOTP(secret: secret).compute(date: Date())
    }
}
