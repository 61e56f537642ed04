import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id (the caller's `X-Request-Id` when it is sane, a fresh one otherwise), puts it on the
/// logger and echoes it in the response; also negotiates the locale.
public struct RequestIDMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    public init() {}

    public func handle(
        _ request: Request, context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        let supplied = request.headers[.requestID].flatMap { Self.isSane($0) ? $0 : nil }
        context.requestID = supplied ?? RequestID().description
        context.logger[metadataKey: "request_id"] = .string(context.requestID)
        // One id per line is enough: drop the framework's own, which clients never see.
        context.logger[metadataKey: "hb.request.id"] = nil
        context.locale = AppLocale.negotiate(for: request)
        // ProblemMiddleware sits inside this one, so errors arrive here as responses and get the header too.
        var response = try await next(request, context)
        response.headers[.requestID] = context.requestID
        return response
    }

    /// Accepts ids of 1–128 visible ASCII characters, so nothing odd reaches the logs.
    static func isSane(_ value: String) -> Bool {
        (1...128).contains(value.utf8.count) && value.utf8.allSatisfy { $0 > 32 && $0 < 127 }
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`, the correlation id of a request.
    public static let requestID = HTTPField.Name("X-Request-Id")!
}
