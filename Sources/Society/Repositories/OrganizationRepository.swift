import Foundation
import Platform
import SQLKit

/// The registry of organizations, their managers and yearly reports: SQL only.
public struct OrganizationRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "kind", "name", "credit_code", "legal_representative", "service_areas", "community_code",
        "communities_served", "status", "status_reason", "created_at",
    ]

    /// Stores a new organization with its first manager.
    func insert(_ organization: Organization, manager: String, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "society_organizations").columns(Self.columns + ["created_by", "updated_at"])
            .values(
                SQLBind(organization.id), SQLBind(organization.kind.rawValue), SQLBind(organization.name),
                SQLBind(organization.creditCode), SQLBind(organization.legalRepresentative),
                SQLBind(organization.serviceAreas.joined(separator: ",")), SQLBind(organization.communityCode),
                SQLBind(organization.communitiesServed.joined(separator: ",")), SQLBind(organization.status.rawValue),
                SQLBind(organization.statusReason), SQLBind(organization.createdAt), SQLBind(manager),
                SQLBind(organization.createdAt)
            ).run()
        try await sql.insert(into: "society_organization_managers").columns("organization_id", "account_id")
            .values(SQLBind(organization.id), SQLBind(manager)).run()
    }

    /// Whether a credit code is registered.
    func creditCodeTaken(_ code: String, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.select().column("id").from("society_organizations").where("credit_code", .equal, code).first()
            != nil
    }

    /// One organization (with `sql` inside a transaction).
    public func organization(_ id: String, on sql: (any SQLDatabase)? = nil) async throws -> Organization? {
        let read: @Sendable (any SQLDatabase) async throws -> Organization? = { sql in
            try await sql.select().columns(Self.columns).from("society_organizations").where("id", .equal, id).first()
                .map(Self.organization(from:))
        }
        if let sql { return try await read(sql) }
        return try await self.database.withConnection(read)
    }

    /// Moves an organization from one of `from` to `status`; false when it was in another state.
    func setStatus(
        _ id: String, _ status: Organization.Status, from: [Organization.Status], reason: String?, at time: Int64,
        on sql: any SQLDatabase
    ) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE society_organizations SET status = \(bind: status.rawValue), status_reason = \(bind: reason),
                updated_at = \(bind: time)
            WHERE id = \(bind: id) AND status IN (\(binds: from.map(\.rawValue))) RETURNING id
            """
        ).first() != nil
    }

    /// The organizations an account manages.
    public func managed(by account: String) async throws -> [String] {
        try await self.database.withConnection { sql in
            try await sql.select().column("organization_id").from("society_organization_managers")
                .where("account_id", .equal, account).orderBy("organization_id").all()
                .map { try $0.decode(column: "organization_id", as: String.self) }
        }
    }

    /// Organizations matching the filter, by name then id, after the keyset `after` (`name|id`).
    public func search(_ filter: OrganizationFilter, after: String?, limit: Int) async throws -> (
        items: [Organization], more: Bool
    ) {
        let rows = try await self.database.withConnection { sql in
            var query = sql.select().columns(Self.columns).from("society_organizations")
            if !filter.statuses.isEmpty { query = query.where("status", .in, filter.statuses.map(\.rawValue)) }
            if let kind = filter.kind { query = query.where("kind", .equal, kind.rawValue) }
            if let prefix = filter.divisionPrefix {
                let (low, high) = SocietyText.range(prefix)
                query = query.where("community_code", .greaterThanOrEqual, low)
                    .where("community_code", .lessThan, high)
            }
            if let text = filter.text, !text.isEmpty {
                let pattern =
                    "%" + text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "")
                    + "%"
                query = query.where {
                    $0.where("name", .like, pattern).orWhere("service_areas", .like, pattern)
                }
            }
            if let after, let bar = after.lastIndex(of: "|") {
                let name = String(after[..<bar])
                let id = String(after[after.index(after: bar)...])
                query = query.where {
                    $0.where("name", .greaterThan, name)
                        .orWhere { $0.where("name", .equal, name).where("id", .greaterThan, id) }
                }
            }
            return try await query.orderBy("name").orderBy("id").limit(limit + 1).all()
        }
        return (try rows.prefix(limit).map(Self.organization(from:)), rows.count > limit)
    }

    /// Files (or replaces) a yearly report.
    func fileReport(_ organizationID: String, _ report: OrganizationReport, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO society_organization_reports
                (organization_id, year, summary, volunteers, income_fen, submitted_at)
            VALUES (\(bind: organizationID), \(bind: report.year), \(bind: report.summary), \(bind: report.volunteers),
                \(bind: report.incomeFen), \(bind: report.submittedAt))
            ON CONFLICT (organization_id, year) DO UPDATE SET summary = excluded.summary,
                volunteers = excluded.volunteers, income_fen = excluded.income_fen, submitted_at = excluded.submitted_at
            """
        ).run()
    }

    /// The yearly reports of an organization, latest first.
    public func reports(_ organizationID: String) async throws -> [OrganizationReport] {
        try await self.database.withConnection { sql in
            try await sql.select().columns("year", "summary", "volunteers", "income_fen", "submitted_at")
                .from("society_organization_reports").where("organization_id", .equal, organizationID)
                .orderBy("year", .descending).all()
        }.map {
            OrganizationReport(
                year: try $0.decode(column: "year", as: Int.self),
                summary: try $0.decode(column: "summary", as: String.self),
                volunteers: try $0.decode(column: "volunteers", as: Int.self),
                incomeFen: try $0.decode(column: "income_fen", as: Int64.self),
                submittedAt: try $0.decode(column: "submitted_at", as: Int64.self))
        }
    }

    static func organization(from row: any SQLRow) throws -> Organization {
        Organization(
            id: try row.decode(column: "id", as: String.self),
            kind: Organization.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .socialOrganization,
            name: try row.decode(column: "name", as: String.self),
            creditCode: try row.decode(column: "credit_code", as: String?.self),
            legalRepresentative: try row.decode(column: "legal_representative", as: String.self),
            serviceAreas: SocietyText.list(try row.decode(column: "service_areas", as: String.self)),
            communityCode: try row.decode(column: "community_code", as: String.self),
            communitiesServed: SocietyText.list(try row.decode(column: "communities_served", as: String.self)),
            status: Organization.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            statusReason: try row.decode(column: "status_reason", as: String?.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }
}

/// What the directory filters on.
public struct OrganizationFilter: Sendable {
    public var statuses: [Organization.Status] = [.verified]
    public var kind: Organization.Kind?
    public var divisionPrefix: String?
    public var text: String?

    public init() {}
}
