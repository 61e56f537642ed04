import Foundation

/// The password rule: at least 10 characters, not in the list of common passwords, not the phone or ID number.
public struct PasswordPolicy: Sendable {
    /// The minimum length in characters.
    public static let minimumLength = 10
    private let common: Set<String>

    /// Loads the shipped list of common passwords (`Resources/common-passwords.txt`).
    public static let shipped: PasswordPolicy = {
        let path = Bundle.module.path(forResource: "common-passwords", ofType: "txt")
        let text = path.flatMap { try? String(contentsOfFile: $0, encoding: .utf8) } ?? ""
        let words = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.map { $0.lowercased() }
        return PasswordPolicy(common: Set(words))
    }()

    init(common: Set<String>) {
        self.common = common
    }

    /// How many passwords the list holds.
    public var listSize: Int { self.common.count }

    /// The reason `password` is refused, nil when it is acceptable.
    public func weakness(of password: String, personalData: [String] = []) -> String? {
        if password.count < Self.minimumLength { return "too_short" }
        if password.count > 128 { return "too_long" }
        let lower = password.lowercased()
        if self.common.contains(lower) { return "common" }
        if Set(lower).count <= 2 { return "repetitive" }
        if personalData.contains(where: { !$0.isEmpty && lower.contains($0.lowercased()) }) { return "personal_data" }
        return nil
    }
}
