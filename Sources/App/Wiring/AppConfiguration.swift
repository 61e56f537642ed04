import Logging
import Platform

/// Everything the server reads at start-up, as data (`http.host`, `http.port`, `db.url`, …).
public struct AppConfiguration: Sendable {
    /// `http.host`: address to listen on.
    public var host: String
    /// `http.port`: port to listen on; 0 picks a free one (tests).
    public var port: Int
    /// `db.url`: the database.
    public var database: DatabaseURL
    /// `log.level`.
    public var logLevel: Logger.Level
    /// `db.connections`: maximum connections in the pool.
    public var databaseConnections: Int
    /// `crypto.keyFile`: keyring for personal data (created with a fresh key when missing).
    public var personalDataKeyFile: String
    /// `identity.bcryptCost`: bcrypt cost for passwords (10 in production; tests use the minimum, 4).
    public var passwordCost: UInt8
    /// `http.secureCookies`: mark console cookies `Secure` (turn off only for plain-HTTP development).
    public var secureCookies: Bool
    /// `oidc.issuer`: the public base URL of this server, the `iss` of every token.
    public var issuer: String
    /// `http.trustForwardedFor`: take client addresses from `X-Forwarded-For` (only behind a reverse proxy).
    public var trustForwardedFor: Bool
    /// `http.headerTimeout`: seconds a client has to send a request's line and headers (from connecting, or from
    /// the previous response) before the connection is closed.
    public var headerTimeout: Double = 10
    /// `http.bodyIdleTimeout`: seconds a request body may pause between two parts before the connection is closed.
    public var bodyIdleTimeout: Double = 30
    /// `http.idleTimeout`: seconds a kept-alive connection may stay silent between requests before it is closed.
    public var idleTimeout: Double = 120
    /// `http.maxConnections`: open connections at most; more clients wait in the listen backlog.
    public var maxConnections: Int = 1000
    /// `db.sqliteSynchronous`: `normal` (default) or `full` (durable across power loss, slower writes).
    public var sqliteSynchronous: SQLiteSynchronous = .normal

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseURL = .defaultSQLite,
        logLevel: Logger.Level = .info, databaseConnections: Int = 8,
        personalDataKeyFile: String = "./data/keys/personal-data.key", passwordCost: UInt8 = 10,
        secureCookies: Bool = true, issuer: String = "http://127.0.0.1:8080",
        trustForwardedFor: Bool = false
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.logLevel = logLevel
        self.databaseConnections = databaseConnections
        self.personalDataKeyFile = personalDataKeyFile
        self.passwordCost = passwordCost
        self.secureCookies = secureCookies
        self.issuer = issuer
        self.trustForwardedFor = trustForwardedFor
    }
}
