import Crypto
import Foundation
import Platform
import SQLKit

/// The use cases of applications: a resident submits (idempotently), staff of the owning department move it through
/// its steps, the resident rates it when it is finished.
///
/// Every use case runs in one transaction: the application, its timeline step, the usage figures, the audit entry
/// and the resident's notification are written together or not at all.
public struct ApplicationService: Sendable {
    let database: Database
    let catalog: CatalogStore
    public let applications: ApplicationRepository
    let clock: @Sendable () -> Int64

    public init(
        database: Database, catalog: CatalogStore,
        clock: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.database = database
        self.catalog = catalog
        self.applications = ApplicationRepository(database: database)
        self.clock = clock
    }

    /// The outcome of a submission: the application, and whether it existed already (a retried request).
    public struct Submission: Sendable {
        public let application: Application
        public let replayed: Bool
    }

    /// Submits an application for `serviceID`. The same `idempotencyKey` with the same service and values returns
    /// the application created first, never a second one; with a different request it is refused.
    public func submit(
        serviceID: String, values: [String: String], idempotencyKey: String, by principal: Principal?
    ) async throws -> Submission {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        guard principal.role == .resident else { throw ServiceHallProblem.residentsOnly }
        guard let service = try await self.catalog.snapshot().service(serviceID) else {
            throw ServiceHallProblem.serviceNotFound(serviceID)
        }
        guard service.kind == .application, let form = service.form else {
            throw ServiceHallProblem.notAnApplication(service)
        }
        guard principal.level >= service.level else {
            throw AssuranceLevelRequired(required: service.level, current: principal.level, serviceName: service.name)
        }
        let key = try IdempotencyKeys.validated(idempotencyKey)
        let hash = Self.requestHash(serviceID: serviceID, values: values)
        // A retry needs no valid form to get its answer, but a first submission does.
        if let existing = try await self.replay(accountID: principal.subject, key: key, hash: hash) {
            return existing
        }
        let checked = try FormValidator.validate(values, against: form)
        let now = self.clock()
        let new = ApplicationRepository.NewApplication(
            id: Self.newID(), service: service, accountID: principal.subject, form: checked, idempotencyKey: key,
            requestHash: hash, submittedAt: now,
            dueAt: WorkingDays.deadline(after: now, workingDays: service.promisedDays))
        do {
            let application = try await self.database.transaction { sql in
                if let existing = try await ApplicationRepository.find(
                    accountID: principal.subject, idempotencyKey: key, on: sql)
                {
                    return existing.requestHash == hash ? existing.id : nil
                }
                try await ApplicationRepository.insert(new, on: sql)
                try await UsageRepository.recordUse(
                    serviceID: service.id, accountID: principal.subject, at: now, on: sql)
                return new.id
            }
            guard let id = application else { throw IdempotencyKeys.reused }
            guard let stored = try await self.applications.find(id) else {
                throw ServiceHallProblem.applicationNotFound
            }
            return Submission(application: stored, replayed: id != new.id)
        } catch let problem as Problem {
            throw problem
        } catch {
            // Two concurrent first submissions with one key: the unique index lets one in; the other answers with it.
            if let existing = try await self.replay(accountID: principal.subject, key: key, hash: hash) {
                return existing
            }
            throw error
        }
    }

    private func replay(accountID: String, key: String, hash: String) async throws -> Submission? {
        guard
            let existing = try await self.database.withConnection({ sql in
                try await ApplicationRepository.find(accountID: accountID, idempotencyKey: key, on: sql)
            })
        else { return nil }
        guard existing.requestHash == hash else { throw IdempotencyKeys.reused }
        guard let application = try await self.applications.find(existing.id) else { return nil }
        return Submission(application: application, replayed: true)
    }

    /// A resident's own application; nil for anyone else's.
    public func ownApplication(_ id: String, by principal: Principal?) async throws -> Application {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        guard let application = try await self.applications.find(id), application.accountID == principal.subject else {
            throw ServiceHallProblem.applicationNotFound
        }
        return application
    }

    /// An application as staff see it: only their own department's.
    public func departmentApplication(_ id: String, by principal: Principal?) async throws -> Application {
        try Authorization.requireRole(principal, .handleApplications)
        guard let application = try await self.applications.find(id) else {
            throw ServiceHallProblem.applicationNotFound
        }
        guard let principal, Authorization.permits(principal, .handleApplications, department: application.departmentID)
        else { throw ServiceHallProblem.otherDepartment }
        return application
    }

    /// A digest of what was asked: the service and the values as sent, in a canonical order.
    static func requestHash(serviceID: String, values: [String: String]) -> String {
        var text = serviceID
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            text += "\u{1F}\(name)\u{1E}\(value)"
        }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A new application id: the local date and 10 random characters (`SA20261129-7Q2M…`).
    static func newID() -> String {
        let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        let random = (0..<10).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] }
        return "SA" + String(random)
    }
}
