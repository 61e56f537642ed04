import Foundation
import PostgresNIO

/// Where the platform keeps its data: an SQLite file (the embedded default) or a PostgreSQL server.
///
/// Parsed from the `db.url` setting: `sqlite:///abs/path.sqlite`, `sqlite://./relative.sqlite`, `sqlite::memory:`
/// or `postgres://user:pass@host:port/database`.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite database in a file, created on first use.
    case sqlite(path: String)
    /// An in-memory SQLite database (one connection, gone when the process ends).
    case sqliteMemory
    /// A PostgreSQL server.
    case postgres(PostgresLocation)

    /// The default embedded database, relative to the working directory.
    public static let defaultSQLite = DatabaseURL.sqlite(path: "./data/citizen-cloud.sqlite")

    /// Parses a database URL; throws ``DatabaseURLError`` with a readable reason when it is malformed.
    public init(parsing text: String) throws {
        if text == "sqlite::memory:" || text == "sqlite://:memory:" {
            self = .sqliteMemory
            return
        }
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw DatabaseURLError(url: text, reason: "the SQLite path is empty") }
            self = .sqlite(path: path.removingPercentEncoding ?? path)
            return
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://"),
            let components = URLComponents(string: text)
        else {
            throw DatabaseURLError(url: text, reason: "expected sqlite://PATH or postgres://USER:PASS@HOST:PORT/DB")
        }
        guard let host = components.host, !host.isEmpty else {
            throw DatabaseURLError(url: text, reason: "the PostgreSQL host is missing")
        }
        guard let user = components.user, !user.isEmpty else {
            throw DatabaseURLError(url: text, reason: "the PostgreSQL user is missing")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else {
            throw DatabaseURLError(url: text, reason: "the PostgreSQL database name is missing")
        }
        var schema: String? = nil
        for item in components.queryItems ?? [] {
            guard item.name == "schema", let value = item.value,
                value.utf8.allSatisfy({ $0 == 0x5F || (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) })
            else {
                throw DatabaseURLError(
                    url: text, reason: "the only option is schema=NAME (lower-case letters, digits, _)")
            }
            schema = value
        }
        self = .postgres(
            PostgresLocation(
                host: host,
                port: components.port ?? 5432,
                user: user.removingPercentEncoding ?? user,
                password: components.password?.removingPercentEncoding,
                database: database,
                schema: schema
            )
        )
    }

    /// The URL with any password hidden, safe to log.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite://\(path)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let location):
            "postgres://\(location.user):***@\(location.host):\(location.port)/\(location.database)"
                + (location.schema.map { "?schema=\($0)" } ?? "")
        }
    }
}

/// Where a PostgreSQL database is, and optionally which schema to use (its `search_path`).
public struct PostgresLocation: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    /// Tables are created and found in this schema instead of `public` (one schema per test, or per tenant).
    public var schema: String?

    public init(host: String, port: Int, user: String, password: String?, database: String, schema: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.schema = schema
    }

    /// The client configuration for this location.
    var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: self.host, port: self.port, username: self.user, password: self.password, database: self.database,
            tls: .disable
        )
        if let schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        return configuration
    }
}

/// A database URL that could not be understood.
public struct DatabaseURLError: Error, CustomStringConvertible {
    /// The URL as given, with the password hidden when it could be parsed far enough.
    public let url: String
    /// Why it was refused.
    public let reason: String

    public var description: String { "invalid database URL: \(reason)" }
}
