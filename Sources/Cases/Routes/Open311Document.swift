import Foundation

/// A document of the Open311 GeoReport v2 answers, written once and rendered as JSON or XML as the path's
/// extension asks (`.json`, `.xml`).
indirect enum Open311Document: Sendable {
    case text(String?)
    case number(Double)
    case bool(Bool)
    /// A list; in XML each item is an element named `item` inside the list's element.
    case list(item: String, [Open311Document])
    /// Fields in order.
    case object([(String, Open311Document)])

    /// The JSON text.
    var json: String {
        var out = ""
        self.writeJSON(to: &out)
        return out
    }

    /// The XML text, with the root element `root` (the top-level list's or object's name).
    func xml(root: String) -> String {
        var out = #"<?xml version="1.0" encoding="utf-8"?>"#
        self.writeXML(name: root, to: &out)
        return out
    }

    private func writeJSON(to out: inout String) {
        switch self {
        case .text(let value?): out += Self.jsonString(value)
        case .text(nil): out += "null"
        case .number(let value):
            out += value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .list(_, let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.writeJSON(to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (index, (key, value)) in fields.enumerated() {
                if index > 0 { out += "," }
                out += Self.jsonString(key) + ":"
                value.writeJSON(to: &out)
            }
            out += "}"
        }
    }

    private func writeXML(name: String, to out: inout String) {
        switch self {
        case .text(let value?): out += "<\(name)>\(Self.xmlEscape(value))</\(name)>"
        case .text(nil): out += "<\(name)/>"
        case .number: out += "<\(name)>\(self.json)</\(name)>"
        case .bool(let value): out += "<\(name)>\(value)</\(name)>"
        case .list(let item, let items):
            out += "<\(name)>"
            for element in items { element.writeXML(name: item, to: &out) }
            out += "</\(name)>"
        case .object(let fields):
            out += "<\(name)>"
            for (key, value) in fields { value.writeXML(name: key, to: &out) }
            out += "</\(name)>"
        }
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20: out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func xmlEscape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}

/// An Open311 error list answer: `[{"code":400,"description":"…"}]` with the same HTTP status.
struct Open311Error: Error, Sendable {
    let status: Int
    let description: String

    var document: Open311Document {
        .list(
            item: "error",
            [.object([("code", .number(Double(self.status))), ("description", .text(self.description))])])
    }
}

/// Reads an `application/x-www-form-urlencoded` body or query the way Open311 clients send it (`+` is a space,
/// keys such as `attribute[community]` are kept as they are).
enum Open311Form {
    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            guard let key = parts.first.map(decode), !key.isEmpty else { continue }
            fields[key] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}
