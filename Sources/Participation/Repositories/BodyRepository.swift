import Foundation
import Platform
import SQLKit

/// Stores councils, committees and their members.
public struct BodyRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Adds a body (without members).
    public func insert(_ body: Body, at time: Int64) async throws {
        try await self.database.withConnection { sql in
            try await sql.insert(into: "participation_bodies")
                .columns(
                    "id", "community_code", "kind", "name_zh", "name_en", "term_start", "term_end", "chosen_how",
                    "created_at"
                )
                .values(
                    SQLBind(body.id), SQLBind(body.communityCode), SQLBind(body.kind.rawValue),
                    SQLBind(body.name.zh), SQLBind(body.name.en), SQLBind(body.termStart), SQLBind(body.termEnd),
                    SQLBind(body.chosenHow), SQLBind(time)
                ).run()
        }
    }

    /// Adds a member to a body.
    public func addMember(
        bodyID: String, id: String, name: String, position: Body.Position, accountID: String?, at time: Int64
    ) async throws {
        try await self.database.withConnection { sql in
            try await sql.insert(into: "participation_members")
                .columns("id", "body_id", "name", "position", "account_id", "created_at")
                .values(
                    SQLBind(id), SQLBind(bodyID), SQLBind(name), SQLBind(position.rawValue), SQLBind(accountID),
                    SQLBind(time)
                ).run()
        }
    }

    /// One body with its members, nil when unknown.
    public func find(_ id: String) async throws -> Body? {
        try await self.bodies(where: "id", equals: id).first
    }

    /// The bodies of a community (every term, newest first), with members.
    public func bodies(community: String) async throws -> [Body] {
        try await self.bodies(where: "community_code", equals: community)
    }

    /// Whether the account sits on a council of the community whose term includes `today` (`YYYY-MM-DD`).
    public func isCouncilMember(accountID: String, community: String, today: String) async throws -> Bool {
        try await self.isMember(of: .council, accountID: accountID, community: community, today: today)
    }

    /// Whether the account sits on a body of `kind` of the community whose term includes `today` (`YYYY-MM-DD`).
    public func isMember(of kind: Body.Kind, accountID: String, community: String, today: String) async throws -> Bool {
        try await self.database.withConnection { sql in
            try await sql.select().column(SQLColumn("id", table: "m"))
                .from(SQLAlias(SQLIdentifier("participation_members"), as: SQLIdentifier("m")))
                .join(
                    SQLAlias(SQLIdentifier("participation_bodies"), as: SQLIdentifier("b")),
                    on: SQLColumn("id", table: "b"), .equal, SQLColumn("body_id", table: "m")
                )
                .where(SQLColumn("account_id", table: "m"), .equal, SQLBind(accountID))
                .where(SQLColumn("community_code", table: "b"), .equal, SQLBind(community))
                .where(SQLColumn("kind", table: "b"), .equal, SQLBind(kind.rawValue))
                .where(SQLColumn("term_start", table: "b"), .lessThanOrEqual, SQLBind(today))
                .where(SQLColumn("term_end", table: "b"), .greaterThanOrEqual, SQLBind(today))
                .limit(1).first() != nil
        }
    }

    private func bodies(where column: String, equals value: String) async throws -> [Body] {
        try await self.database.withConnection { sql in
            let rows = try await sql.select()
                .columns(
                    "id", "community_code", "kind", "name_zh", "name_en", "term_start", "term_end", "chosen_how"
                )
                .from("participation_bodies").where(SQLIdentifier(column), .equal, SQLBind(value))
                .orderBy("term_start", .descending).orderBy("kind").all()
            var bodies: [Body] = []
            for row in rows {
                let id = try row.decode(column: "id", as: String.self)
                let members = try await sql.select().columns("id", "name", "position", "account_id")
                    .from("participation_members").where("body_id", .equal, id).orderBy("id").all()
                    .map { member in
                        Body.Member(
                            id: try member.decode(column: "id", as: String.self),
                            name: try member.decode(column: "name", as: String.self),
                            position: Body.Position(rawValue: try member.decode(column: "position", as: String.self))
                                ?? .member,
                            linked: try member.decode(column: "account_id", as: String?.self) != nil)
                    }
                bodies.append(
                    Body(
                        id: id, communityCode: try row.decode(column: "community_code", as: String.self),
                        kind: Body.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .council,
                        name: LocalizedText(
                            zh: try row.decode(column: "name_zh", as: String.self),
                            en: try row.decode(column: "name_en", as: String.self)),
                        termStart: try row.decode(column: "term_start", as: String.self),
                        termEnd: try row.decode(column: "term_end", as: String.self),
                        chosenHow: try row.decode(column: "chosen_how", as: String.self), members: members))
            }
            return bodies
        }
    }
}
