import Hummingbird
import Platform

/// Renders a problem as an HTML page for browsers, in the shared layout.
struct ErrorPage: Sendable {
    let renderer: PageRenderer

    /// The page for `problem`, or nil when the template is missing (then problem+json is sent).
    func render(_ problem: ProblemDocument, request: Request, context: AppRequestContext) -> Response? {
        guard self.renderer.has("error") else { return nil }
        return self.renderer.render(
            "error", title: AppStrings.tables[context.locale]?["error_title"] ?? "", model: problem,
            request: request, context: context, status: .init(code: problem.status)
        )
    }
}
