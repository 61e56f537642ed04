import Hummingbird

/// The languages the platform speaks: Chinese by default, English on request.
public enum AppLocale: String, Sendable, CaseIterable {
    case zh
    case en

    /// Picks the locale from `?lang=`, then the `lang` cookie, then `Accept-Language`; Chinese otherwise.
    public static func negotiate(for request: Request) -> AppLocale {
        if let lang = request.uri.queryParameters.get("lang"), let locale = AppLocale(tag: lang) {
            return locale
        }
        if let cookie = request.cookies["lang"]?.value, let locale = AppLocale(tag: cookie) {
            return locale
        }
        if let accept = request.headers[.acceptLanguage] {
            for part in accept.split(separator: ",") {
                let tag = part.split(separator: ";").first.map { String($0).trimmingSpaces } ?? ""
                if let locale = AppLocale(tag: tag) { return locale }
            }
        }
        return .zh
    }

    /// Accepts `zh`, `zh-CN`, `en`, `en-GB` and the like.
    public init?(tag: String) {
        let primary = tag.lowercased().split(separator: "-").first.map(String.init) ?? ""
        self.init(rawValue: primary)
    }

    /// The value of the HTML `lang` attribute.
    public var htmlLang: String { self == .zh ? "zh-CN" : "en" }

    /// Picks the text for this locale.
    public func pick(zh: String, en: String) -> String { self == .zh ? zh : en }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        String(
            self.drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()
        )
    }
}
