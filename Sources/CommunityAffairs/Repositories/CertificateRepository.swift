import Foundation
import Platform
import SQLKit

/// The registry of issued certificates and the counters their numbers come from.
public struct CertificateRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "number", "request_id", "account_id", "content", "signature", "issued_at", "issued_by", "revoked_at",
        "revoked_reason",
    ]

    /// The next value of the counter `scope`, inside the caller's transaction. One upsert takes the row lock (or
    /// SQLite's write lock), so concurrent issuers each get a different value and a value is never handed out twice;
    /// a transaction that rolls back after taking a value leaves a gap, never a reuse.
    func nextValue(_ scope: String, on sql: any SQLDatabase) async throws -> Int64 {
        let row = try await sql.raw(
            """
            INSERT INTO ca_number_counters (scope, last_value) VALUES (\(bind: scope), 1)
            ON CONFLICT (scope) DO UPDATE SET last_value = ca_number_counters.last_value + 1
            RETURNING last_value
            """
        ).first()
        guard let value = try row?.decode(column: "last_value", as: Int64.self) else {
            throw CounterFailure(scope: scope)
        }
        return value
    }

    /// Stores an issued certificate.
    func insert(_ certificate: Certificate, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "ca_certificates")
            .columns(
                "number", "request_id", "account_id", "community_code", "kind_id", "content", "signature", "key_id",
                "issued_at", "issued_by"
            )
            .values(
                SQLBind(certificate.number), SQLBind(certificate.requestID), SQLBind(certificate.accountID),
                SQLBind(certificate.content.communityCode), SQLBind(certificate.content.kind),
                SQLBind(String(decoding: certificate.canonical, as: UTF8.self)), SQLBind(certificate.signature),
                SQLBind(certificate.content.keyID), SQLBind(certificate.issuedAt), SQLBind(certificate.issuedBy)
            ).run()
    }

    /// The certificate with this number; nil when there is none (or its stored content no longer parses).
    public func find(_ number: String) async throws -> Certificate? {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.columns).from("ca_certificates").where("number", .equal, number)
                .first()
        }.flatMap(Self.certificate)
    }

    /// Certificates of communities inside `divisionPrefix` or of one account, newest first.
    public func list(divisionPrefix: String? = nil, accountID: String? = nil, limit: Int = 100) async throws
        -> [Certificate]
    {
        try await self.database.withConnection { sql in
            let query = sql.select().columns(Self.columns).from("ca_certificates")
            if let divisionPrefix { query.where("community_code", .like, divisionPrefix + "%") }
            if let accountID { query.where("account_id", .equal, accountID) }
            return try await query.orderBy("issued_at", .descending).orderBy("number", .descending).limit(limit).all()
        }.compactMap(Self.certificate)
    }

    /// How many certificates communities inside `divisionPrefix` issued.
    public func count(divisionPrefix: String) async throws -> Int {
        try await self.database.withConnection { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("ca_certificates")
                .where("community_code", .like, divisionPrefix + "%").first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    /// Marks a certificate revoked unless it is already; false when it was.
    func revoke(_ number: String, reason: String, by actor: String, at: Int64, on sql: any SQLDatabase) async throws
        -> Bool
    {
        try await sql.update("ca_certificates").set("revoked_at", to: at).set("revoked_by", to: actor)
            .set("revoked_reason", to: reason).where("number", .equal, number).where("revoked_at", .is, SQLLiteral.null)
            .returning("number").first() != nil
    }

    private static func certificate(_ row: any SQLRow) throws -> Certificate? {
        let canonical = Data(try row.decode(column: "content", as: String.self).utf8)
        guard let content = try? JSONDecoder().decode(CertificateContent.self, from: canonical) else { return nil }
        return Certificate(
            content: content, canonical: canonical, signature: try row.decode(column: "signature", as: Data.self),
            requestID: try row.decode(column: "request_id", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            issuedAt: try row.decode(column: "issued_at", as: Int64.self),
            issuedBy: try row.decode(column: "issued_by", as: String.self),
            revokedAt: try row.decode(column: "revoked_at", as: Int64?.self),
            revokedReason: try row.decode(column: "revoked_reason", as: String?.self))
    }
}

/// The number counter did not answer with a value (never expected; reported as a 500).
struct CounterFailure: Error {
    let scope: String
}

extension CertificateRepository {
    /// Whether a row with this number exists at all (its content may be unreadable after tampering).
    public func exists(_ number: String) async throws -> Bool {
        try await self.database.withConnection { sql in
            try await sql.select().column("number").from("ca_certificates").where("number", .equal, number).first()
                != nil
        }
    }
}
