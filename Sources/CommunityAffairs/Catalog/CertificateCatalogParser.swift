import Foundation
import Platform
import ServiceHall

/// Reads and validates the certificate catalog as a whole: a file with any problem is refused with every problem
/// listed, never half imported.
public enum CertificateCatalogParser {
    /// The catalog shipped with the context.
    public static func shipped() throws -> CertificateCatalog {
        guard let url = Bundle.module.url(forResource: "certificate-catalog", withExtension: "json") else {
            throw CertificateCatalogError(issues: ["certificate-catalog.json is missing from the bundle"])
        }
        return try self.parse(try Data(contentsOf: url))
    }

    /// Decodes and checks the structure: 1 to 15 kinds, unique ids, levels 1–3, positive validity, inputs with a
    /// length bound, every `{placeholder}` of a template naming a field of its kind.
    public static func parse(_ data: Data) throws -> CertificateCatalog {
        let catalog: CertificateCatalog
        do {
            catalog = try JSONDecoder().decode(CertificateCatalog.self, from: data)
        } catch {
            throw CertificateCatalogError(issues: ["not a certificate catalog: \(error)"])
        }
        var issues: [String] = []
        if catalog.kinds.isEmpty || catalog.kinds.count > 15 {
            issues.append("kinds: \(catalog.kinds.count) kinds; the permitted list has 1 to 15")
        }
        var ids = Set<String>()
        for kind in catalog.kinds {
            if !ids.insert(kind.id).inserted { issues.append("kinds.\(kind.id): the id is used twice") }
            issues += self.check(kind).map { "kinds.\(kind.id): \($0)" }
        }
        for item in catalog.notCommunityWork where !ids.insert(item.id).inserted {
            issues.append("notCommunityWork.\(item.id): the id is used twice")
        }
        guard issues.isEmpty else { throw CertificateCatalogError(issues: issues) }
        return catalog
    }

    /// Checks the catalog against the service catalog: every department and service it names must exist there.
    public static func validate(_ catalog: CertificateCatalog, against services: CatalogSnapshot) throws {
        var issues: [String] = []
        for item in catalog.notCommunityWork {
            if services.department(item.department) == nil {
                issues.append("notCommunityWork.\(item.id): no department '\(item.department)' in the service catalog")
            }
            if let service = services.service(item.service) {
                if service.department != item.department {
                    issues.append(
                        "notCommunityWork.\(item.id): service '\(item.service)' belongs to '\(service.department)'")
                }
            } else {
                issues.append("notCommunityWork.\(item.id): no service '\(item.service)' in the service catalog")
            }
        }
        guard issues.isEmpty else { throw CertificateCatalogError(issues: issues) }
    }

    private static func check(_ kind: CertificateKind) -> [String] {
        var issues: [String] = []
        if kind.id.isEmpty || !kind.id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) {
            issues.append("the id must be lower-case letters, digits and hyphens")
        }
        if !(1...3).contains(kind.level) { issues.append("level \(kind.level) is not 1, 2 or 3") }
        if kind.validityDays < 1 || kind.validityDays > 730 { issues.append("validityDays must be 1 to 730") }
        if kind.promisedDays < 1 || kind.promisedDays > 30 { issues.append("promisedDays must be 1 to 30") }
        if kind.checks.isEmpty { issues.append("the community checks nothing") }
        var names = Set<String>()
        for field in kind.fields {
            if !names.insert(field.name).inserted { issues.append("field \(field.name) is listed twice") }
            if field.source == .input, (field.maxLength ?? 0) < 1 || (field.maxLength ?? 0) > 500 {
                issues.append("input \(field.name) needs a maxLength of 1 to 500")
            }
        }
        for text in [kind.template.zh, kind.template.en] {
            for placeholder in Self.placeholders(text) where !names.contains(placeholder) {
                issues.append("the template names {\(placeholder)}, which is not a field")
            }
        }
        return issues
    }

    /// The `{name}` placeholders of a template, in order.
    static func placeholders(_ text: String) -> [String] {
        var result: [String] = []
        var current: String?
        for character in text {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                result.append(name)
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        return result
    }
}

/// A certificate catalog that failed validation, with every problem found.
public struct CertificateCatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    public let issues: [String]
    public var description: String { "certificate catalog refused:\n" + self.issues.joined(separator: "\n") }
}
