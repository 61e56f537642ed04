import Foundation

/// Reads `Content-Type` values.
public enum MediaTypeCheck {
    /// The media type without parameters, lower-cased (`application/json; charset=utf-8` → `application/json`).
    public static func essence(_ contentType: String) -> String {
        String(contentType.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// `application/json` or a structured `+json` type (`application/merge-patch+json`).
    public static func isJSON(_ essence: String) -> Bool {
        essence == "application/json" || (essence.hasPrefix("application/") && essence.hasSuffix("+json"))
    }
}
