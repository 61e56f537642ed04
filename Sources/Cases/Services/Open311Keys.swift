import Crypto
import Foundation
import Platform
import SQLKit

/// API keys of the systems that submit through Open311: only a SHA-256 hash of each key is stored; the key itself
/// is shown once, when it is created (`citizen-cloud cases api-key create --name …`).
public struct Open311Keys: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Creates a key for `name`; returns its id and the key (shown once).
    public func create(name: String) async throws -> (id: String, key: String) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(trimmed.count) else {
            throw CasesProblem.invalidReport(
                "name", zh: "名称须为 1 到 100 个字。", en: "The name must be 1 to 100 characters.")
        }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<24).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let key =
            "o311_"
            + Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let id = SortableID.make()
        try await self.database.withConnection { sql in
            try await sql.insert(into: "cases_api_keys").columns("id", "name", "key_hash", "created_at")
                .values(SQLBind(id), SQLBind(trimmed), SQLBind(Self.hash(key)), SQLBind(CityClock.now())).run()
        }
        return (id, key)
    }

    /// The id of the live key `key`, or nil.
    public func verify(_ key: String) async throws -> String? {
        guard !key.isEmpty, key.count <= 200 else { return nil }
        return try await self.database.withConnection { sql in
            try await sql.select().column("id").from("cases_api_keys").where("key_hash", .equal, Self.hash(key))
                .where("revoked_at", .is, SQLLiteral.null).first(decodingColumn: "id", as: String.self)
        }
    }

    static func hash(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
