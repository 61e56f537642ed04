import Foundation
import HTTPTypes
import Platform

/// Checks a submitted form against its catalog definition, field by field, with messages a person understands.
public enum FormValidator {
    /// The values to store (trimmed; numbers and dates normalised; unchecked boxes left out), or ``FormInvalid``
    /// listing every field at fault.
    public static func validate(_ input: [String: String], against form: ServiceForm) throws(FormInvalid) -> [String:
        String]
    {
        var errors: [FormInvalid.FieldError] = []
        var values: [String: String] = [:]
        let known = Set(form.fields.map(\.name))
        for name in input.keys.sorted() where !known.contains(name) {
            errors.append(
                .init(
                    field: name, label: LocalizedText(zh: name, en: name),
                    message: LocalizedText(zh: "表单中没有“\(name)”这一项。", en: "The form has no field '\(name)'.")))
        }
        for field in form.fields {
            let raw = (input[field.name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if raw.isEmpty || (field.type == .checkbox && !Self.isChecked(raw)) {
                if field.required {
                    let message =
                        field.type == .checkbox
                        ? LocalizedText(zh: "请勾选“\(field.label.zh)”。", en: "Please tick “\(field.label.en)”.")
                        : field.type == .choice
                            ? LocalizedText(zh: "请选择“\(field.label.zh)”。", en: "Please choose “\(field.label.en)”.")
                            : LocalizedText(zh: "请填写“\(field.label.zh)”。", en: "Please fill in “\(field.label.en)”.")
                    errors.append(.init(field: field.name, label: field.label, message: message))
                }
                continue
            }
            switch self.check(raw, field) {
            case .success(let value): values[field.name] = value
            case .failure(let message): errors.append(.init(field: field.name, label: field.label, message: message))
            }
        }
        guard errors.isEmpty else { throw FormInvalid(errors: errors) }
        return values
    }

    private static func isChecked(_ raw: String) -> Bool { ["true", "on", "1", "yes"].contains(raw.lowercased()) }

    private static func check(_ raw: String, _ field: FormField) -> Result<String, LocalizedText> {
        let zh = field.label.zh
        let en = field.label.en
        switch field.type {
        case .checkbox:
            return .success("true")
        case .choice:
            guard let choices = field.choices, choices.contains(where: { $0.value == raw }) else {
                return .failure(
                    LocalizedText(
                        zh: "“\(zh)”请从列表中选择。",
                        en: "Choose one of the listed options for “\(en)”."))
            }
            return .success(raw)
        case .number:
            guard let number = Double(raw), number.isFinite else {
                return .failure(LocalizedText(zh: "“\(zh)”须为数字。", en: "“\(en)” must be a number."))
            }
            if let min = field.min, number < min {
                return .failure(
                    LocalizedText(
                        zh: "“\(zh)”不能小于 \(Self.format(min))。", en: "“\(en)” must be at least \(Self.format(min))."))
            }
            if let max = field.max, number > max {
                return .failure(
                    LocalizedText(
                        zh: "“\(zh)”不能大于 \(Self.format(max))。", en: "“\(en)” must be at most \(Self.format(max))."))
            }
            return .success(Self.format(number))
        case .date:
            guard Self.isDate(raw) else {
                return .failure(
                    LocalizedText(
                        zh: "“\(zh)”须为有效日期，格式如 2026-03-01。", en: "“\(en)” must be a real date such as 2026-03-01."))
            }
            return .success(raw)
        case .phone:
            guard raw.count == 11, raw.hasPrefix("1"), raw.allSatisfy { $0.isASCII && $0.isNumber },
                raw.dropFirst().first != "0",
                raw.dropFirst().first != "1", raw.dropFirst().first != "2"
            else {
                return .failure(
                    LocalizedText(zh: "“\(zh)”须为 11 位手机号码。", en: "“\(en)” must be an 11-digit mobile number."))
            }
            return .success(raw)
        case .idNumber:
            guard let number = try? IDNumber(validating: raw.uppercased()) else {
                return .failure(
                    LocalizedText(
                        zh: "“\(zh)”不是有效的 18 位身份证号码（请核对最后一位校验码）。",
                        en: "“\(en)” is not a valid 18-character ID number (check the last character)."))
            }
            return .success(number.value)
        case .email:
            let parts = raw.split(separator: "@", omittingEmptySubsequences: false)
            guard raw.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
                !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !raw.contains(" ")
            else {
                return .failure(
                    LocalizedText(zh: "“\(zh)”不是有效的电子邮箱地址。", en: "“\(en)” is not a valid e-mail address."))
            }
            return .success(raw)
        case .text, .textarea:
            let maximum = field.maxLength ?? (field.type == .text ? 200 : 2000)
            if let minimum = field.minLength, raw.count < minimum {
                return .failure(
                    LocalizedText(
                        zh: "“\(zh)”至少要写 \(minimum) 个字（现在 \(raw.count) 个）。",
                        en: "“\(en)” needs at least \(minimum) characters (now \(raw.count))."))
            }
            if raw.count > maximum {
                return .failure(
                    LocalizedText(
                        zh: "“\(zh)”最多 \(maximum) 个字（现在 \(raw.count) 个）。",
                        en: "“\(en)” takes at most \(maximum) characters (now \(raw.count))."))
            }
            if let pattern = field.pattern, let regex = try? Regex(pattern), (try? regex.wholeMatch(in: raw)) == nil {
                let hint = field.patternHint
                return .failure(
                    LocalizedText(
                        zh: "“\(zh)”格式不正确" + (hint.map { "：\($0.zh)" } ?? "") + "。",
                        en: "“\(en)” is not in the expected form" + (hint.map { ": \($0.en)" } ?? "") + "."))
            }
            return .success(raw)
        }
    }

    /// `YYYY-MM-DD` naming a day that exists.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1900...2200).contains(year), (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// 12 → "12", 1.5 → "1.5".
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension LocalizedText: Error {}

/// 422: a form with fields at fault; every message is in Chinese and English.
public struct FormInvalid: AppError, Equatable {
    /// One field at fault.
    public struct FieldError: Sendable, Equatable {
        public let field: String
        public let label: LocalizedText
        public let message: LocalizedText
    }

    public let errors: [FieldError]
    public var status: HTTPResponse.Status { .unprocessableContent }
    public var code: String { "form_invalid" }
    public var detailZH: String {
        "表单有 \(self.errors.count) 处需要修改：" + self.errors.map(\.message.zh).joined(separator: "；")
    }
    public var detailEN: String {
        "Please correct \(self.errors.count) field\(self.errors.count == 1 ? "" : "s"): "
            + self.errors.map(\.message.en).joined(separator: " ")
    }
    public var extensions: [String: String] { ["fields": self.errors.map(\.field).joined(separator: ",")] }

    /// `fields` plus one `field.NAME` member per field with its message in the reader's language.
    public func extensions(for locale: AppLocale) -> [String: String] {
        var out = self.extensions
        for error in self.errors { out["field.\(error.field)"] = error.message.pick(locale) }
        return out
    }

    /// The message for a field, if it is at fault.
    public func message(for field: String, _ locale: AppLocale) -> String? {
        self.errors.first { $0.field == field }?.message.pick(locale)
    }
}
