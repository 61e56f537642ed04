import Hummingbird
import Logging

/// The request context every route of the platform uses: request id and locale, nothing else yet.
///
/// The identity context adds the signed-in principal here; handlers never read configuration or the environment.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The id echoed in `X-Request-Id` and on every log line of this request.
    public var requestID: String
    /// The language pages and error messages are shown in.
    public var locale: AppLocale

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.requestID = ""
        self.locale = .zh
    }

    /// Pages and API bodies up to 1 MiB; larger uploads go through dedicated routes.
    public var maxUploadSize: Int { 1 << 20 }
}
