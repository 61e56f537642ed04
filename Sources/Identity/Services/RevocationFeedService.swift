import Logging
import Platform
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
        try await PeriodicWork.run(every: self.interval, logger: self.logger, failure: "revocations.sync_failed") {
            try await self.list.sync()
        }
    }
}
