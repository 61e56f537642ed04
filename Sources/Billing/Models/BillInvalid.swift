import HTTPTypes
import Platform

/// 422: a new bill with fields at fault, each with a message in Chinese and English.
public struct BillInvalid: AppError, Equatable {
    /// One field at fault.
    public struct FieldError: Sendable, Equatable {
        public let field: String
        public let zh: String
        public let en: String
    }

    public let errors: [FieldError]
    public var status: HTTPResponse.Status { .unprocessableContent }
    public var code: String { "bill_invalid" }
    public var detailZH: String { "账单有 \(self.errors.count) 处需要修改：" + self.errors.map(\.zh).joined(separator: "；") }
    public var detailEN: String {
        "Please correct \(self.errors.count) field\(self.errors.count == 1 ? "" : "s"): "
            + self.errors.map(\.en).joined(separator: " ")
    }
    public var extensions: [String: String] { ["fields": self.errors.map(\.field).joined(separator: ",")] }

    /// `fields` plus one `field.NAME` member per field with its message in the reader's language.
    public func extensions(for locale: AppLocale) -> [String: String] {
        var out = self.extensions
        for error in self.errors { out["field.\(error.field)"] = locale.pick(zh: error.zh, en: error.en) }
        return out
    }
}
