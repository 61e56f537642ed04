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

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseURL = .defaultSQLite,
        logLevel: Logger.Level = .info, databaseConnections: Int = 8
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.logLevel = logLevel
        self.databaseConnections = databaseConnections
    }
}
