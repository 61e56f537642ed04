import Hummingbird
import Logging
import NIOCore

/// The request context every route of the platform uses: request id, locale, client address and the signed-in
/// principal, nothing else.
///
/// Handlers never read configuration or the environment.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The id echoed in `X-Request-Id` and on every log line of this request.
    public var requestID: String
    /// The language pages and error messages are shown in.
    public var locale: AppLocale
    /// The peer's IP address (the socket's; forwarded-for headers are not trusted), nil in router tests.
    public var clientAddress: String?
    /// Who is signed in, set by the identity context's authenticator; nil for anonymous requests.
    public var principal: Principal?
    /// The synchronizer token every form of the visitor's cookie session must carry (see ``WebForm``); nil without
    /// a session.
    public var sessionCSRF: String?
    /// The badges of the resident navigation for this visitor (entry id → count), set on pages by
    /// ``NavigationBadgeMiddleware``; empty elsewhere.
    public var navigationBadges: [String: Int]

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.requestID = ""
        self.locale = .zh
        self.clientAddress = source.channel.remoteAddress?.ipAddress
        self.principal = nil
        self.sessionCSRF = nil
        self.navigationBadges = [:]
    }

    /// JSON bodies: 415 unless declared as JSON, 400 `invalid_body` naming the field that does not fit.
    public var requestDecoder: AppJSONDecoder { AppJSONDecoder() }

    /// Pages and API bodies up to 1 MiB; larger uploads go through dedicated routes.
    public var maxUploadSize: Int { 1 << 20 }
}
