import App
import Foundation
import HummingbirdTesting
import NIOCore
import NIOPosix
import Platform
import Synchronization
import TestSupport
import Testing

@Suite("Slow clients are disconnected")
struct ReadTimeoutTests {
    /// Two seconds for headers and between body parts.
    static func shortTimeouts(_ configuration: inout AppConfiguration) {
        configuration.headerTimeout = 2
        configuration.bodyIdleTimeout = 2
    }

    /// What happened to a raw connection after sending `bytes`: closed by the server, or still open after `wait`.
    enum Outcome: Equatable {
        case closed(answer: String)
        case stillOpen
    }

    /// Connects to the live server, sends `bytes` and waits up to `wait` for the server to close the connection.
    static func send(_ bytes: String, port: Int, wait: Duration) async throws -> Outcome {
        let received = ReceivedBytes()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(CollectingHandler(received: received))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        // On a very busy machine the server may already have cut the connection off: that is an answer too.
        try? await channel.writeAndFlush(ByteBuffer(string: bytes))
        let closed = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await channel.closeFuture.get()
                return true
            }
            group.addTask {
                try await Task.sleep(for: wait)
                return false
            }
            let first = try await group.next()!
            group.cancelAll()
            return first
        }
        guard closed else {
            try? await channel.close()
            return .stillOpen
        }
        return .closed(answer: received.text)
    }

    @Test("half-sent headers and a stalled body are cut off after the configured timeouts")
    func slowClients() async throws {
        try await TestApp.with(.sqlite, framework: .live, configure: Self.shortTimeouts) { client in
            let port = try #require(client.port)
            // Far longer than the timeouts, far shorter than "forever": a connection still open then was never cut.
            let wait = Duration.seconds(30)
            let halfHead = try await Self.send("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ", port: port, wait: wait)
            #expect(halfHead != .stillOpen)
            let stalledBody = try await Self.send(
                "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000\r\n\r\n{\"username\":", port: port, wait: wait)
            #expect(stalledBody != .stillOpen)
            // A request sent whole is answered (unless the machine is so busy that even it came too late).
            let whole = try await Self.send(
                "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port, wait: wait)
            #expect(whole != .stillOpen)
            if case .closed(let answer) = whole, !answer.isEmpty { #expect(answer.hasPrefix("HTTP/1.1 200")) }
        }
    }
}

/// The bytes a test connection received, shared between its handler and the test.
final class ReceivedBytes: Sendable {
    private let storage = Mutex("")
    var text: String { self.storage.withLock { $0 } }
    func append(_ text: String) { self.storage.withLock { $0 += text } }
}

/// Collects whatever the server sends.
final class CollectingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let received: ReceivedBytes

    init(received: ReceivedBytes) {
        self.received = received
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.received.append(String(buffer: self.unwrapInboundIn(data)))
    }
}
