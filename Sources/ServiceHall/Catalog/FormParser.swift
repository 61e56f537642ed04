import Foundation

/// Reads and checks the form of an application service (see ``CatalogParser``).
enum FormParser {
    static let keys: Set<String> = [
        "name", "type", "label", "required", "help", "choices", "min", "max", "minLength", "maxLength", "pattern",
        "patternHint",
    ]

    static func form(_ reader: NodeReader) -> ServiceForm? {
        guard let object = reader.object(allowed: ["fields"]) else { return nil }
        guard let items = object.required("fields", { $0.array() }) else { return nil }
        if items.isEmpty { object.reader("fields")?.fail("a form needs at least one field") }
        if items.count > 30 { object.reader("fields")?.fail("a form has at most 30 fields") }
        let fields = items.compactMap(self.field)
        var seen: Set<String> = []
        for (index, field) in fields.enumerated() where !seen.insert(field.name).inserted {
            items[min(index, items.count - 1)].fail("the field name \"\(field.name)\" appears twice")
        }
        guard fields.count == items.count else { return nil }
        return ServiceForm(fields: fields)
    }

    private static func field(_ item: NodeReader) -> FormField? {
        guard let object = item.object(allowed: self.keys) else { return nil }
        let name = object.required("name") { reader -> String? in
            guard let value = reader.string(maxLength: 40) else { return nil }
            guard value.wholeMatch(of: CatalogParser.fieldNamePattern) != nil else {
                reader.fail("\"\(value)\" is not a field name (a letter, then letters, digits or _)")
                return nil
            }
            return value
        }
        let type = object.required("type") { reader -> FieldType? in
            guard let value = reader.string(maxLength: 40) else { return nil }
            guard let type = FieldType(rawValue: value) else {
                reader.fail(
                    "unknown field type \"\(value)\" (\(FieldType.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
            return type
        }
        let label = object.required("label") { $0.text(maxLength: 60) }
        let required = object.optional("required") { $0.bool() } ?? false
        let help = object.optional("help") { $0.text(maxLength: 300) }
        let choices = object.optional("choices") { reader -> [FieldChoice]? in
            guard let items = reader.array() else { return nil }
            if items.isEmpty { reader.fail("a choice field needs at least one choice") }
            let choices = items.compactMap { item -> FieldChoice? in
                guard let choice = item.object(allowed: ["value", "zh", "en"]) else { return nil }
                let value = choice.required("value") { $0.string(maxLength: 40) }
                let zh = choice.required("zh") { $0.string(maxLength: 60) }
                let en = choice.required("en") { $0.string(maxLength: 60) }
                guard let value, let zh, let en else { return nil }
                return FieldChoice(value: value, zh: zh, en: en)
            }
            if Set(choices.map(\.value)).count != choices.count { reader.fail("choice values must differ") }
            return choices
        }
        let minimum = object.optional("min") { $0.double() }
        let maximum = object.optional("max") { $0.double() }
        let minLength = object.optional("minLength") { $0.int(in: 0...10_000) }
        let maxLength = object.optional("maxLength") { $0.int(in: 1...10_000) }
        let pattern = object.optional("pattern") { reader -> String? in
            guard let value = reader.string(maxLength: 200) else { return nil }
            do {
                _ = try Regex(value)
            } catch {
                reader.fail("\"\(value)\" is not a valid regular expression")
                return nil
            }
            return value
        }
        let patternHint = object.optional("patternHint") { $0.text(maxLength: 100) }
        if let type {
            self.check(type, object, min: minimum, max: maximum, minLength: minLength, maxLength: maxLength)
        }
        if object.has("patternHint"), !object.has("pattern") {
            object.reader("patternHint")?.fail("patternHint needs a pattern")
        }
        guard let name, let type, let label else { return nil }
        return FormField(
            name: name, type: type, label: label, required: required, help: help, choices: choices, min: minimum,
            max: maximum, minLength: minLength, maxLength: maxLength, pattern: pattern, patternHint: patternHint)
    }

    /// Members that only some types take.
    private static func check(
        _ type: FieldType, _ object: ObjectReader, min: Double?, max: Double?, minLength: Int?, maxLength: Int?
    ) {
        let textual: Set<FieldType> = [.text, .textarea]
        if type == .choice, !object.has("choices") {
            object.log.add(object.line, "\(object.path).choices", "a choice field needs choices")
        }
        if type != .choice, let reader = object.reader("choices") { reader.fail("only choice fields have choices") }
        for member in ["min", "max"] where type != .number {
            object.reader(member)?.fail("only number fields have \(member)")
        }
        for member in ["minLength", "maxLength", "pattern"] where !textual.contains(type) {
            object.reader(member)?.fail("only text and textarea fields have \(member)")
        }
        if let min, let max, min > max { object.reader("min")?.fail("min is greater than max") }
        if let minLength, let maxLength, minLength > maxLength {
            object.reader("minLength")?.fail("minLength is greater than maxLength")
        }
    }
}
