import Platform

/// The view model of a community's participation page: votes, campaigns, proposals and the two bodies.
struct CommunityPageModel {
    /// A vote in a listing.
    struct VoteRow {
        let id: String
        let title: String
        let closes: String
        let phase: String
        let open: Bool
    }

    /// A campaign in a listing, with its live count.
    struct CampaignRow {
        let id: String
        let title: String
        let signed: Int
        let households: Int
        let percent: Int
        let state: String
    }

    /// A proposal in a listing.
    struct ProposalRow {
        let id: String
        let title: String
        let supports: Int
        let status: String
    }

    /// A council meeting in a listing.
    struct MeetingRow {
        let id: String
        let title: String
        let when: String
        let place: String
        let status: String
    }

    /// A review of the supervisory committee.
    struct ReviewRow {
        let id: String
        let subject: String
        let link: String
        let reason: String
        let finding: String?
        /// Whether the viewer (a committee member) may publish its finding.
        let open: Bool
    }

    /// Something a committee member may flag.
    struct Subject {
        let value: String
        let label: String
    }

    /// A body with its members.
    struct BodyRow {
        let name: String
        let term: String
        let chosenHow: String
        let members: [MemberRow]
    }

    /// A member of a body.
    struct MemberRow {
        let name: String
        let position: String
    }

    let code: String
    let name: String
    let votes: [VoteRow]
    let campaigns: [CampaignRow]
    let proposals: [ProposalRow]
    let meetings: [MeetingRow]
    let bodies: [BodyRow]
    let reviews: [ReviewRow]
    let subjects: [Subject]
    let supervisor: Bool
    let error: String?
    let hasVotes: Bool
    let hasCampaigns: Bool
    let hasProposals: Bool
    let hasMeetings: Bool
    let hasReviews: Bool
    let hasBodies: Bool

    static func vote(_ vote: Vote, now: Int64, strings: [String: String], locale: AppLocale) -> VoteRow {
        VoteRow(
            id: vote.id, title: vote.title.pick(locale), closes: CityClock.localDateTime(vote.closesAt),
            phase: strings["p_phase_" + vote.phase(at: now).rawValue] ?? "", open: vote.phase(at: now) == .open)
    }

    static func body(_ body: Body, strings: [String: String], locale: AppLocale) -> BodyRow {
        BodyRow(
            name: body.name.pick(locale), term: "\(body.termStart) – \(body.termEnd)", chosenHow: body.chosenHow,
            members: body.members.map {
                MemberRow(name: $0.name, position: strings["p_pos_" + $0.position.rawValue] ?? $0.position.rawValue)
            })
    }
}

/// The view model of a vote's page.
struct VotePageModel {
    /// An option with its count once the vote closed.
    struct OptionRow {
        let index: Int
        let label: String
        let count: Int?
        let multiple: Bool
    }

    let id: String
    let communityCode: String
    let title: String
    let description: String
    let opens: String
    let closes: String
    let phase: String
    let open: Bool
    let closed: Bool
    let options: [OptionRow]
    let conditions: [String]
    let signedIn: Bool
    let eligible: Bool
    let refusal: String?
    let turnout: Int
    let eligibleCount: Int
    let passed: Bool
    let quorumMissed: Bool
    let receiptQuery: String?
    let receiptFound: String?
    let receiptMissing: Bool
    let maxChoices: Int
    let publicKey: String
}

/// The view model of a campaign's page.
struct CampaignPageModel {
    let id: String
    let communityCode: String
    let title: String
    let description: String
    let buildings: String
    let deadline: String
    let signed: Int
    let households: Int
    let percent: Int
    let threshold: Int
    let missing: Int
    let open: Bool
    let succeeded: Bool
    let failed: Bool
    let signedIn: Bool
    let eligible: Bool
    let refusal: String?
    let mySigned: Bool
}

/// The view model of a proposal's page.
struct ProposalPageModel {
    let id: String
    let communityCode: String
    let title: String
    let body: String
    let place: String
    let cost: String
    let supports: Int
    let threshold: Int
    let status: String
    let answerable: Bool
    let answer: String?
    let signedIn: Bool
    let eligible: Bool
    let refusal: String?
}

/// `¥1,234.56` for an amount in fen.
func yuan(_ fen: Int64) -> String {
    let yuan = fen / 100
    let cents = fen % 100
    var digits = String(yuan)
    var grouped = ""
    while digits.count > 3 {
        grouped = "," + digits.suffix(3) + grouped
        digits = String(digits.dropLast(3))
    }
    return "¥" + digits + grouped + "." + (cents < 10 ? "0" : "") + String(cents)
}
