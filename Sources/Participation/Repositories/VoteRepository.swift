import Foundation
import Platform
import SQLKit

/// Stores votes and their sealed signing keys.
public struct VoteRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "community_code", "title_zh", "title_en", "description", "kind", "options", "max_choices", "unit",
        "eligibility", "opens_at", "closes_at", "quorum_percent", "threshold", "eligible_count", "public_key",
        "certified_at",
    ]

    /// Adds a vote with its private key sealed by the platform cipher.
    public func insert(_ vote: Vote, sealedPrivateKey: [UInt8], createdBy: String, at time: Int64) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let options = String(decoding: try encoder.encode(vote.options), as: UTF8.self)
        let rule = String(decoding: try encoder.encode(vote.eligibility), as: UTF8.self)
        try await self.database.withConnection { sql in
            try await sql.insert(into: "participation_votes")
                .columns(Array(Self.columns.dropLast()) + ["private_key_enc", "created_by", "created_at"])
                .values(
                    SQLBind(vote.id), SQLBind(vote.communityCode), SQLBind(vote.title.zh), SQLBind(vote.title.en),
                    SQLBind(vote.description), SQLBind(vote.kind.rawValue), SQLBind(options),
                    SQLBind(vote.maxChoices), SQLBind(vote.unit.rawValue), SQLBind(rule), SQLBind(vote.opensAt),
                    SQLBind(vote.closesAt), SQLBind(vote.quorumPercent), SQLBind(vote.threshold.rawValue),
                    SQLBind(vote.eligibleCount), SQLBind(vote.publicKeyPEM), SQLBind(Data(sealedPrivateKey)),
                    SQLBind(createdBy), SQLBind(time)
                ).run()
        }
    }

    /// One vote, nil when unknown.
    public func find(_ id: String) async throws -> Vote? {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.columns).from("participation_votes").where("id", .equal, id)
                .first().map(Self.vote)
        }
    }

    /// The votes of a community, latest closing first.
    public func votes(community: String, limit: Int = 50) async throws -> [Vote] {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.columns).from("participation_votes")
                .where("community_code", .equal, community).orderBy("closes_at", .descending).limit(limit).all()
                .map(Self.vote)
        }
    }

    /// The sealed private key of a vote.
    public func sealedPrivateKey(_ id: String) async throws -> [UInt8]? {
        try await self.database.withConnection { sql in
            try await sql.select().column("private_key_enc").from("participation_votes").where("id", .equal, id)
                .first(decodingColumn: "private_key_enc", as: Data.self).map { Array($0) }
        }
    }

    /// Marks the vote certified unless it already is; returns whether this call certified it.
    public func certify(_ id: String, by official: String, at time: Int64, on sql: any SQLDatabase) async throws -> Bool
    {
        let before = try await sql.select().column("certified_at").from("participation_votes")
            .where("id", .equal, id).first(decodingColumn: "certified_at", as: Int64?.self)
        guard case .some(.none) = before else { return false }
        try await sql.update("participation_votes").set("certified_at", to: SQLBind(time))
            .set("certified_by", to: SQLBind(official)).where("id", .equal, id)
            .where("certified_at", .is, SQLLiteral.null).run()
        return true
    }

    static func vote(_ row: any SQLRow) throws -> Vote {
        let decoder = JSONDecoder()
        return Vote(
            id: try row.decode(column: "id", as: String.self),
            communityCode: try row.decode(column: "community_code", as: String.self),
            title: LocalizedText(
                zh: try row.decode(column: "title_zh", as: String.self),
                en: try row.decode(column: "title_en", as: String.self)),
            description: try row.decode(column: "description", as: String.self),
            kind: Vote.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .single,
            options: try decoder.decode(
                [LocalizedText].self, from: Data(try row.decode(column: "options", as: String.self).utf8)),
            maxChoices: try row.decode(column: "max_choices", as: Int.self),
            unit: Vote.Unit(rawValue: try row.decode(column: "unit", as: String.self)) ?? .person,
            eligibility: try decoder.decode(
                EligibilityRule.self, from: Data(try row.decode(column: "eligibility", as: String.self).utf8)),
            opensAt: try row.decode(column: "opens_at", as: Int64.self),
            closesAt: try row.decode(column: "closes_at", as: Int64.self),
            quorumPercent: try row.decode(column: "quorum_percent", as: Int.self),
            threshold: Vote.Threshold(rawValue: try row.decode(column: "threshold", as: String.self))
                ?? .simpleMajority,
            eligibleCount: try row.decode(column: "eligible_count", as: Int.self),
            publicKeyPEM: try row.decode(column: "public_key", as: String.self),
            certifiedAt: try row.decode(column: "certified_at", as: Int64?.self))
    }
}
