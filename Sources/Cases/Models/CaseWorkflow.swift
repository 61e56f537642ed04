import Platform

/// Where a case stands in the 12345 cycle: received → accepted → in progress → resolved → confirmed → closed.
public enum CaseStatus: String, Codable, Sendable, CaseIterable {
    case received
    case accepted
    case inProgress = "in_progress"
    case resolved
    case confirmed
    case closed

    /// Whether the case still waits for its handlers (not resolved or later).
    public var isOpen: Bool { self == .received || self == .accepted || self == .inProgress }

    /// The label shown to people.
    public var label: LocalizedText {
        switch self {
        case .received: LocalizedText(zh: "已受理", en: "Received")
        case .accepted: LocalizedText(zh: "已签收", en: "Accepted")
        case .inProgress: LocalizedText(zh: "办理中", en: "In progress")
        case .resolved: LocalizedText(zh: "已办结待确认", en: "Resolved")
        case .confirmed: LocalizedText(zh: "居民已确认", en: "Confirmed")
        case .closed: LocalizedText(zh: "已关闭", en: "Closed")
        }
    }
}

/// The four levels of the chessboard that may own a case, bottom up.
public enum CaseLevel: String, Codable, Sendable, CaseIterable, Comparable {
    case community, street, district, city

    /// The level a case escalates to; nil at the city.
    public var next: CaseLevel? {
        switch self {
        case .community: .street
        case .street: .district
        case .district: .city
        case .city: nil
        }
    }

    /// The level of a division code of this city (12 digits community, 9 street, 6 district, `xxxx00` city).
    public static func of(code: String) -> CaseLevel? {
        switch code.utf8.count {
        case 12: .community
        case 9: .street
        case 6: code.hasSuffix("00") ? .city : .district
        default: nil
        }
    }

    public static func < (a: CaseLevel, b: CaseLevel) -> Bool {
        Self.allCases.firstIndex(of: a)! < Self.allCases.firstIndex(of: b)!
    }
}

/// Who asks for a transition.
public enum CaseActor: String, Codable, Sendable, CaseIterable {
    /// An official of a division (community worker … city officer) whose scope holds the owning division.
    case official
    /// Staff of the department the case is assigned to.
    case department
    /// The resident who reported the case.
    case reporter
    /// The platform itself (overdue escalation, reminders, routing).
    case system
}

/// What can be asked of a case; ``CaseWorkflow`` says when and by whom.
public enum CaseCommand: String, Codable, Sendable, CaseIterable {
    case accept, start, resolve, confirm, reopen, close, escalate, transfer
}

/// The case workflow as a pure function of (status, level, command, actor): no storage, no clock.
public enum CaseWorkflow {
    /// Why a transition is refused.
    public enum Refusal: Error, Equatable, Sendable {
        /// The command does not apply in the current status.
        case invalidTransition(from: CaseStatus, command: CaseCommand)
        /// This kind of actor may not give the command.
        case notAllowed(actor: CaseActor, command: CaseCommand)
        /// The city is the top of the chessboard.
        case cannotEscalateFurther
    }

    /// The actors who may give each command.
    public static func actors(for command: CaseCommand) -> Set<CaseActor> {
        switch command {
        case .accept, .start, .resolve, .transfer: [.official, .department]
        case .confirm, .reopen: [.reporter]
        case .close: [.official]
        case .escalate: [.official, .system]
        }
    }

    /// The statuses each command may leave from.
    public static func sources(for command: CaseCommand) -> Set<CaseStatus> {
        switch command {
        case .accept: [.received]
        case .start: [.accepted]
        case .resolve: [.accepted, .inProgress]
        case .confirm, .reopen: [.resolved]
        case .close: [.resolved, .confirmed]
        case .escalate: [.received, .accepted, .inProgress]
        case .transfer: [.received, .accepted]
        }
    }

    /// The status and owning level after `command`, or the refusal.
    public static func apply(
        _ command: CaseCommand, by actor: CaseActor, status: CaseStatus, level: CaseLevel
    ) -> Result<(status: CaseStatus, level: CaseLevel), Refusal> {
        guard self.actors(for: command).contains(actor) else {
            return .failure(.notAllowed(actor: actor, command: command))
        }
        guard self.sources(for: command).contains(status) else {
            return .failure(.invalidTransition(from: status, command: command))
        }
        switch command {
        case .accept: return .success((.accepted, level))
        case .start: return .success((.inProgress, level))
        case .resolve: return .success((.resolved, level))
        case .confirm: return .success((.confirmed, level))
        case .reopen: return .success((.inProgress, level))
        case .close: return .success((.closed, level))
        case .transfer: return .success((.received, level))
        case .escalate:
            guard let next = level.next else { return .failure(.cannotEscalateFurther) }
            return .success((.received, next))
        }
    }
}
