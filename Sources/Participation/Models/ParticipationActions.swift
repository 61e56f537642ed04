import Platform

/// The participation context's actions for officials and the roles that may perform them, always inside the
/// official's division scope (a community lies inside its street's and district's scope).
extension Action {
    /// Set up councils, committees and their members, votes, proposal processes and consent campaigns.
    public static let manageParticipation = Action(
        "participation.manage", roles: [.communityWorker, .streetOfficer, .districtOfficer, .platformAdmin])
    /// Enter and confirm paper ballots (double entry by two different officials) and certify a vote's result.
    public static let countPaperBallots = Action(
        "participation.paper_ballots", roles: [.communityWorker, .streetOfficer, .platformAdmin])
    /// Answer proposals for the council (accepted, rejected with a reason, merged).
    public static let answerProposals = Action(
        "participation.proposals.answer", roles: [.communityWorker, .streetOfficer, .platformAdmin])
}
