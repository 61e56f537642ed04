import Foundation
import Platform
import Territory

extension IdentityService {
    /// A created official with the TOTP secret to enrol (shown once, as an `otpauth://` URI).
    public struct CreatedOfficial: Sendable {
        public let account: Account
        public let totpSecret: String
        public var enrolmentURI: String {
            TOTPCheck.enrolmentURI(secret: self.totpSecret, username: self.account.username ?? "")
        }
    }

    /// Creates an official. `scope` must be an existing division (a department id for department staff); the
    /// password follows the same policy as residents'. `totpSecret` is generated unless given (demo accounts).
    public func createOfficial(
        username: String, name: String, role: Role, scope: String, password: String, totpSecret: String? = nil,
        divisions: DivisionRepository, createdBy: String? = nil, address: String? = nil
    ) async throws -> CreatedOfficial {
        guard role.isOfficial else {
            throw Problem.invalidParameter("role", zh: "角色必须是工作人员角色。", en: "The role must be an official's role.")
        }
        let username = username.trimmingCharacters(in: .whitespaces)
        guard (3...40).contains(username.count),
            username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }),
            !PhoneNumber.isValid(username), username.count != 18
        else {
            throw Problem.invalidParameter(
                "username", zh: "用户名须为 3 到 40 个字母、数字或 . _ -。",
                en: "The username must be 3 to 40 letters, digits or . _ -.")
        }
        try DisplayText.require(name, field: "name")
        if !role.isDepartmentScoped {
            guard DivisionCode.isWellFormed(scope), try await divisions.find(scope) != nil else {
                throw Problem.invalidParameter(
                    "division", zh: "管辖范围必须是已存在的区划代码。", en: "The scope must be an existing division code.")
            }
        }
        if let weakness = self.policy.weakness(of: password, personalData: [username]) {
            throw IdentityProblem.weakPassword(weakness)
        }
        let secret = totpSecret ?? TOTPCheck.newSecret()
        let account = try await self.accounts.create(
            AccountRepository.NewOfficial(
                username: username, name: name, role: role, scope: scope,
                passwordHash: try await self.hasher.hash(password), totpSecret: secret))
        try await self.audit.record(
            AuditEvent(
                actor: createdBy, action: "official.create", target: account.id, address: address,
                detail: "\(role.rawValue) \(scope)"))
        return CreatedOfficial(account: account, totpSecret: secret)
    }
}
