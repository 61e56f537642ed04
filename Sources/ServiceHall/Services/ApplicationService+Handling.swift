import Foundation
import Platform
import SQLKit

extension ApplicationService {
    /// Moves an application one step on behalf of a member of staff of its department. A rejection needs a reason.
    /// Refused with 403 for another department and 409 for a step the current status does not allow.
    public func handle(
        _ id: String, action: HandlingAction, reason: String?, by principal: Principal?, address: String? = nil
    ) async throws -> Application {
        let current = try await self.departmentApplication(id, by: principal)
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        let note = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if action == .reject {
            guard let note, (2...500).contains(note.count) else { throw ServiceHallProblem.reasonRequired }
        }
        guard let target = action.target(from: current.status) else {
            throw ServiceHallProblem.transitionNotAllowed(action, from: current.status)
        }
        let now = self.clock()
        let step = ApplicationStep(
            status: target, at: now, handlerID: principal.subject, note: action == .reject ? note : note)
        let moved = try await self.database.transaction { sql -> Bool in
            guard
                try await ApplicationRepository.move(
                    id, from: current.status, to: target, step: step, seq: current.steps.count, on: sql)
            else { return false }
            try await AuditLog.record(
                AuditEvent(
                    actor: principal.subject, action: "application.\(action.rawValue)", target: id, address: address,
                    detail: "\(current.departmentID) \(current.status.rawValue)→\(target.rawValue)"),
                on: sql)
            try await ResidentNotice.statusChanged(current, to: target, reason: note, on: sql)
            return true
        }
        guard moved, let updated = try await self.applications.find(id) else {
            // Someone else moved it between our read and our write: report against what it is now.
            let now = try await self.applications.find(id)
            throw ServiceHallProblem.transitionNotAllowed(action, from: now?.status ?? current.status)
        }
        return updated
    }

    /// Rates a finished application of the resident's own, once.
    public func rate(_ id: String, stars: Int, comment: String, by principal: Principal?) async throws -> Application {
        let application = try await self.ownApplication(id, by: principal)
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...5).contains(stars), comment.count <= 500 else { throw ServiceHallProblem.invalidRating }
        guard application.status.isFinished else { throw ServiceHallProblem.notFinished }
        guard application.rating == nil else { throw ServiceHallProblem.alreadyRated }
        let rating = Rating(stars: stars, comment: comment, ratedAt: self.clock())
        do {
            try await self.database.transaction { sql in
                try await ApplicationRepository.insertRating(rating, for: application, on: sql)
            }
        } catch {
            // A concurrent second rating loses on the primary key.
            if try await self.applications.find(id)?.rating != nil { throw ServiceHallProblem.alreadyRated }
            throw error
        }
        guard let rated = try await self.applications.find(id) else { throw ServiceHallProblem.applicationNotFound }
        return rated
    }
}

extension String {
    /// nil for an empty string.
    var nilIfEmpty: String? { self.isEmpty ? nil : self }
}
