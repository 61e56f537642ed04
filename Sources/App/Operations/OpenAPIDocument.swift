import Foundation
import Platform

/// Assembles the served OpenAPI document: App's base file (info, shared components and the routes of the contexts
/// not yet split out) with each module's ``OpenAPIFragment`` added under `paths` and `components.schemas`.
///
/// Works on the YAML text by indentation, which the fragments' fixed shape makes safe: a fragment's entries are
/// indented by two spaces under its `paths:` and `schemas:` keys. A path or schema defined twice is a mistake and
/// throws, as does a fragment key other than those two.
enum OpenAPIDocument {
    /// The merged document's text.
    static func merge(base: String, fragments: [OpenAPIFragment]) throws -> String {
        var paths: [Substring] = []
        var schemas: [Substring] = []
        for fragment in fragments {
            var section: String?
            for line in fragment.yaml.split(separator: "\n", omittingEmptySubsequences: false) {
                if let first = line.first, first != " ", first != "#" {
                    section = String(line.trimmingCharacters(in: .whitespaces))
                    guard section == "paths:" || section == "schemas:" else {
                        throw OpenAPIMergeError(reason: "unexpected top-level key \(line)")
                    }
                    continue
                }
                if line.allSatisfy(\.isWhitespace) { continue }
                switch section {
                case "paths:": paths.append(line)
                case "schemas:": schemas.append("  " + line)
                default: throw OpenAPIMergeError(reason: "content before paths: or schemas:")
                }
            }
        }
        guard !paths.isEmpty || !schemas.isEmpty else { return base }
        var lines = base.split(separator: "\n", omittingEmptySubsequences: false)
        if !paths.isEmpty {
            let end = try self.sectionEnd(in: lines, header: "paths:", indent: 0)
            try self.checkUnique(paths, against: lines, indent: 2)
            lines.insert(contentsOf: paths, at: end)
        }
        if !schemas.isEmpty {
            guard let components = lines.firstIndex(of: "components:") else {
                throw OpenAPIMergeError(reason: "the base has no components")
            }
            let end = try self.sectionEnd(in: lines, header: "  schemas:", indent: 2, from: components)
            try self.checkUnique(schemas, against: lines, indent: 4)
            lines.insert(contentsOf: schemas, at: end)
        }
        return lines.joined(separator: "\n")
    }

    /// The index of the first line after `header`'s section: the next non-blank line indented `indent` or less.
    private static func sectionEnd(
        in lines: [Substring], header: String, indent: Int, from start: Int = 0
    ) throws -> Int {
        guard let index = lines[start...].firstIndex(where: { $0 == header }) else {
            throw OpenAPIMergeError(reason: "the base has no \(header.trimmingCharacters(in: .whitespaces))")
        }
        var end = index + 1
        while end < lines.count {
            let line = lines[end]
            let leading = line.prefix { $0 == " " }.count
            if !line.allSatisfy(\.isWhitespace), leading <= indent,
                !line.hasPrefix(String(repeating: " ", count: indent) + "#")
            {
                break
            }
            end += 1
        }
        // Keep trailing blank lines after the inserted entries.
        while end > index + 1, lines[end - 1].allSatisfy(\.isWhitespace) { end -= 1 }
        return end
    }

    /// Throws when an entry key (a line indented exactly `indent`) of `added` already exists in `lines`.
    private static func checkUnique(_ added: [Substring], against lines: [Substring], indent: Int) throws {
        func keys(_ source: some Sequence<Substring>) -> [Substring] {
            source.filter { line in
                line.prefix { $0 == " " }.count == indent
                    && line.dropFirst(indent).first.map { $0 != "#" && $0 != "-" }
                        ?? false
            }
        }
        let existing = Set(keys(lines))
        var seen = Set<Substring>()
        for key in keys(added) {
            guard !existing.contains(key), seen.insert(key).inserted else {
                throw OpenAPIMergeError(reason: "\(key.trimmingCharacters(in: .whitespaces)) is defined twice")
            }
        }
    }
}

/// A module's OpenAPI fragment does not fit the document.
struct OpenAPIMergeError: Error, CustomStringConvertible {
    let reason: String
    var description: String { "openapi: \(self.reason)" }
}
