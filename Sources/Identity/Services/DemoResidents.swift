import Foundation
import Platform

/// The demo's resident accounts (synthetic ID numbers, level 1), who own the demo's applications. Only
/// `serve --demo` creates them; they share the demo officials' password.
public enum DemoResidents {
    /// How many there are.
    public static let count = 30
    /// The phone the first one signs in with.
    public static let firstPhone = phone(0)

    static func phone(_ n: Int) -> String { "1380013" + String(format: "%04d", 8000 + n) }

    /// Creates the demo residents that do not exist yet; returns all of them.
    public static func seed(service: IdentityService) async throws -> [Account] {
        var accounts: [Account] = []
        for n in 0..<self.count {
            if let existing = try await service.accounts.find(signInName: self.phone(n)) {
                accounts.append(existing)
                continue
            }
            let id = IDNumber(region: "510104", year: 1960 + n, month: 1 + n % 12, day: 1 + n % 28, sequence: 700 + n)
            let account = try await service.registerResident(
                .init(name: "演示居民\(n + 1)", idNumber: id.value, phone: self.phone(n), password: DemoOfficials.password),
                address: nil)
            accounts.append(account)
        }
        return accounts
    }
}
