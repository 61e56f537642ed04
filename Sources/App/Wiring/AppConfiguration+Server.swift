import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Platform

extension AppConfiguration {
    /// The HTTP/1 server with the read timeouts of ``headerTimeout`` and ``bodyIdleTimeout`` (a client that sends
    /// its request too slowly is disconnected) and ``idleTimeout`` between requests.
    public func httpServer(logger: Logger) -> HTTPServerBuilder {
        let header = TimeAmount.milliseconds(Int64(self.headerTimeout * 1000))
        let body = TimeAmount.milliseconds(Int64(self.bodyIdleTimeout * 1000))
        return .http1(
            configuration: .init(
                additionalChannelHandlers: [
                    RequestTimeoutHandler(headerTimeout: header, bodyIdleTimeout: body, logger: logger)
                ],
                idleTimeout: .milliseconds(Int64(self.idleTimeout * 1000))))
    }

    /// The listening address and the cap on open connections (``maxConnections``; further clients wait in the
    /// listen backlog until one closes).
    public func applicationConfiguration(logger: Logger) -> ApplicationConfiguration {
        ApplicationConfiguration(
            address: .hostname(self.host, port: self.port), serverName: nil,
            availableConnectionsDelegate: MaximumAvailableConnections(self.maxConnections, logger: logger))
    }
}
