import Foundation
import Platform
import SQLKit

/// Certificate requests and their timelines (SQL only; the rules live in ``CertificateService``).
public struct RequestRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "kind_id", "account_id", "resident_id", "household_id", "community_code", "status", "inputs", "note",
        "certificate_number", "created_at", "updated_at", "due_at",
    ]

    /// Which requests a listing shows.
    public struct Filter: Sendable {
        public var accountID: String?
        /// Requests of communities inside this division prefix.
        public var divisionPrefix: String?
        public var statuses: [CertificateRequest.Status] = []

        public init(accountID: String? = nil, divisionPrefix: String? = nil, statuses: [CertificateRequest.Status] = [])
        {
            self.accountID = accountID
            self.divisionPrefix = divisionPrefix
            self.statuses = statuses
        }
    }

    /// Stores a new request with its first timeline step, inside the caller's transaction.
    func insert(_ request: CertificateRequest, on sql: any SQLDatabase) async throws {
        let inputs = String(decoding: try JSONEncoder().encode(request.inputs), as: UTF8.self)
        try await sql.insert(into: "ca_certificate_requests").columns(Self.columns)
            .values(
                SQLBind(request.id), SQLBind(request.kindID), SQLBind(request.accountID), SQLBind(request.residentID),
                SQLBind(request.householdID), SQLBind(request.communityCode), SQLBind(request.status.rawValue),
                SQLBind(inputs), SQLBind(request.note), SQLBind(request.certificateNumber),
                SQLBind(request.createdAt), SQLBind(request.updatedAt), SQLBind(request.dueAt)
            ).run()
    }

    /// Appends a step to a request's timeline.
    func addEvent(_ requestID: String, _ event: RequestEvent, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "ca_request_events").columns("request_id", "action", "actor", "note", "at")
            .values(
                SQLBind(requestID), SQLBind(event.action), SQLBind(event.actor), SQLBind(event.note),
                SQLBind(event.at)
            ).run()
    }

    /// Moves a request from one of `from` to `to` (compare-and-set); false when it was not in `from` any more.
    func transition(
        _ id: String, from: [CertificateRequest.Status], to: CertificateRequest.Status, note: String?,
        certificateNumber: String? = nil, dueAt: Int64? = nil, at: Int64, on sql: any SQLDatabase
    ) async throws -> Bool {
        let update = sql.update("ca_certificate_requests").set("status", to: to.rawValue).set("note", to: note)
            .set("updated_at", to: at)
        if let certificateNumber { update.set("certificate_number", to: certificateNumber) }
        if let dueAt { update.set("due_at", to: dueAt) }
        return try await update.where("id", .equal, id).where("status", .in, from.map(\.rawValue))
            .returning("id").first() != nil
    }

    /// The request with this id.
    public func find(_ id: String) async throws -> CertificateRequest? {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.columns).from("ca_certificate_requests").where("id", .equal, id)
                .first()
        }.map(Self.request)
    }

    /// The request with this id, locked for the rest of the caller's transaction on PostgreSQL.
    func lock(_ id: String, on sql: any SQLDatabase) async throws -> CertificateRequest? {
        try await sql.select().columns(Self.columns).from("ca_certificate_requests").where("id", .equal, id)
            .for(.update).first().map(Self.request)
    }

    /// Requests matching `filter`, oldest due first for queues (`byDue`) or newest first.
    public func list(_ filter: Filter, byDue: Bool = false, limit: Int = 100) async throws -> [CertificateRequest] {
        try await self.database.withConnection { sql in
            let query = sql.select().columns(Self.columns).from("ca_certificate_requests")
            Self.apply(filter, to: query)
            if byDue {
                query.orderBy("due_at").orderBy("id")
            } else {
                query.orderBy("created_at", .descending).orderBy("id", .descending)
            }
            return try await query.limit(limit).all()
        }.map(Self.request)
    }

    /// How many requests match `filter`.
    public func count(_ filter: Filter) async throws -> Int {
        try await self.database.withConnection { sql in
            let query = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("ca_certificate_requests")
            Self.apply(filter, to: query)
            return try await query.first(decodingColumn: "n", as: Int.self) ?? 0
        }
    }

    /// A request's timeline, oldest first.
    public func events(_ id: String) async throws -> [RequestEvent] {
        try await self.database.withConnection { sql in
            try await sql.select().columns("action", "actor", "note", "at").from("ca_request_events")
                .where("request_id", .equal, id).orderBy("id").all()
        }.map {
            RequestEvent(
                action: try $0.decode(column: "action", as: String.self),
                actor: try $0.decode(column: "actor", as: String.self),
                note: try $0.decode(column: "note", as: String?.self), at: try $0.decode(column: "at", as: Int64.self))
        }
    }

    private static func apply(_ filter: Filter, to query: SQLSelectBuilder) {
        if let account = filter.accountID { query.where("account_id", .equal, account) }
        if let prefix = filter.divisionPrefix { query.where("community_code", .like, prefix + "%") }
        if !filter.statuses.isEmpty { query.where("status", .in, filter.statuses.map(\.rawValue)) }
    }

    private static func request(_ row: any SQLRow) throws -> CertificateRequest {
        let inputs = try row.decode(column: "inputs", as: String.self)
        return CertificateRequest(
            id: try row.decode(column: "id", as: String.self),
            kindID: try row.decode(column: "kind_id", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            residentID: try row.decode(column: "resident_id", as: Int64.self),
            householdID: try row.decode(column: "household_id", as: Int64.self),
            communityCode: try row.decode(column: "community_code", as: String.self),
            status: CertificateRequest.Status(rawValue: try row.decode(column: "status", as: String.self))
                ?? .submitted,
            inputs: (try? JSONDecoder().decode([String: String].self, from: Data(inputs.utf8))) ?? [:],
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self),
            dueAt: try row.decode(column: "due_at", as: Int64.self),
            note: try row.decode(column: "note", as: String?.self),
            certificateNumber: try row.decode(column: "certificate_number", as: String?.self))
    }
}
