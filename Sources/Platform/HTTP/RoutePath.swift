/// The path of a request as the router matches it: segments split on `/` with empty ones dropped, so `//api/v1/me`,
/// `/api//v1/me` and `/api/v1/me/` all name the route `/api/v1/me`.
///
/// Every decision made on a path before routing (which credentials apply, whether a browser gets HTML) must be made
/// on this form, or a spelling the router accepts could slip past it.
public enum RoutePath {
    /// `/` followed by the non-empty segments joined with single slashes; `/` for the root.
    public static func canonical(_ path: String) -> String {
        "/" + path.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
    }

    /// Whether the canonical path is `prefix` itself or lies under it (`/api` matches `/api` and `/api/v1`, not
    /// `/apis`); `prefix` must be canonical.
    public static func isUnder(_ prefix: String, _ path: String) -> Bool {
        let canonical = Self.canonical(path)
        return canonical == prefix || canonical.hasPrefix(prefix + "/")
    }
}
