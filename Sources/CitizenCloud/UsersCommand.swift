import App
import ArgumentParser
import Foundation
import Identity
import Platform
import Territory

/// `citizen-cloud users`: creates accounts from scripts.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Create official and resident accounts.",
        subcommands: [CreateOfficial.self, CreateResident.self]
    )

    /// `users create-official`: password from standard input; prints the TOTP enrolment URI once.
    struct CreateOfficial: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-official",
            abstract: "Create an official (password read from standard input); prints the otpauth:// URI to enrol."
        )
        @Option(help: "Sign-in name (3–40 letters, digits, . _ -).") var username: String
        @Option(help: "Display name.") var name: String?
        @Option(help: "Role: \(Role.allCases.filter(\.isOfficial).map(\.rawValue).joined(separator: ", ")).")
        var role: String
        @Option(help: "Scope: a division code (a department id for department_staff).") var division: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            guard let role = Role(rawValue: self.role), role.isOfficial else {
                throw ValidationError("unknown role '\(self.role)'")
            }
            try await CommandSupport.failing {
                let password = try UsersCommand.readPassword()
                let logger = CommandSupport.logger(level: self.options.level)
                let cipher = try PersonalDataCipher.loadOrCreate(keyFile: self.options.keyFile)
                let (username, name, scope) = (self.username, self.name ?? self.username, self.division)
                let created = try await CommandSupport.withDatabase(try self.options.url(), logger: logger) {
                    database in
                    try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
                    let service = IdentityService(database: database, cipher: cipher, hasher: PasswordHasher())
                    return try await service.createOfficial(
                        username: username, name: name, role: role, scope: scope, password: password,
                        divisions: DivisionRepository(database: database))
                }
                print("Created \(role.rawValue) \(username) (scope \(scope)), id \(created.account.id)")
                print("Enrol the second factor in an authenticator app (shown once):")
                print(created.enrolmentURI)
            }
        }
    }

    /// `users create-resident`: password from standard input.
    struct CreateResident: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-resident", abstract: "Register a resident (password read from standard input)."
        )
        @Option(help: "Name as in the household register.") var name: String
        @Option(help: "ID number (18 characters).") var idNumber: String
        @Option(help: "Mainland mobile number.") var phone: String
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await CommandSupport.failing {
                let password = try UsersCommand.readPassword()
                let logger = CommandSupport.logger(level: self.options.level)
                let cipher = try PersonalDataCipher.loadOrCreate(keyFile: self.options.keyFile)
                let input = IdentityService.Registration(
                    name: self.name, idNumber: self.idNumber, phone: self.phone, password: password)
                let account = try await CommandSupport.withDatabase(try self.options.url(), logger: logger) {
                    database in
                    try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
                    return try await IdentityService(database: database, cipher: cipher, hasher: PasswordHasher())
                        .registerResident(input, address: nil)
                }
                print("Registered resident \(account.id) at level L\(account.level)")
            }
        }
    }

    /// The first line of standard input.
    static func readPassword() throws -> String {
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw CommandFailure("give the password on standard input")
        }
        return line
    }
}
