import Foundation
import HummingbirdOTP

extension WebDriver {
    /// Signs a resident in at `/signin` (Chinese), coming back to `next`.
    func signInResident(base: String, phone: String, password: String, next: String) async throws {
        try await self.navigate(to: "\(base)/signin?lang=zh&next=\(next)")
        try await self.waitForElement(css: "#username").sendKeys(phone)
        try await self.findElement(css: "#password").sendKeys(password)
        try await self.findElement(css: "#signin-form button").click()
    }

    /// Signs an official in to the console with the password and a one-time code of `totpSecret`, and waits for
    /// the console home.
    func signInOfficial(base: String, username: String, password: String, totpSecret: String) async throws {
        try await self.navigate(to: base + "/console?lang=zh")
        try await self.waitForElement(css: "#username").sendKeys(username)
        try await self.findElement(css: "#password").sendKeys(password)
        let code = String(format: "%06d", TOTP(secret: totpSecret).compute(date: Date()))
        try await self.findElement(css: "#otp").sendKeys(code)
        try await self.findElement(css: "#login-form button").click()
        _ = try await self.waitForElement(css: "#my-scope-code")
    }
}
