import NIOCore
import NIOHTTP1
import NIOPosix

/// One HTTP request of a load test.
struct LoadRequest: Sendable {
    var method: HTTPMethod = .GET
    let path: String
    var headers: [(String, String)] = []
    var body: String?
}

/// What came back: the status (0 when the connection failed) and the body, or what went wrong.
struct LoadResponse: Sendable {
    let status: Int
    let body: ByteBuffer
    let failure: String?
}

/// A lean HTTP/1.1 load client: a fixed number of keep-alive connections take requests from one queue, so a slow
/// answer holds one connection while the others go on, and a request waits for a free connection in the queue.
///
/// It costs a fraction of a general-purpose client per request, which matters when it shares the machine with the
/// server it measures.
final class LoadClient: Sendable {
    private struct Job: Sendable {
        let request: LoadRequest
        let reply: CheckedContinuation<LoadResponse, Never>
    }

    private let host: String
    private let port: Int
    private let connections: Int
    private let queue = LoadQueue<Job>()

    /// A client for `base` (`http://HOST:PORT`).
    init(base: String, connections: Int) throws {
        guard base.hasPrefix("http://"), let authority = base.dropFirst(7).split(separator: "/").first,
            let colon = authority.lastIndex(of: ":"), let port = Int(authority[authority.index(after: colon)...])
        else { throw CommandFailure("\(base): expected http://HOST:PORT") }
        self.host = String(authority[..<colon])
        self.port = port
        self.connections = max(1, connections)
    }

    /// Opens the connections, runs `body`, then closes them once every request sent has been answered.
    func run<R: Sendable>(_ body: @Sendable () async throws -> R) async throws -> R {
        try await withThrowingTaskGroup(of: R?.self) { group in
            for _ in 0..<self.connections {
                group.addTask {
                    await self.serve()
                    return nil
                }
            }
            do {
                let result = try await body()
                self.queue.finish()
                try await group.waitForAll()
                return result
            } catch {
                self.queue.finish()
                throw error
            }
        }
    }

    /// Sends `request` on the next free connection and returns the answer.
    func send(_ request: LoadRequest) async -> LoadResponse {
        await withCheckedContinuation { self.queue.push(Job(request: request, reply: $0)) }
    }

    /// One connection's loop: take a job, exchange, answer; reconnect after a failure.
    private func serve() async {
        var pending: Job?
        while true {
            do {
                let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                    .channelOption(.socketOption(.tcp_nodelay), value: 1)
                    .connect(host: self.host, port: self.port) { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHTTPClientHandlers()
                            return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                                wrappingChannelSynchronously: channel)
                        }
                    }
                let drained = try await channel.executeThenClose { inbound, outbound in
                    var responses = inbound.makeAsyncIterator()
                    while let job = await self.queue.next() {
                        pending = job
                        let (response, keepAlive) = try await self.exchange(job.request, outbound, &responses)
                        pending = nil
                        job.reply.resume(returning: response)
                        if !keepAlive { return false }
                    }
                    return true
                }
                if drained { return }
            } catch {
                // The request in flight fails; it is not retried (a load test counts what went wrong).
                pending?.reply.resume(returning: LoadResponse(status: 0, body: ByteBuffer(), failure: "\(error)"))
                pending = nil
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
    }

    /// Writes one request and reads its whole response.
    private func exchange(
        _ request: LoadRequest, _ outbound: NIOAsyncChannelOutboundWriter<HTTPClientRequestPart>,
        _ responses: inout NIOAsyncChannelInboundStream<HTTPClientResponsePart>.AsyncIterator
    ) async throws -> (LoadResponse, keepAlive: Bool) {
        var head = HTTPRequestHead(version: .http1_1, method: request.method, uri: request.path)
        head.headers.add(name: "Host", value: "\(self.host):\(self.port)")
        for (name, value) in request.headers { head.headers.add(name: name, value: value) }
        if let body = request.body { head.headers.add(name: "Content-Length", value: String(body.utf8.count)) }
        var parts: [HTTPClientRequestPart] = [.head(head)]
        if let body = request.body { parts.append(.body(.byteBuffer(ByteBuffer(string: body)))) }
        parts.append(.end(nil))
        try await outbound.write(contentsOf: parts)
        var status = 0
        var keepAlive = true
        var body = ByteBuffer()
        while let part = try await responses.next() {
            switch part {
            case .head(let head):
                status = Int(head.status.code)
                keepAlive = head.isKeepAlive
            case .body(var chunk):
                body.writeBuffer(&chunk)
            case .end:
                return (LoadResponse(status: status, body: body, failure: nil), keepAlive)
            }
        }
        throw CommandFailure("the server closed the connection before answering")
    }
}
