import Hummingbird
import Platform

/// Public figures (no sign-in): service performance per department and the platform's usage figures.
public struct OpenFiguresAPI: Sendable {
    let performance: PerformanceReport
    let usage: UsageFigures

    public init(performance: PerformanceReport, usage: UsageFigures) {
        self.performance = performance
        self.usage = usage
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/open/service-performance") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            return Page(items: try await self.performance.rows(), nextCursor: nil)
        }
        api.on(.get, "/api/v1/open/platform-figures") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            return FiguresView(figures: try await self.usage.platform())
        }
    }

    /// The figures as a response.
    struct FiguresView: ResponseEncodable, Sendable {
        let figures: PlatformFigures

        func encode(to encoder: any Encoder) throws { try self.figures.encode(to: encoder) }
    }
}
