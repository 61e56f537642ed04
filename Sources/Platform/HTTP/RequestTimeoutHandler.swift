import Logging
import NIOCore
import NIOHTTPTypes

/// Closes an HTTP/1 connection whose client is too slow: the request head (line and headers) must arrive within
/// `headerTimeout` of the connection opening or of the previous response, and while a body is being sent no more
/// than `bodyIdleTimeout` may pass between two of its parts.
///
/// Sits in the channel pipeline after the HTTP decoder, so it sees whole heads: a client dribbling half a header
/// line never produces one and is cut off when the head timer fires. No timer runs while the application handles a
/// request, so a slow handler is never interrupted. Costs one scheduled task per connection at a time.
public final class RequestTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    public typealias InboundIn = HTTPRequestPart
    public typealias InboundOut = HTTPRequestPart
    public typealias OutboundIn = HTTPResponsePart
    public typealias OutboundOut = HTTPResponsePart

    private let headerTimeout: TimeAmount
    private let bodyIdleTimeout: TimeAmount
    private let logger: Logger
    private var timer: Scheduled<Void>?

    public init(headerTimeout: TimeAmount, bodyIdleTimeout: TimeAmount, logger: Logger) {
        self.headerTimeout = headerTimeout
        self.bodyIdleTimeout = bodyIdleTimeout
        self.logger = logger
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { self.arm(self.headerTimeout, reason: "header", context: context) }
    }

    public func channelActive(context: ChannelHandlerContext) {
        if self.timer == nil { self.arm(self.headerTimeout, reason: "header", context: context) }
        context.fireChannelActive()
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        self.disarm()
    }

    public func channelInactive(context: ChannelHandlerContext) {
        self.disarm()
        context.fireChannelInactive()
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head, .body: self.arm(self.bodyIdleTimeout, reason: "body", context: context)
        case .end: self.disarm()
        }
        context.fireChannelRead(data)
    }

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = self.unwrapOutboundIn(data) {
            // The response is complete: the next request's head must come within the header timeout.
            self.arm(self.headerTimeout, reason: "header", context: context)
        }
        context.write(data, promise: promise)
    }

    private func arm(_ delay: TimeAmount, reason: String, context: ChannelHandlerContext) {
        self.disarm()
        let logger = self.logger
        self.timer = context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
            logger.debug("http.timeout", metadata: ["phase": "\(reason)"])
            context.close(promise: nil)
        }
    }

    private func disarm() {
        self.timer?.cancel()
        self.timer = nil
    }
}

@available(*, unavailable)
extension RequestTimeoutHandler: Sendable {}
