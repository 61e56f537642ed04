import Hummingbird
import Platform
import ServiceHall

/// The permitted list and the refused requests, as the API shows them.
struct CatalogView: Codable, ResponseEncodable {
    /// A kind of certificate.
    struct Kind: Codable {
        /// A field the resident fills in.
        struct Input: Codable {
            let name: String
            let label: String
            let maxLength: Int
        }

        let id: String
        let name: String
        let summary: String
        let requester: String
        let level: Int
        let checks: [String]
        let validityDays: Int
        let promisedDays: Int
        let inputs: [Input]
    }

    /// A request communities no longer handle.
    struct Refused: Codable {
        let id: String
        let name: String
        let department: String
        let departmentName: String
        let service: String
        let serviceUrl: String
        let reason: String
    }

    let version: Int
    let kinds: [Kind]
    let notCommunityWork: [Refused]

    init(_ catalog: CertificateCatalog, services: CatalogSnapshot?, locale: AppLocale) {
        self.version = catalog.version
        self.kinds = catalog.kinds.map { kind in
            Kind(
                id: kind.id, name: kind.name.pick(locale), summary: kind.summary.pick(locale),
                requester: kind.requester.rawValue, level: kind.level, checks: kind.checks.map { $0.pick(locale) },
                validityDays: kind.validityDays, promisedDays: kind.promisedDays,
                inputs: kind.inputs.map {
                    Kind.Input(name: $0.name, label: $0.label.pick(locale), maxLength: $0.maxLength ?? 0)
                })
        }
        self.notCommunityWork = catalog.notCommunityWork.map { item in
            Refused(
                id: item.id, name: item.name.pick(locale), department: item.department,
                departmentName: services?.department(item.department)?.name.pick(locale) ?? item.department,
                service: item.service, serviceUrl: "/services/\(item.service)", reason: item.reason.pick(locale))
        }
    }
}
