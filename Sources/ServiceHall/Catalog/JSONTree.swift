/// A JSON value that remembers the line it starts on, so a catalog file's mistakes can be reported by line.
///
/// Foundation's decoders report only coding paths and character offsets; an administrator editing a file of
/// thousands of lines needs `file:line`. Strict RFC 8259: no comments, no trailing commas, duplicate keys refused.
struct JSONNode: Sendable {
    /// The value and, for containers, the children.
    indirect enum Value: Sendable {
        case object([(key: String, node: JSONNode)])
        case array([JSONNode])
        case string(String)
        case number(Double, isInteger: Bool)
        case bool(Bool)
        case null
    }

    let value: Value
    let line: Int

    /// What the value is, in words, for error messages.
    var kindName: String {
        switch self.value {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true or false"
        case .null: "null"
        }
    }

    /// Parses a whole document.
    static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        var parser = JSONTreeParser(bytes: Array(text.utf8))
        parser.skipSpace()
        let node = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the document") }
        return node
    }
}

/// A JSON document that is not well formed.
struct JSONSyntaxError: Error, Equatable {
    let line: Int
    let reason: String
}

/// A recursive-descent parser over UTF-8 bytes that counts lines.
private struct JSONTreeParser {
    let bytes: [UInt8]
    var index = 0
    var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // A byte-order mark is tolerated at the start.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { self.index = 3 }
    }

    func error(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(line: self.line, reason: reason) }

    mutating func skipSpace() {
        while self.index < self.bytes.count {
            switch self.bytes[self.index] {
            case UInt8(ascii: "\n"): self.line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: return
            }
            self.index += 1
        }
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard depth < 64 else { throw self.error("nested too deeply") }
        guard self.index < self.bytes.count else { throw self.error("unexpected end of the file") }
        let line = self.line
        switch self.bytes[self.index] {
        case UInt8(ascii: "{"): return JSONNode(value: try self.object(depth: depth), line: line)
        case UInt8(ascii: "["): return JSONNode(value: try self.array(depth: depth), line: line)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try self.string()), line: line)
        case UInt8(ascii: "t"):
            try self.literal("true")
            return JSONNode(value: .bool(true), line: line)
        case UInt8(ascii: "f"):
            try self.literal("false")
            return JSONNode(value: .bool(false), line: line)
        case UInt8(ascii: "n"):
            try self.literal("null")
            return JSONNode(value: .null, line: line)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: try self.number(), line: line)
        default: throw self.error("unexpected character '\(Character(UnicodeScalar(self.bytes[self.index])))'")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let utf8 = Array(word.utf8)
        guard self.bytes.count - self.index >= utf8.count,
            Array(self.bytes[self.index..<self.index + utf8.count]) == utf8
        else { throw self.error("expected \(word)") }
        self.index += utf8.count
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONNode.Value {
        self.index += 1
        var members: [(key: String, node: JSONNode)] = []
        var seen: Set<String> = []
        self.skipSpace()
        if self.peek(UInt8(ascii: "}")) {
            self.index += 1
            return .object(members)
        }
        while true {
            self.skipSpace()
            guard self.peek(UInt8(ascii: "\"")) else { throw self.error("expected a \"name\" in the object") }
            let key = try self.string()
            guard seen.insert(key).inserted else { throw self.error("the name \"\(key)\" appears twice in one object") }
            self.skipSpace()
            guard self.peek(UInt8(ascii: ":")) else { throw self.error("expected ':' after \"\(key)\"") }
            self.index += 1
            self.skipSpace()
            members.append((key, try self.value(depth: depth + 1)))
            self.skipSpace()
            if self.peek(UInt8(ascii: ",")) {
                self.index += 1
                continue
            }
            guard self.peek(UInt8(ascii: "}")) else { throw self.error("expected ',' or '}' in the object") }
            self.index += 1
            return .object(members)
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONNode.Value {
        self.index += 1
        var items: [JSONNode] = []
        self.skipSpace()
        if self.peek(UInt8(ascii: "]")) {
            self.index += 1
            return .array(items)
        }
        while true {
            self.skipSpace()
            items.append(try self.value(depth: depth + 1))
            self.skipSpace()
            if self.peek(UInt8(ascii: ",")) {
                self.index += 1
                continue
            }
            guard self.peek(UInt8(ascii: "]")) else { throw self.error("expected ',' or ']' in the array") }
            self.index += 1
            return .array(items)
        }
    }

    private func peek(_ byte: UInt8) -> Bool { self.index < self.bytes.count && self.bytes[self.index] == byte }

    private mutating func string() throws(JSONSyntaxError) -> String {
        self.index += 1
        var out: [UInt8] = []
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            self.index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard self.index < self.bytes.count else { break }
                let escape = self.bytes[self.index]
                self.index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"): out.append(contentsOf: try self.unicodeEscape())
                default: throw self.error("unknown escape \\\(Character(UnicodeScalar(escape)))")
                }
            case 0..<0x20:
                throw self.error(
                    byte == 10 ? "a string runs past the end of its line" : "control character in a string")
            default:
                out.append(byte)
            }
        }
        throw self.error("a string is not closed")
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard self.bytes.count - self.index >= 4,
            let value = UInt32(String(decoding: self.bytes[self.index..<self.index + 4], as: UTF8.self), radix: 16)
        else { throw self.error("\\u needs four hex digits") }
        self.index += 4
        return value
    }

    private mutating func unicodeEscape() throws(JSONSyntaxError) -> [UInt8] {
        var scalar = try self.hex4()
        if (0xD800..<0xDC00).contains(scalar) {
            guard self.bytes.count - self.index >= 2, self.bytes[self.index] == UInt8(ascii: "\\"),
                self.bytes[self.index + 1] == UInt8(ascii: "u")
            else { throw self.error("a lone surrogate in \\u escape") }
            self.index += 2
            let low = try self.hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw self.error("a lone surrogate in \\u escape") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let unicode = UnicodeScalar(scalar) else { throw self.error("invalid \\u escape") }
        return Array(String(Character(unicode)).utf8)
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONNode.Value {
        let start = self.index
        var isInteger = true
        while self.index < self.bytes.count {
            let byte = self.bytes[self.index]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                isInteger = false
            } else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) && byte != UInt8(ascii: "-")
                && byte != UInt8(ascii: "+")
            {
                break
            }
            self.index += 1
        }
        let text = String(decoding: self.bytes[start..<self.index], as: UTF8.self)
        guard let value = Double(text), value.isFinite, !text.hasPrefix("+"), !text.hasPrefix("."),
            !(text.hasPrefix("0") && text.count > 1 && text.dropFirst().first?.isNumber == true),
            !(text.hasPrefix("-0") && text.count > 2 && text.dropFirst(2).first?.isNumber == true)
        else { throw self.error("malformed number \(text)") }
        return .number(value, isInteger: isInteger)
    }
}
