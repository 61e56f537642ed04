import Foundation
import Platform

/// Reads and validates a catalog file. Every issue is collected (up to ``CatalogIssueLog/limit``) and reported
/// with its line and field, so an administrator can fix a file in one pass; nothing is returned unless the whole
/// file is valid.
public enum CatalogParser {
    static var idPattern: Regex<Substring> { /^[a-z0-9][a-z0-9_-]{1,59}$/ }
    static var fieldNamePattern: Regex<Substring> { /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/ }

    /// The catalog in `text`, or ``CatalogImportError`` naming every problem.
    public static func parse(_ text: String, fileName: String) throws(CatalogImportError) -> Catalog {
        let root: JSONNode
        do {
            root = try JSONNode.parse(text)
        } catch {
            throw CatalogImportError(
                file: fileName, issues: [CatalogIssue(line: error.line, path: "", reason: error.reason)])
        }
        let log = CatalogIssueLog()
        let catalog = self.catalog(NodeReader(node: root, path: "", log: log))
        guard log.issues.isEmpty, let catalog else {
            throw CatalogImportError(
                file: fileName,
                issues: log.issues.isEmpty ? [CatalogIssue(line: 1, path: "", reason: "not a catalog")] : log.issues)
        }
        return catalog
    }

    private static func catalog(_ reader: NodeReader) -> Catalog? {
        guard let root = reader.object(allowed: ["version", "themes", "departments", "services"]) else { return nil }
        let version = root.required("version") { $0.int(in: 1...1) }
        let themes = root.required("themes") { node in
            node.array()?.compactMap { item -> Theme? in
                guard let object = item.object(allowed: ["id", "name"]) else { return nil }
                let id = object.required("id") { self.identifier($0) }
                let name = object.required("name") { $0.text(maxLength: 30) }
                guard let id, let name else { return nil }
                return Theme(id: id, name: name)
            }
        }
        let departments = root.required("departments") { node in
            node.array()?.compactMap { item -> Department? in
                guard let object = item.object(allowed: ["id", "name"]) else { return nil }
                let id = object.required("id") { self.identifier($0) }
                let name = object.required("name") { $0.text(maxLength: 80) }
                guard let id, let name else { return nil }
                return Department(id: id, name: name)
            }
        }
        self.unique(themes?.map(\.id) ?? [], root.reader("themes"), what: "theme")
        self.unique(departments?.map(\.id) ?? [], root.reader("departments"), what: "department")
        let context = ServiceReadingContext(
            themes: Set(themes?.map(\.id) ?? []), departments: Set(departments?.map(\.id) ?? []))
        let servicesReader = root.reader("services")
        let services = root.required("services") { node in
            node.array()?.compactMap { ServiceParser.service($0, context: context) }
        }
        if let services, let servicesReader {
            if services.isEmpty, reader.log.issues.isEmpty { servicesReader.fail("the catalog has no services") }
            self.unique(services.map(\.id), servicesReader, what: "service")
            let used = Set(services.map(\.department))
            for department in departments ?? [] where !used.contains(department.id) {
                servicesReader.fail("department \(department.id) offers no service")
            }
        }
        guard let version, let themes, let departments, let services else { return nil }
        return Catalog(version: version, themes: themes, departments: departments, services: services)
    }

    /// An id: lower-case letters, digits, `-` and `_`, 2–60 characters.
    static func identifier(_ reader: NodeReader) -> String? {
        guard let text = reader.string(maxLength: 60) else { return nil }
        guard text.wholeMatch(of: self.idPattern) != nil else {
            reader.fail("\"\(text)\" is not an id (2–60 lower-case letters, digits, - or _)")
            return nil
        }
        return text
    }

    private static func unique(_ ids: [String], _ reader: NodeReader?, what: String) {
        guard let reader, case .array(let items) = reader.node.value else { return }
        var seen: Set<String> = []
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            let line = index < items.count ? items[index].line : reader.node.line
            reader.log.add(line, "\(reader.path)", "the \(what) id \"\(id)\" appears twice")
        }
    }
}

/// What a service entry may refer to.
struct ServiceReadingContext {
    let themes: Set<String>
    let departments: Set<String>
}
