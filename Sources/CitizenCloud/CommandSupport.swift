import ArgumentParser
import Foundation
import Logging
import Platform

/// Options every command that touches the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "Database URL: sqlite://PATH (default ./data/citizen-cloud.sqlite) or postgres://USER:PASS@HOST:PORT/DB.")
    var database: String = "sqlite://./data/citizen-cloud.sqlite"

    @Option(name: .long, help: "Key file for personal data encryption (created with a fresh key when missing).")
    var keyFile: String = "./data/keys/personal-data.key"

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    /// The parsed URL, or a usage error naming the problem.
    func url() throws -> DatabaseURL {
        do {
            return try DatabaseURL(parsing: self.database)
        } catch let error as DatabaseURLError {
            throw CommandFailure(error.description)
        }
    }

    var level: Logger.Level { Logger.Level(rawValue: self.logLevel) ?? .info }
}

/// Shared set-up for commands.
enum CommandSupport {
    /// JSON logging to standard error, bootstrapped once.
    static func logger(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        var logger = Logger(label: "citizen-cloud")
        logger.logLevel = level
        return logger
    }

    /// Runs `body`; any error is printed as one line and the process exits with status 1.
    static func failing(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The folder with the shipped data files: `./data`, else the repository the executable was built in.
    static func dataDirectory() -> String {
        if FileManager.default.fileExists(atPath: "data/chengdu-divisions.csv") { return "data" }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("data/chengdu-divisions.csv").path
            if FileManager.default.fileExists(atPath: candidate) {
                return directory.appendingPathComponent("data").path
            }
            directory = directory.deletingLastPathComponent()
        }
        return "data"
    }

    /// Reads a text file or fails with a message naming it.
    static func readText(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("cannot read \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure("\(path) is not UTF-8 text")
        }
        return text
    }

    /// Runs `body` with an open database whose pool runs in the background, closing it afterwards.
    static func withDatabase<R: Sendable>(
        _ url: DatabaseURL, logger: Logger, _ body: @Sendable (Database) async throws -> R
    ) async throws -> R {
        let database = try Database(url: url, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await database.runUntilCancelled() }
            do {
                try await database.checkReachable()
                let result = try await body(database)
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }
}

/// A command failure with a message for the person at the terminal.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
