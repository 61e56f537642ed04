import Logging
import NIOCore
import NIOHTTPTypes

/// Closes an HTTP/1 connection whose client is too slow: a request's head (line and headers) must be complete within
/// `headerTimeout` of the connection opening or of the request's first byte, and while a body is being sent no more
/// than `bodyIdleTimeout` may pass between two of its parts.
///
/// Sits in the channel pipeline after the HTTP decoder, so it sees whole heads: a client dribbling half a header
/// line never produces one and is cut off when the head timer fires. It also puts a small observer in front of the
/// decoder to learn when a kept-alive connection's next request starts; an idle kept-alive connection is left to the
/// server's idle timeout. No timer runs while the application handles a request, so a slow handler is never
/// interrupted. Costs one scheduled task per connection at a time.
public final class RequestTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    public typealias InboundIn = HTTPRequestPart
    public typealias InboundOut = HTTPRequestPart
    public typealias OutboundIn = HTTPResponsePart
    public typealias OutboundOut = HTTPResponsePart

    /// Where the connection is in its request cycle.
    private enum Phase {
        /// Between requests: waiting for the first byte of the next one.
        case idle
        /// Bytes of a request arrived, its head is not complete yet.
        case head
        /// The head arrived, the body is coming.
        case body
        /// The whole request arrived; the application is answering.
        case answering
    }

    private let headerTimeout: TimeAmount
    private let bodyIdleTimeout: TimeAmount
    private let logger: Logger
    private var phase = Phase.head
    private var timer: Scheduled<Void>?
    private var observer: FirstByteObserver?

    public init(headerTimeout: TimeAmount, bodyIdleTimeout: TimeAmount, logger: Logger) {
        self.headerTimeout = headerTimeout
        self.bodyIdleTimeout = bodyIdleTimeout
        self.logger = logger
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        let observer = FirstByteObserver(owner: self, context: context)
        self.observer = observer
        try? context.pipeline.syncOperations.addHandler(observer, position: .first)
        // A new connection must send its first request's head within the header timeout.
        if context.channel.isActive { self.arm(self.headerTimeout, context: context) }
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        self.disarm()
        if let observer = self.observer { context.pipeline.syncOperations.removeHandler(observer, promise: nil) }
        self.observer = nil
    }

    public func channelActive(context: ChannelHandlerContext) {
        if self.timer == nil { self.arm(self.headerTimeout, context: context) }
        context.fireChannelActive()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        self.disarm()
        context.fireChannelInactive()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head, .body:
            self.phase = .body
            self.arm(self.bodyIdleTimeout, context: context)
        case .end:
            self.phase = .answering
            self.disarm()
        }
        context.fireChannelRead(data)
    }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = self.unwrapOutboundIn(data), self.phase == .answering {
            self.phase = .idle
        }
        context.write(data, promise: promise)
    }

    /// Raw bytes arrived (seen in front of the decoder, on this handler's event loop).
    fileprivate func bytesArrived(context: ChannelHandlerContext) {
        guard self.phase == .idle else { return }
        self.phase = .head
        self.arm(self.headerTimeout, context: context)
    }

    private func arm(_ delay: TimeAmount, context: ChannelHandlerContext) {
        self.disarm()
        let logger = self.logger
        let phase = self.phase
        self.timer = context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
            logger.debug("http.timeout", metadata: ["phase": "\(phase)"])
            context.close(promise: nil)
        }
    }

    private func disarm() {
        self.timer?.cancel()
        self.timer = nil
    }
}

/// Tells its ``RequestTimeoutHandler`` when bytes arrive, ahead of the HTTP decoder.
private final class FirstByteObserver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    private let owner: RequestTimeoutHandler
    private let ownerContext: ChannelHandlerContext

    init(owner: RequestTimeoutHandler, context: ChannelHandlerContext) {
        self.owner = owner
        self.ownerContext = context
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.owner.bytesArrived(context: self.ownerContext)
        context.fireChannelRead(data)
    }
}

@available(*, unavailable)
extension RequestTimeoutHandler: Sendable {}
