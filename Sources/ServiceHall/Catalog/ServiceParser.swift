import Foundation

/// Reads and checks one service entry of a catalog file (see ``CatalogParser``).
enum ServiceParser {
    static let keys: Set<String> = [
        "id", "department", "theme", "kind", "name", "synonyms", "summary", "eligibility", "level", "materials", "fee",
        "promisedDays", "legalBasis", "form", "link", "system",
    ]

    static func service(_ item: NodeReader, context: ServiceReadingContext) -> CatalogService? {
        guard let object = item.object(allowed: self.keys) else { return nil }
        let id = object.required("id") { CatalogParser.identifier($0) }
        // Name the service in every path below, so an issue deep in a form still says which service it is.
        let labelled = ObjectReader(
            members: object.members, line: object.line, path: item.path + (id.map { "(\($0))" } ?? ""), log: object.log)
        let department = labelled.required("department") { reader -> String? in
            guard let value = reader.string(maxLength: 60) else { return nil }
            guard context.departments.contains(value) else {
                reader.fail("unknown department \"\(value)\"")
                return nil
            }
            return value
        }
        let theme = labelled.required("theme") { reader -> String? in
            guard let value = reader.string(maxLength: 60) else { return nil }
            guard context.themes.contains(value) else {
                reader.fail("unknown theme \"\(value)\"")
                return nil
            }
            return value
        }
        let kind = labelled.required("kind") { reader -> ServiceKind? in
            guard let value = reader.string(maxLength: 40) else { return nil }
            guard let kind = ServiceKind(rawValue: value) else {
                reader.fail(
                    "unknown kind \"\(value)\" (\(ServiceKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
            return kind
        }
        let name = labelled.required("name") { $0.text(maxLength: 60) }
        let synonyms =
            labelled.optional("synonyms") { reader -> [String]? in
                guard let items = reader.array() else { return nil }
                if items.count > 20 { reader.fail("at most 20 synonyms") }
                return items.compactMap { $0.string(maxLength: 30) }
            } ?? []
        let summary = labelled.required("summary") { $0.text(maxLength: 300) }
        let eligibility = labelled.required("eligibility") { $0.text(maxLength: 300) }
        let level = labelled.required("level") { $0.int(in: 0...3) }
        let materials =
            labelled.optional("materials") { reader in reader.array()?.compactMap { $0.text(maxLength: 100) } } ?? []
        let fee = labelled.required("fee") { reader -> Fee? in
            guard let fee = reader.object(allowed: ["fen", "zh", "en"]) else { return nil }
            let fen = fee.required("fen") { $0.int(in: 0...100_000_000) }
            let zh = fee.required("zh") { $0.string(maxLength: 60) }
            let en = fee.required("en") { $0.string(maxLength: 60) }
            guard let fen, let zh, let en else { return nil }
            return Fee(fen: fen, zh: zh, en: en)
        }
        let promisedDays = labelled.required("promisedDays") { $0.int(in: 0...365) }
        let legalBasis = labelled.optional("legalBasis") { $0.text(maxLength: 200) }
        let form = labelled.optional("form") { FormParser.form($0) }
        let link = labelled.optional("link") { reader -> String? in
            guard let value = reader.string(maxLength: 200) else { return nil }
            guard value.hasPrefix("/"), !value.hasPrefix("//") else {
                reader.fail("a link must be a path on this site, starting with /")
                return nil
            }
            return value
        }
        let system = labelled.optional("system") { reader -> DepartmentSystemLink? in
            guard let object = reader.object(allowed: ["initiateLoginUri", "targetLinkUri"]) else { return nil }
            let initiate = object.required("initiateLoginUri") { self.absoluteURL($0) }
            let target = object.required("targetLinkUri") { self.absoluteURL($0) }
            guard let initiate, let target else { return nil }
            return DepartmentSystemLink(initiateLoginUri: initiate, targetLinkUri: target)
        }
        if let kind {
            self.checkKind(kind, labelled, level: level, promisedDays: promisedDays)
        }
        guard let id, let department, let theme, let kind, let name, let summary, let eligibility, let level, let fee,
            let promisedDays
        else { return nil }
        return CatalogService(
            id: id, department: department, theme: theme, kind: kind, name: name, synonyms: synonyms,
            summary: summary, eligibility: eligibility, level: level, materials: materials, fee: fee,
            promisedDays: promisedDays, legalBasis: legalBasis, form: form, link: link, system: system)
    }

    /// Each kind needs its own member and none of the others'.
    private static func checkKind(_ kind: ServiceKind, _ object: ObjectReader, level: Int?, promisedDays: Int?) {
        let needed: String? =
            switch kind {
            case .guide: nil
            case .application: "form"
            case .appointment, .payment: "link"
            case .departmentSystem: "system"
            }
        for member in ["form", "link", "system"] {
            if member == needed, !object.has(member) {
                object.log.add(object.line, "\(object.path).\(member)", "a \(kind.rawValue) service needs \(member)")
            } else if member != needed, object.has(member), let reader = object.reader(member) {
                reader.fail(
                    "only \(member == "form" ? "application" : member == "link" ? "appointment and payment" : "department_system") services have \(member)"
                )
            }
        }
        if kind == .application {
            if let level, level < 1, let reader = object.reader("level") {
                reader.fail("an application needs a signed-in resident: level 1 or more")
            }
            if let promisedDays, promisedDays < 1, let reader = object.reader("promisedDays") {
                reader.fail("an application needs a promised time of at least 1 working day")
            }
        }
    }

    private static func absoluteURL(_ reader: NodeReader) -> String? {
        guard let value = reader.string(maxLength: 300) else { return nil }
        guard let url = URL(string: value), let scheme = url.scheme, ["https", "http"].contains(scheme),
            url.host != nil,
            url.query == nil
        else {
            reader.fail("\"\(value)\" is not an absolute http(s) URL without a query")
            return nil
        }
        return value
    }
}
