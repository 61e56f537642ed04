import Logging
import ServiceLifecycle

/// The loop every background service of the platform runs: do one round of work, wait `interval`, until graceful
/// shutdown. A failed round is logged at debug level and retried next time (at start-up the database may not be
/// migrated yet, or it may be briefly unreachable); shutdown ends the loop quietly, never as an error.
public enum PeriodicWork {
    public static func run(
        every interval: Duration, logger: Logger, failure event: Logger.Message,
        _ round: @escaping @Sendable () async throws -> Void
    ) async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await round()
                } catch {
                    logger.debug(event, metadata: ["error.type": "\(type(of: error))"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
