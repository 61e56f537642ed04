import Foundation
import Platform

/// One mistake in a catalog file: where (line and field path) and why.
public struct CatalogIssue: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    /// The field, as a path: `services[12](driving-licence-renewal).form.fields[0].type`.
    public let path: String
    public let reason: String

    public var description: String { "line \(self.line): \(self.path.isEmpty ? "" : self.path + ": ")\(self.reason)" }
}

/// A catalog file that cannot be imported; nothing was written.
public struct CatalogImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let issues: [CatalogIssue]

    /// One `file:line: field: reason` line per issue.
    public var description: String {
        self.issues.map { "\(self.file):\($0.line): \($0.path.isEmpty ? "" : $0.path + ": ")\($0.reason)" }
            .joined(separator: "\n")
    }
}

/// Collects the issues found while reading one file (used by one parse, never shared).
final class CatalogIssueLog {
    private(set) var issues: [CatalogIssue] = []
    /// Reading stops adding issues beyond this many; the first ones are the ones to fix.
    static let limit = 50

    func add(_ line: Int, _ path: String, _ reason: String) {
        guard self.issues.count < Self.limit else { return }
        self.issues.append(CatalogIssue(line: line, path: path, reason: reason))
    }
}

/// A JSON value being read at a field path.
struct NodeReader {
    let node: JSONNode
    let path: String
    let log: CatalogIssueLog

    func fail(_ reason: String) { self.log.add(self.node.line, self.path, reason) }

    /// The members of an object; names outside `allowed` are reported (they are usually typos).
    func object(allowed: Set<String>) -> ObjectReader? {
        guard case .object(let members) = self.node.value else {
            self.fail("expected an object, found \(self.node.kindName)")
            return nil
        }
        var byName: [String: JSONNode] = [:]
        for (key, node) in members {
            if allowed.contains(key) {
                byName[key] = node
            } else {
                self.log.add(
                    node.line, self.path.isEmpty ? key : "\(self.path).\(key)",
                    "unknown field (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
        return ObjectReader(members: byName, line: self.node.line, path: self.path, log: self.log)
    }

    /// The items of an array, each with its indexed path.
    func array() -> [NodeReader]? {
        guard case .array(let items) = self.node.value else {
            self.fail("expected an array, found \(self.node.kindName)")
            return nil
        }
        return items.enumerated().map { NodeReader(node: $1, path: "\(self.path)[\($0)]", log: self.log) }
    }

    /// A string, trimmed of nothing; empty ones are refused unless `allowEmpty`.
    func string(maxLength: Int = 500, allowEmpty: Bool = false) -> String? {
        guard case .string(let text) = self.node.value else {
            self.fail("expected a string, found \(self.node.kindName)")
            return nil
        }
        guard allowEmpty || !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            self.fail("must not be empty")
            return nil
        }
        guard text.count <= maxLength else {
            self.fail("longer than \(maxLength) characters")
            return nil
        }
        return text
    }

    /// A whole number within `range`.
    func int(in range: ClosedRange<Int>) -> Int? {
        guard case .number(let value, let isInteger) = self.node.value, isInteger, let int = Int(exactly: value) else {
            self.fail("expected a whole number, found \(self.node.kindName)")
            return nil
        }
        guard range.contains(int) else {
            self.fail("must be from \(range.lowerBound) to \(range.upperBound), found \(int)")
            return nil
        }
        return int
    }

    /// Any number.
    func double() -> Double? {
        guard case .number(let value, _) = self.node.value else {
            self.fail("expected a number, found \(self.node.kindName)")
            return nil
        }
        return value
    }

    func bool() -> Bool? {
        guard case .bool(let value) = self.node.value else {
            self.fail("expected true or false, found \(self.node.kindName)")
            return nil
        }
        return value
    }

    /// `{"zh": …, "en": …}`, both required and non-empty.
    func text(maxLength: Int = 500) -> LocalizedText? {
        guard let object = self.object(allowed: ["zh", "en"]) else { return nil }
        let zh = object.required("zh") { $0.string(maxLength: maxLength) }
        let en = object.required("en") { $0.string(maxLength: maxLength) }
        guard let zh, let en else { return nil }
        return LocalizedText(zh: zh, en: en)
    }
}

/// The members of a JSON object being read.
struct ObjectReader {
    let members: [String: JSONNode]
    let line: Int
    let path: String
    let log: CatalogIssueLog

    func reader(_ key: String) -> NodeReader? {
        self.members[key].map {
            NodeReader(node: $0, path: self.path.isEmpty ? key : "\(self.path).\(key)", log: self.log)
        }
    }

    /// Reads a member that must be present.
    func required<T>(_ key: String, _ read: (NodeReader) -> T?) -> T? {
        guard let reader = self.reader(key) else {
            self.log.add(self.line, self.path.isEmpty ? key : "\(self.path).\(key)", "is missing")
            return nil
        }
        return read(reader)
    }

    /// Reads a member that may be absent (absent and `null` both give nil without an issue).
    func optional<T>(_ key: String, _ read: (NodeReader) -> T?) -> T? {
        guard let reader = self.reader(key) else { return nil }
        if case .null = reader.node.value { return nil }
        return read(reader)
    }

    func has(_ key: String) -> Bool { self.members[key] != nil }
}
