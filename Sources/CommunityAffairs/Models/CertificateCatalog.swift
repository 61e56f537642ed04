import Platform

/// The permitted list of community certificates (社区证明事项保留清单) and the common requests that are no longer
/// community work, as imported from `certificate-catalog.json`.
public struct CertificateCatalog: Codable, Sendable, Equatable {
    public let version: Int
    public let kinds: [CertificateKind]
    public let notCommunityWork: [NotCommunityWork]

    /// The kind with this id, if it is on the list.
    public func kind(_ id: String) -> CertificateKind? { self.kinds.first { $0.id == id } }

    /// The refused request with this id, if the catalog names it.
    public func redirect(_ id: String) -> NotCommunityWork? { self.notCommunityWork.first { $0.id == id } }
}

/// One kind of certificate a community may issue.
public struct CertificateKind: Codable, Sendable, Equatable {
    public let id: String
    public let name: LocalizedText
    public let summary: LocalizedText
    /// Who may request it.
    public let requester: Requester
    /// The assurance level the resident needs (2: real name; 3: confirmed in person).
    public let level: Int
    /// What the community checks before it issues.
    public let checks: [LocalizedText]
    /// How long an issued certificate is valid.
    public let validityDays: Int
    /// The promised time for the review, in working days.
    public let promisedDays: Int
    /// The document's fields, in order.
    public let fields: [CertificateField]
    /// The document's text; `{field}` stands for a field's value.
    public let template: LocalizedText

    /// Who may request a kind of certificate.
    public enum Requester: String, Codable, Sendable, CaseIterable {
        /// A resident registered in the community, about themselves.
        case `self`
        /// Any registered member of the household, about the household.
        case householdMember
        /// Only the head of the household.
        case householdHead
    }

    /// The fields the resident types in (`source: input`).
    public var inputs: [CertificateField] { self.fields.filter { $0.source == .input } }
}

/// One field of a certificate and where its value comes from.
public struct CertificateField: Codable, Sendable, Equatable {
    public let name: String
    public let label: LocalizedText
    public let source: Source
    /// Whether the document shows the value masked (ID numbers).
    public let masked: Bool?
    /// The longest value a resident may type (inputs only).
    public let maxLength: Int?

    /// Where a field's value comes from.
    public enum Source: String, Codable, Sendable, CaseIterable {
        case name, idNumber, gender, birthDate, address, householdMembers, householdSize, input
    }
}

/// A request that communities no longer handle, with the department that does.
public struct NotCommunityWork: Codable, Sendable, Equatable {
    public let id: String
    public let name: LocalizedText
    /// The department's id in the service catalog.
    public let department: String
    /// The service of the service catalog that handles it.
    public let service: String
    public let reason: LocalizedText
}
