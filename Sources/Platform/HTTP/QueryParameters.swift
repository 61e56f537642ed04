import Hummingbird

/// Reader of a request's query string. On the API it is strict: unknown names and malformed values are refused with
/// a clear problem instead of being silently ignored. Pages ignore names they do not know, since shared links carry
/// them (`?from=singlemessage&isappinstalled=0` from WeChat, `utm_…` from campaigns); malformed known values are
/// still refused.
public struct QueryParameters: Sendable {
    private let values: [String: String]

    /// Reads the query; on the API throws `unknown_parameter` for any name not in `allowed` (`lang` is always
    /// allowed), everywhere `invalid_parameter` when a known name is repeated.
    public init(_ request: Request, allowed: Set<String>) throws {
        var values: [String: String] = [:]
        let strict = Self.isAPI(request.uri.path)
        for (name, value) in request.uri.queryParameters {
            let name = String(name)
            if !strict, !allowed.contains(name) { continue }
            guard allowed.contains(name) || name == "lang" else {
                throw Problem(
                    .badRequest, code: "unknown_parameter",
                    zh: "不支持查询参数“\(name)”。可用参数：\(allowed.sorted().joined(separator: ", "))。",
                    en: "Unknown query parameter '\(name)'. Allowed: \(allowed.sorted().joined(separator: ", ")).",
                    extensions: ["parameter": name]
                )
            }
            guard values[name] == nil else {
                throw Problem.invalidParameter(
                    name, zh: "查询参数“\(name)”重复。", en: "Query parameter '\(name)' is repeated.")
            }
            values[name] = String(value)
        }
        self.values = values
    }

    /// Whether `path` is under `/api/` however it is spelled (`//api/…` reaches the same routes).
    static func isAPI(_ path: String) -> Bool {
        path.split(separator: "/", omittingEmptySubsequences: true).first?.lowercased() == "api"
    }

    /// The raw value, or nil when absent. An empty value counts as absent.
    public func string(_ name: String) -> String? {
        guard let value = self.values[name], !value.isEmpty else { return nil }
        return value
    }

    /// An integer within `range`, `default` when absent.
    public func int(_ name: String, in range: ClosedRange<Int>, default defaultValue: Int) throws -> Int {
        guard let text = self.string(name) else { return defaultValue }
        guard let value = Int(text), range.contains(value) else {
            throw Problem.invalidParameter(
                name,
                zh: "参数“\(name)”必须是 \(range.lowerBound) 到 \(range.upperBound) 之间的整数。",
                en: "Parameter '\(name)' must be a whole number from \(range.lowerBound) to \(range.upperBound)."
            )
        }
        return value
    }

    /// One of the values of a `RawRepresentable` enumeration, nil when absent.
    public func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws -> T?
    where T.RawValue == String {
        guard let text = self.string(name) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: "|")
            throw Problem.invalidParameter(
                name, zh: "参数“\(name)”必须是 \(allowed) 之一。", en: "Parameter '\(name)' must be one of \(allowed)."
            )
        }
        return value
    }

    /// `true` or `false` (also `1`/`0`), nil when absent.
    public func bool(_ name: String) throws -> Bool? {
        guard let text = self.string(name) else { return nil }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default:
            throw Problem.invalidParameter(
                name, zh: "参数“\(name)”必须是 true 或 false。", en: "Parameter '\(name)' must be true or false.")
        }
    }
}
