import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Platform
import ServiceLifecycle

/// Delivers queued logout tokens to clients' back-channel logout URIs (`POST logout_token=…`), at least once:
/// every second it claims due deliveries, marks 2xx answers delivered and retries anything else with back-off.
public struct BackChannelLogoutService: Service {
    let outbox: LogoutOutboxRepository
    let logger: Logger
    let interval: Duration

    public init(database: Database, logger: Logger, interval: Duration = .seconds(1)) {
        self.outbox = LogoutOutboxRepository(database: database)
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        try await PeriodicWork.run(every: self.interval, logger: self.logger, failure: "logout.delivery_failed") {
            try await self.deliverDue()
        }
    }

    /// Sends every due delivery once.
    func deliverDue() async throws {
        for delivery in try await self.outbox.claimDue(limit: 20) {
            var request = HTTPClientRequest(url: delivery.uri)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: "logout_token=" + delivery.logoutToken))
            do {
                let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
                if (200..<300).contains(response.status.code) {
                    try await self.outbox.delivered(delivery.id)
                    continue
                }
                self.logger.notice("logout.rejected", metadata: ["status": "\(response.status.code)"])
            } catch {
                self.logger.notice("logout.unreachable", metadata: ["error.type": "\(type(of: error))"])
            }
            try await self.outbox.failed(delivery)
        }
    }
}
