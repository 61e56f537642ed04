import Foundation
import Platform
import SQLKit

/// Applications, their timeline steps and ratings. Writes take the caller's transaction (`on sql`), so a use case
/// changes an application, its timeline, the usage figures and the notification outbox together or not at all.
public struct ApplicationRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "service_id", "department_id", "service_name_zh", "service_name_en", "account_id", "status", "form",
        "submitted_at", "due_at", "updated_at", "finished_at", "reason",
    ]

    /// A new application as the use case builds it.
    struct NewApplication: Sendable {
        let id: String
        let service: CatalogService
        let accountID: String
        let form: [String: String]
        let idempotencyKey: String
        let requestHash: String
        let submittedAt: Int64
        let dueAt: Int64
    }

    static func insert(_ new: NewApplication, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "servicehall_applications")
            .columns(
                "id", "service_id", "department_id", "service_name_zh", "service_name_en", "account_id", "status",
                "form", "idempotency_key", "request_hash", "submitted_at", "due_at", "updated_at"
            )
            .values(
                SQLBind(new.id), SQLBind(new.service.id), SQLBind(new.service.department),
                SQLBind(new.service.name.zh), SQLBind(new.service.name.en), SQLBind(new.accountID),
                SQLBind(ApplicationStatus.submitted.rawValue), SQLBind(Self.encode(new.form)),
                SQLBind(new.idempotencyKey), SQLBind(new.requestHash), SQLBind(new.submittedAt), SQLBind(new.dueAt),
                SQLBind(new.submittedAt)
            ).run()
        try await self.addStep(
            ApplicationStep(status: .submitted, at: new.submittedAt, handlerID: new.accountID, note: nil),
            to: new.id, seq: 0, on: sql)
    }

    static func addStep(_ step: ApplicationStep, to id: String, seq: Int, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "servicehall_application_steps")
            .columns("application_id", "seq", "status", "at", "handler_id", "note")
            .values(
                SQLBind(id), SQLBind(seq), SQLBind(step.status.rawValue), SQLBind(step.at), SQLBind(step.handlerID),
                SQLBind(step.note)
            ).run()
    }

    /// The application a resident already created with this idempotency key, and the hash of that request.
    static func find(accountID: String, idempotencyKey: String, on sql: any SQLDatabase) async throws
        -> (id: String, requestHash: String)?
    {
        guard
            let row = try await sql.select().columns("id", "request_hash").from("servicehall_applications")
                .where("account_id", .equal, accountID).where("idempotency_key", .equal, idempotencyKey).first()
        else { return nil }
        return (try row.decode(column: "id", as: String.self), try row.decode(column: "request_hash", as: String.self))
    }

    /// Moves an application from `from` to `to` if it is still in `from`; false when another change came first.
    static func move(
        _ id: String, from: ApplicationStatus, to: ApplicationStatus, step: ApplicationStep, seq: Int,
        on sql: any SQLDatabase
    ) async throws -> Bool {
        var update = sql.update("servicehall_applications")
            .set("status", to: to.rawValue).set("updated_at", to: step.at)
            .where("id", .equal, id).where("status", .equal, from.rawValue)
        if to.isFinished { update = update.set("finished_at", to: step.at) }
        if to == .rejected { update = update.set("reason", to: step.note) }
        let rows = try await update.returning("id").all()
        guard !rows.isEmpty else { return false }
        try await self.addStep(step, to: id, seq: seq, on: sql)
        return true
    }

    static func insertRating(
        _ rating: Rating, for application: Application, on sql: any SQLDatabase
    ) async throws {
        try await sql.insert(into: "servicehall_ratings")
            .columns("application_id", "account_id", "department_id", "service_id", "stars", "comment", "rated_at")
            .values(
                SQLBind(application.id), SQLBind(application.accountID), SQLBind(application.departmentID),
                SQLBind(application.serviceID), SQLBind(rating.stars), SQLBind(rating.comment), SQLBind(rating.ratedAt)
            ).run()
    }

    /// One application with its steps and rating.
    public func find(_ id: String) async throws -> Application? {
        try await self.database.withConnection { try await Self.find(id, on: $0) }
    }

    static func find(_ id: String, on sql: any SQLDatabase) async throws -> Application? {
        guard
            let row = try await sql.select().columns(Self.columns.map { SQLIdentifier($0) })
                .from("servicehall_applications").where("id", .equal, id).first()
        else { return nil }
        var application = try Self.application(row)
        application.steps = try await sql.select().columns("status", "at", "handler_id", "note")
            .from("servicehall_application_steps").where("application_id", .equal, id).orderBy("seq").all()
            .map { row in
                ApplicationStep(
                    status: ApplicationStatus(rawValue: try row.decode(column: "status", as: String.self))
                        ?? .submitted,
                    at: try row.decode(column: "at", as: Int64.self),
                    handlerID: try row.decode(column: "handler_id", as: String?.self),
                    note: try row.decode(column: "note", as: String?.self))
            }
        application.rating = try await sql.select().columns("stars", "comment", "rated_at").from("servicehall_ratings")
            .where("application_id", .equal, id).first().map { row in
                Rating(
                    stars: try row.decode(column: "stars", as: Int.self),
                    comment: try row.decode(column: "comment", as: String.self),
                    ratedAt: try row.decode(column: "rated_at", as: Int64.self))
            }
        return application
    }

    static func application(_ row: any SQLRow) throws -> Application {
        let form = try row.decode(column: "form", as: String.self)
        return Application(
            id: try row.decode(column: "id", as: String.self),
            serviceID: try row.decode(column: "service_id", as: String.self),
            departmentID: try row.decode(column: "department_id", as: String.self),
            serviceName: LocalizedText(
                zh: try row.decode(column: "service_name_zh", as: String.self),
                en: try row.decode(column: "service_name_en", as: String.self)),
            accountID: try row.decode(column: "account_id", as: String.self),
            status: ApplicationStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .submitted,
            form: (try? JSONDecoder().decode([String: String].self, from: Data(form.utf8))) ?? [:],
            submittedAt: try row.decode(column: "submitted_at", as: Int64.self),
            dueAt: try row.decode(column: "due_at", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self),
            finishedAt: try row.decode(column: "finished_at", as: Int64?.self),
            reason: try row.decode(column: "reason", as: String?.self),
            steps: [], rating: nil)
    }

    static func encode(_ form: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(form)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
