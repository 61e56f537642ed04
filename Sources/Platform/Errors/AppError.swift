import Foundation
import HTTPTypes
import Hummingbird

/// A domain error the platform shows to people: an HTTP status, a stable machine `code`, and a message in
/// Chinese and English. Rendered as RFC 9457 problem+json by ``ProblemMiddleware``.
public protocol AppError: Error, Sendable {
    /// HTTP status of the response.
    var status: HTTPResponse.Status { get }
    /// Stable, documented identifier clients can branch on (`division_not_found`).
    var code: String { get }
    /// Human-readable explanation in Chinese.
    var detailZH: String { get }
    /// Human-readable explanation in English.
    var detailEN: String { get }
    /// Extra members added to the problem document (field errors and the like).
    var extensions: [String: String] { get }
    /// The extensions as shown to a reader of `locale` (field messages and the like); ``extensions`` by default.
    func extensions(for locale: AppLocale) -> [String: String]
}

extension AppError {
    public var extensions: [String: String] { [:] }
    public func extensions(for locale: AppLocale) -> [String: String] { self.extensions }

    /// The detail in the reader's language (pages show it in place).
    public func text(_ locale: AppLocale) -> String { locale.pick(zh: self.detailZH, en: self.detailEN) }
}

/// A general-purpose ``AppError`` for cases that need no type of their own.
public struct Problem: AppError, CustomStringConvertible {
    public let status: HTTPResponse.Status
    public let code: String
    public let detailZH: String
    public let detailEN: String
    public let extensions: [String: String]
    /// `code: English detail`, for logs and the command line.
    public var description: String { "\(self.code): \(self.detailEN)" }

    public init(
        _ status: HTTPResponse.Status, code: String, zh: String, en: String, extensions: [String: String] = [:]
    ) {
        self.status = status
        self.code = code
        self.detailZH = zh
        self.detailEN = en
        self.extensions = extensions
    }

    /// 400 for a query or body parameter that is malformed or out of range.
    public static func invalidParameter(_ name: String, zh: String, en: String) -> Problem {
        Problem(.badRequest, code: "invalid_parameter", zh: zh, en: en, extensions: ["parameter": name])
    }

    /// 404 for a resource that does not exist (or that the caller may not know exists).
    public static func notFound(code: String, zh: String, en: String) -> Problem {
        Problem(.notFound, code: code, zh: zh, en: en)
    }
}
