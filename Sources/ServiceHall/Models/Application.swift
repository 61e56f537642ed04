import Platform

/// Where an application (办件) stands. Staff move it forward one step at a time (see ``HandlingAction``).
public enum ApplicationStatus: String, Codable, Sendable, CaseIterable {
    case submitted
    case accepted
    case inReview = "in_review"
    case approved
    case rejected
    case completed

    /// Completed or rejected: nothing more happens, and the resident may rate it.
    public var isFinished: Bool { self == .completed || self == .rejected }

    /// The status in words.
    public var label: LocalizedText {
        switch self {
        case .submitted: LocalizedText(zh: "已提交", en: "Submitted")
        case .accepted: LocalizedText(zh: "已受理", en: "Accepted")
        case .inReview: LocalizedText(zh: "审核中", en: "In review")
        case .approved: LocalizedText(zh: "已批准", en: "Approved")
        case .rejected: LocalizedText(zh: "未通过", en: "Rejected")
        case .completed: LocalizedText(zh: "已办结", en: "Completed")
        }
    }
}

/// What a member of staff does to an application.
public enum HandlingAction: String, Codable, Sendable, CaseIterable {
    case accept, review, approve, reject, complete

    /// The status the action leads to from `status`, nil when the action is not allowed there.
    ///
    /// submitted → accepted → in review → approved → completed; an application may be rejected (with a reason)
    /// when submitted (not accepted) or in review.
    public func target(from status: ApplicationStatus) -> ApplicationStatus? {
        switch (self, status) {
        case (.accept, .submitted): .accepted
        case (.review, .accepted): .inReview
        case (.approve, .inReview): .approved
        case (.reject, .submitted), (.reject, .inReview): .rejected
        case (.complete, .approved): .completed
        default: nil
        }
    }

    /// The action in words (console buttons).
    public var label: LocalizedText {
        switch self {
        case .accept: LocalizedText(zh: "受理", en: "Accept")
        case .review: LocalizedText(zh: "开始审核", en: "Start review")
        case .approve: LocalizedText(zh: "批准", en: "Approve")
        case .reject: LocalizedText(zh: "不予通过", en: "Reject")
        case .complete: LocalizedText(zh: "办结", en: "Complete")
        }
    }
}

/// One step of an application's timeline.
public struct ApplicationStep: Sendable, Equatable {
    public let status: ApplicationStatus
    /// Unix seconds.
    public let at: Int64
    /// The account that took the step (the resident for `submitted`, a member of staff afterwards).
    public let handlerID: String?
    /// The reason of a rejection, or a note.
    public let note: String?
}

/// A resident's rating (好差评) of a finished application.
public struct Rating: Sendable, Equatable {
    /// 1–5 stars.
    public let stars: Int
    public let comment: String
    public let ratedAt: Int64
}

/// An application a resident submitted for a service, with its timeline.
public struct Application: Sendable, Equatable {
    public let id: String
    public let serviceID: String
    public let departmentID: String
    /// The service's name when it was submitted (a later catalog may rename or drop the service).
    public let serviceName: LocalizedText
    public let accountID: String
    public let status: ApplicationStatus
    /// The form's values, by field name, as validated.
    public let form: [String: String]
    public let submittedAt: Int64
    /// The end of the promised time.
    public let dueAt: Int64
    public let updatedAt: Int64
    public let finishedAt: Int64?
    /// Why it was rejected.
    public let reason: String?
    public var steps: [ApplicationStep]
    public var rating: Rating?

    /// Whether it missed (or, unfinished, is already past) its promised time.
    public func isOverdue(now: Int64) -> Bool {
        if let finishedAt { return finishedAt > self.dueAt }
        return now > self.dueAt
    }
}
