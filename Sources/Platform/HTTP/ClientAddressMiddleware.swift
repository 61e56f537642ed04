import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Takes the client's address from `X-Forwarded-For` when the server runs behind a reverse proxy that sets it
/// (`http.trustForwardedFor`); otherwise the socket's peer address stays.
///
/// Only enable this when every request arrives through the proxy: a client talking to the server directly could
/// otherwise choose its own address and escape per-address sign-in limits.
public struct ClientAddressMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    public init() {}

    public func handle(
        _ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        // The proxy appends the address it saw last: the rightmost entry is the one it vouches for.
        guard let header = request.headers[values: .xForwardedFor].last,
            let last = header.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
            !last.isEmpty, last.utf8.count <= 45, (try? SocketAddress(ipAddress: last, port: 0)) != nil
        else { return try await next(request, context) }
        var context = context
        context.clientAddress = last
        return try await next(request, context)
    }
}

extension HTTPField.Name {
    /// `X-Forwarded-For`, the client address chain a reverse proxy adds.
    public static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
