import Platform

/// A resident's request for a community certificate, from submission to a decision.
public struct CertificateRequest: Sendable, Equatable, Codable {
    public let id: String
    public let kindID: String
    public let accountID: String
    public let residentID: Int64
    public let householdID: Int64
    /// The community that reviews it: the one the resident is registered in.
    public let communityCode: String
    public let status: Status
    /// What the resident typed for the kind's input fields.
    public let inputs: [String: String]
    public let createdAt: Int64
    public let updatedAt: Int64
    /// When the community promised a decision.
    public let dueAt: Int64
    /// The reason of a rejection or what more is asked for.
    public let note: String?
    /// The number of the certificate issued for it.
    public let certificateNumber: String?

    /// Where a request stands.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Waiting for the community's review.
        case submitted
        /// The community asked for more; waiting for the resident.
        case needsMore = "needs_more"
        /// Approved and the certificate issued.
        case issued
        case rejected

        /// The status as people read it.
        public var label: LocalizedText {
            switch self {
            case .submitted: LocalizedText(zh: "待审核", en: "Waiting for review")
            case .needsMore: LocalizedText(zh: "需补充材料", en: "More needed")
            case .issued: LocalizedText(zh: "已出具", en: "Issued")
            case .rejected: LocalizedText(zh: "不予出具", en: "Rejected")
            }
        }
    }
}

/// One step of a request's timeline.
public struct RequestEvent: Sendable, Equatable, Codable {
    public let action: String
    public let actor: String
    public let note: String?
    public let at: Int64

    /// The step as people read it.
    public var label: LocalizedText {
        switch self.action {
        case "submit": LocalizedText(zh: "提交申请", en: "Submitted")
        case "approve": LocalizedText(zh: "审核通过，出具证明", en: "Approved and issued")
        case "reject": LocalizedText(zh: "不予出具", en: "Rejected")
        case "more": LocalizedText(zh: "要求补充", en: "More asked for")
        case "supplement": LocalizedText(zh: "补充说明", en: "Supplemented")
        case "revoke": LocalizedText(zh: "证明已撤销", en: "Certificate revoked")
        default: LocalizedText(zh: self.action, en: self.action)
        }
    }
}

/// A reviewer's decision on a request.
public enum ReviewDecision: String, Sendable, CaseIterable {
    case approve, reject, more
}
