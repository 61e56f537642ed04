import Foundation
import Hummingbird
import Logging
import Platform
import Synchronization

/// Counts daily active residents: the first authenticated request of a resident on a (UTC+8) day writes one row.
///
/// Later requests that day are answered from memory without touching the database. The memory holds one day's
/// account ids and starts over each day (and when it grows past ``capacity``, after which the insert's
/// `ON CONFLICT DO NOTHING` keeps the figure right). A failed write is logged and never fails the request.
public struct ActivityMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    private struct Seen {
        var day: Int64 = -1
        var accounts: Set<String> = []
    }

    /// The accounts already counted today, shared by every copy of the middleware.
    private final class SeenAccounts: Sendable {
        let state = Mutex(Seen())
    }

    let usage: UsageRepository
    let clock: @Sendable () -> Int64
    static let capacity = 1_000_000
    private let seen = SeenAccounts()

    public init(
        database: Database, clock: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.usage = UsageRepository(database: database)
        self.clock = clock
    }

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        if let principal = context.principal, principal.role == .resident {
            let day = WorkingDays.dayNumber(of: self.clock())
            let first = self.seen.state.withLock { seen in
                if seen.day != day || seen.accounts.count >= Self.capacity {
                    seen.day = day
                    seen.accounts.removeAll(keepingCapacity: true)
                }
                return seen.accounts.insert(principal.subject).inserted
            }
            if first {
                do {
                    try await self.usage.recordActive(accountID: principal.subject, day: day)
                } catch {
                    self.seen.state.withLock { _ = $0.accounts.remove(principal.subject) }
                    context.logger.warning("activity.record_failed", metadata: ["error.type": "\(type(of: error))"])
                }
            }
        }
        return try await next(request, context)
    }
}
