import Logging
import ServiceLifecycle

/// Keeps this node's ``RevocationList`` current: reads the revocations other nodes wrote, every second.
public struct RevocationFeedService: Service {
    let list: RevocationList
    let logger: Logger
    let interval: Duration

    public init(service: IdentityService, logger: Logger, interval: Duration = .seconds(1)) {
        self.list = service.revocations
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await self.list.sync()
                } catch {
                    // The database may not be migrated yet at start-up, or briefly unreachable: try again soon.
                    self.logger.debug("revocations.sync_failed", metadata: ["error.type": "\(type(of: error))"])
                }
                try? await Task.sleep(for: self.interval)
            }
        }
    }
}
