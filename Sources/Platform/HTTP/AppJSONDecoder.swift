import Foundation
import HTTPTypes
import Hummingbird
import NIOFoundationCompat

/// Decodes JSON request bodies for ``AppRequestContext``: refuses a body that is not declared as JSON with 415
/// `unsupported_media_type`, and answers a body that does not fit with 400 `invalid_body` naming the JSON field
/// (`items[2].name`) and what was expected in plain words — never the decoder's own text or Swift type names.
public struct AppJSONDecoder: RequestDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext)
        async throws -> T
    {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        if let contentType = request.headers[.contentType] {
            guard MediaTypeCheck.isJSON(MediaTypeCheck.essence(contentType)) else { throw Self.unsupportedMediaType }
        } else if buffer.readableBytes > 0 {
            throw Self.unsupportedMediaType
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: buffer))
        } catch let error as DecodingError {
            throw Self.problem(for: error)
        }
    }

    /// 415 for a body sent with another media type.
    public static let unsupportedMediaType = Problem(
        .unsupportedMediaType, code: "unsupported_media_type",
        zh: "请求内容须为 JSON（Content-Type: application/json）。",
        en: "The request body must be JSON (Content-Type: application/json).")

    /// The 400 problem for a decoding error: which field, and what was wrong, in words.
    static func problem(for error: DecodingError) -> Problem {
        let (path, zh, en): ([any CodingKey], String, String) =
            switch error {
            case .keyNotFound(let key, let context): (context.codingPath + [key], "缺少必填字段", "is missing")
            case .valueNotFound(_, let context): (context.codingPath, "不能为空（null）", "must not be null")
            case .typeMismatch(let type, let context):
                (context.codingPath, "类型不对，应为" + Self.kind(type).zh, "must be " + Self.kind(type).en)
            case .dataCorrupted(let context): (context.codingPath, "的值无效", "has an invalid value")
            @unknown default: ([], "无效", "is invalid")
            }
        let field = Self.path(path)
        if field.isEmpty {
            return Problem(
                .badRequest, code: "invalid_body", zh: "请求内容不是有效的 JSON，或结构不对。",
                en: "The request body is not valid JSON or does not have the expected shape.")
        }
        return Problem(
            .badRequest, code: "invalid_body", zh: "字段“\(field)”\(zh)。", en: "Field '\(field)' \(en).",
            extensions: ["field": field])
    }

    /// `items[2].name`.
    static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func kind(_ type: Any.Type) -> (zh: String, en: String) {
        switch type {
        case is String.Type, is Substring.Type: ("字符串", "a string")
        case is Bool.Type: ("布尔值（true/false）", "true or false")
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt8.Type, is UInt.Type: ("整数", "a whole number")
        case is Double.Type, is Float.Type, is Decimal.Type: ("数字", "a number")
        case is [Any].Type: ("数组", "a list")
        default:
            String(describing: type).hasPrefix("Array") ? ("数组", "a list") : ("对象或其他值", "a value of another kind")
        }
    }
}
