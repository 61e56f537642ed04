import Foundation
import Platform
import SQLKit

/// The cases table and its history: SQL only, domain models out. Writes take the caller's transaction.
public struct CaseRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "division_code", "owner_code", "owner_level", "department_id", "category_code", "routing_rule_id",
        "status", "version", "description", "address", "lat", "lon", "source", "reporter_account_id", "media_url",
        "escalations", "rating", "rating_comment", "created_at", "updated_at", "promised_at", "due_at",
        "resolved_at", "closed_at",
    ]

    /// Decodes one row of ``columns``.
    static func record(_ row: any SQLRow) throws -> CaseRecord {
        CaseRecord(
            id: try row.decode(column: "id", as: String.self),
            divisionCode: try row.decode(column: "division_code", as: String.self),
            ownerCode: try row.decode(column: "owner_code", as: String.self),
            ownerLevel: CaseLevel(rawValue: try row.decode(column: "owner_level", as: String.self)) ?? .community,
            departmentID: try row.decode(column: "department_id", as: String.self),
            categoryCode: try row.decode(column: "category_code", as: String.self),
            routingRuleID: try row.decode(column: "routing_rule_id", as: String.self),
            status: CaseStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .received,
            version: try row.decode(column: "version", as: Int.self),
            description: try row.decode(column: "description", as: String.self),
            address: try row.decode(column: "address", as: String.self),
            lat: try row.decode(column: "lat", as: Double?.self),
            lon: try row.decode(column: "lon", as: Double?.self),
            source: try row.decode(column: "source", as: String.self),
            reporterAccountID: try row.decode(column: "reporter_account_id", as: String?.self),
            mediaURL: try row.decode(column: "media_url", as: String?.self),
            escalations: try row.decode(column: "escalations", as: Int.self),
            rating: try row.decode(column: "rating", as: Int?.self),
            ratingComment: try row.decode(column: "rating_comment", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self),
            promisedAt: try row.decode(column: "promised_at", as: Int64.self),
            dueAt: try row.decode(column: "due_at", as: Int64.self),
            resolvedAt: try row.decode(column: "resolved_at", as: Int64?.self),
            closedAt: try row.decode(column: "closed_at", as: Int64?.self))
    }

    /// Inserts a new case (version 1) with its photos, first history row and its part of the public figures, in the
    /// caller's transaction.
    func insert(
        _ record: CaseRecord, contact: [UInt8]?, photos: [ValidReport.Photo], event: CaseEvent, on sql: any SQLDatabase
    ) async throws {
        let values: [any Encodable & Sendable] = [
            record.id, record.divisionCode, record.ownerCode, record.ownerLevel.rawValue, record.departmentID,
            record.categoryCode, record.routingRuleID, record.status.rawValue, record.version, record.description,
            record.address, record.lat, record.lon, record.source, record.reporterAccountID, record.mediaURL,
            record.escalations, record.rating, record.ratingComment, record.createdAt, record.updatedAt,
            record.promisedAt, record.dueAt, record.resolvedAt, record.closedAt, contact.map { Data($0) },
        ]
        try await sql.insert(into: "cases").columns(Self.columns + ["contact_enc"])
            .values(values.map { SQLBind($0) }).run()
        for (position, photo) in photos.enumerated() {
            try await sql.insert(into: "cases_photos").columns("case_id", "position", "content_type", "bytes")
                .values(SQLBind(record.id), SQLBind(position), SQLBind(photo.contentType), SQLBind(Data(photo.bytes)))
                .run()
        }
        try await self.insert(event, caseID: record.id, actorID: record.reporterAccountID ?? record.source, on: sql)
        try await CaseTally.apply(adding: record, removing: nil, on: sql)
    }

    /// Appends one history row.
    func insert(_ event: CaseEvent, caseID: String, actorID: String, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "cases_events")
            .columns(
                "case_id", "seq", "command", "from_status", "to_status", "owner_code", "department_id", "actor_kind",
                "actor_id", "note", "created_at"
            )
            .values(
                SQLBind(caseID), SQLBind(event.seq), SQLBind(event.command), SQLBind(event.fromStatus?.rawValue),
                SQLBind(event.toStatus.rawValue), SQLBind(event.ownerCode), SQLBind(event.departmentId),
                SQLBind(event.actorKind), SQLBind(actorID), SQLBind(event.note), SQLBind(event.createdAt)
            ).run()
    }

    /// Writes `next` over `current` only if the row still has `current`'s version (compare-and-set), with the
    /// change of the public figures; returns whether this writer won. The history row is the caller's to add in the
    /// same transaction.
    func replace(_ current: CaseRecord, with next: CaseRecord, on sql: any SQLDatabase) async throws -> Bool {
        let row = try await sql.update("cases")
            .set("division_code", to: next.divisionCode).set("owner_code", to: next.ownerCode)
            .set("owner_level", to: next.ownerLevel.rawValue).set("department_id", to: next.departmentID)
            .set("routing_rule_id", to: next.routingRuleID)
            .set("status", to: next.status.rawValue).set("version", to: next.version)
            .set("escalations", to: next.escalations).set("rating", to: next.rating)
            .set("rating_comment", to: next.ratingComment).set("updated_at", to: next.updatedAt)
            .set("due_at", to: next.dueAt).set("resolved_at", to: next.resolvedAt)
            .set("closed_at", to: next.closedAt)
            .where("id", .equal, current.id).where("version", .equal, current.version)
            .returning("version").first()
        guard row != nil else { return false }
        try await CaseTally.apply(adding: next, removing: current, on: sql)
        return true
    }

    /// The case with this id.
    public func find(_ id: String) async throws -> CaseRecord? {
        try await self.database.withConnection { sql in try await self.find(id, on: sql) }
    }

    func find(_ id: String, on sql: any SQLDatabase) async throws -> CaseRecord? {
        try await sql.select().columns(Self.columns.map { SQLIdentifier($0) }).from("cases")
            .where("id", .equal, id).first().map(Self.record)
    }

    /// The history of a case, oldest first.
    public func events(_ id: String) async throws -> [CaseEvent] {
        try await self.database.withConnection { sql in
            try await sql.select()
                .columns(
                    "seq", "command", "from_status", "to_status", "owner_code", "department_id", "actor_kind", "note",
                    "created_at"
                )
                .from("cases_events").where("case_id", .equal, id).orderBy("seq").all()
                .map { row in
                    CaseEvent(
                        seq: try row.decode(column: "seq", as: Int.self),
                        command: try row.decode(column: "command", as: String.self),
                        fromStatus: try row.decode(column: "from_status", as: String?.self)
                            .flatMap(CaseStatus.init(rawValue:)),
                        toStatus: CaseStatus(rawValue: try row.decode(column: "to_status", as: String.self))
                            ?? .received,
                        ownerCode: try row.decode(column: "owner_code", as: String.self),
                        departmentId: try row.decode(column: "department_id", as: String.self),
                        actorKind: try row.decode(column: "actor_kind", as: String.self),
                        note: try row.decode(column: "note", as: String.self),
                        createdAt: try row.decode(column: "created_at", as: Int64.self))
                }
        }
    }

    /// A photo of a case.
    public func photo(_ id: String, position: Int) async throws -> ValidReport.Photo? {
        try await self.database.withConnection { sql in
            guard
                let row = try await sql.select().columns("content_type", "bytes").from("cases_photos")
                    .where("case_id", .equal, id).where("position", .equal, position).first()
            else { return nil }
            return ValidReport.Photo(
                contentType: try row.decode(column: "content_type", as: String.self),
                bytes: [UInt8](try row.decode(column: "bytes", as: Data.self)))
        }
    }

    /// How many photos a case has.
    public func photoCount(_ id: String) async throws -> Int {
        try await self.database.withConnection { sql in
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("cases_photos")
                .where("case_id", .equal, id).first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }
}
