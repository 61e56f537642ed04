import App
import ArgumentParser
import Foundation
import Identity
import Platform

/// `citizen-cloud clients`: registers department systems as OpenID Connect clients.
struct ClientsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clients", abstract: "Register OpenID Connect clients (department systems).",
        subcommands: [Create.self]
    )

    /// `clients create`: prints the client id and, for confidential clients, the secret (shown once).
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Register a client; prints its id and secret (shown once).")
        @Option(help: "The department system's name, shown on the consent page.") var name: String
        @Option(name: .customLong("redirect-uri"), help: "An exact redirect URI (repeat for several).")
        var redirectURIs: [String] = []
        @Option(name: .customLong("post-logout-redirect-uri"), help: "Where logout may return to (repeatable).")
        var postLogoutRedirectURIs: [String] = []
        @Option(help: "Where to POST logout tokens when a session the client took part in ends (back-channel logout).")
        var backchannelLogoutURI: String?
        @Option(help: "Scopes the client may ask for, space-separated.")
        var scope: String = "openid profile offline_access"
        @Flag(help: "A public client (mobile or browser app): no secret, PKCE only.") var `public` = false
        @Flag(help: "Give this client pairwise subjects (a different sub for its sector).") var pairwise = false
        @Option(help: "Sector for pairwise subjects (default: the first redirect URI's host).") var sector: String?
        @Option(name: .customLong("id-token-alg"), help: "How ID tokens are signed for this client: RS256 or ES256.")
        var idTokenAlg: String = "RS256"
        @Flag(help: "A trusted (first-party) client: residents are not asked for consent.") var trusted = false
        @Flag(help: "May receive the real_name scope (name and ID number); gets public, not pairwise, subjects.")
        var allowRealName = false
        @Option(
            name: .customLong("jwks-file"),
            help: "A JWKS file of the client's EC P-256 or RSA public keys: it authenticates with private_key_jwt.")
        var jwksFile: String?
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await CommandSupport.failing {
                let logger = CommandSupport.logger(level: self.options.level)
                let scopes = Set(self.scope.split(separator: " ").map(String.init))
                guard scopes.isSubset(of: OIDCProvider.supportedScopes) else {
                    throw CommandFailure("scopes must be among \(OIDCProvider.supportedScopes.sorted())")
                }
                guard let algorithm = JWSAlgorithm(rawValue: self.idTokenAlg) else {
                    throw CommandFailure("--id-token-alg must be RS256 or ES256")
                }
                let jwks = try self.jwksFile.map { path in
                    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                        throw CommandFailure("cannot read the JWKS file \(path)")
                    }
                    return text
                }
                let command = self
                let (client, secret) = try await CommandSupport.withDatabase(try self.options.url(), logger: logger) {
                    database in
                    try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
                    let created = try await ClientRepository(database: database).create(
                        name: command.name, redirectURIs: command.redirectURIs,
                        postLogoutRedirectURIs: command.postLogoutRedirectURIs, scopes: scopes,
                        confidential: !command.public, pairwise: command.pairwise, sector: command.sector,
                        backchannelLogoutURI: command.backchannelLogoutURI, idTokenAlgorithm: algorithm,
                        trusted: command.trusted, jwks: jwks,
                        allowRealName: command.allowRealName)
                    try await AuditLog(database: database).record(
                        AuditEvent(
                            actor: nil, action: "client.create", target: created.client.clientID, address: nil,
                            detail: command.name))
                    return created
                }
                print("client_id: \(client.clientID)")
                if let secret { print("client_secret (shown once): \(secret)") }
            }
        }
    }
}

/// `citizen-cloud keys`: manages the keys that sign tokens.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage token signing keys.", subcommands: [Rotate.self])

    /// `keys rotate`: a new P-256 and a new RSA key sign from now on; old keys stay in the JWKS and keep verifying.
    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rotate", abstract: "Add a new signing key and make it current (older keys keep verifying).")
        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            try await CommandSupport.failing {
                let logger = CommandSupport.logger(level: self.options.level)
                let cipher = try PersonalDataCipher.loadOrCreate(keyFile: self.options.keyFile)
                let kids = try await CommandSupport.withDatabase(try self.options.url(), logger: logger) { database in
                    try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
                    let keys = SigningKeyRepository(database: database, cipher: cipher)
                    try await keys.create()
                    try await keys.createRSA()
                    let (all, current) = try await keys.loadOrCreate()
                    let rsa = try await keys.loadOrCreateRSA()
                    return ((all.keys.sorted() + rsa.keys.keys.sorted()), current + ", " + rsa.current)
                }
                print("current keys: \(kids.1); keys in the JWKS: \(kids.0.joined(separator: ", "))")
            }
        }
    }
}
