import HTTPTypes
import Platform

/// The problems the participation context answers with, each with a stable code. Refusals of eligibility say
/// what the resident lacks and where to get it.
public enum ParticipationProblem {
    public static func invalidField(_ field: String, zh: String, en: String) -> Problem {
        Problem(.badRequest, code: "invalid_field", zh: zh, en: en, extensions: ["field": field])
    }

    public static func levelRequired(_ level: Int) -> Problem {
        Problem(
            .forbidden, code: "level_required",
            zh: "需要实名认证等级 \(level)：请在“我的 → 实名认证”（/me）完成核验。",
            en: "You need verification level \(level): verify your identity under Me → Verification (/me).",
            extensions: ["level": "\(level)", "verify": "/me"])
    }

    public static let notInRegister = Problem(
        .forbidden, code: "register_match_required", zh: "户籍登记中找不到您，请先完成与户籍一致的实名核验。",
        en: "The household register does not list you; verify your real name against the register first.")
    public static let otherCommunity = Problem(
        .forbidden, code: "not_resident_of_community", zh: "只有户籍在本社区的居民可以参与。",
        en: "Only residents registered in this community may take part.")
    public static let householdHeadRequired = Problem(
        .forbidden, code: "household_head_required", zh: "只有户主可以代表本户参与。",
        en: "Only the head of the household may act for it.")
    public static let buildingRequired = Problem(
        .forbidden, code: "building_required", zh: "只有所列楼栋的住户可以参与。",
        en: "Only households of the listed buildings may take part.")
    public static let councilMemberRequired = Problem(
        .forbidden, code: "council_member_required", zh: "只有居民议事会成员可以参与。",
        en: "Only members of the residents' council may take part.")
    public static let residentsOnly = Problem(
        .forbidden, code: "residents_only", zh: "只有居民账号可以参与。", en: "Only resident accounts may take part.")

    public static let communityNotFound = Problem.notFound(
        code: "community_not_found", zh: "找不到该社区。", en: "No such community.")
    public static let voteNotFound = Problem.notFound(code: "vote_not_found", zh: "找不到该表决。", en: "No such vote.")
    public static let bodyNotFound = Problem.notFound(
        code: "body_not_found", zh: "找不到该议事会或监委会。", en: "No such council or committee.")
    public static let ballotNotFound = Problem.notFound(
        code: "ballot_not_found", zh: "公布的选票中没有该凭证。", en: "No published ballot has this token.")

    public static let voteNotOpen = Problem(
        .conflict, code: "vote_not_open", zh: "该表决尚未开始。", en: "This vote has not opened yet.")
    public static let voteClosed = Problem(
        .conflict, code: "vote_closed", zh: "该表决已截止。", en: "This vote has closed.")
    public static let voteStillOpen = Problem(
        .conflict, code: "vote_still_open", zh: "表决截止后才能公布选票和认证结果。",
        en: "Ballots are published and the result certified only after the vote closes.")
    public static let alreadyCertified = Problem(
        .conflict, code: "vote_certified", zh: "该表决结果已认证，不能再更改。",
        en: "This vote's result is certified; it can no longer change.")
    public static let tokenAlreadyIssued = Problem(
        .conflict, code: "token_already_issued", zh: "您（或您的户）已领取过本次表决的投票凭证。",
        en: "You (or your household) already received a ballot token for this vote.")
    public static let votedOnPaper = Problem(
        .conflict, code: "voted_on_paper", zh: "您（或您的户）已投纸质选票。",
        en: "You (or your household) already voted on paper.")
    public static let invalidToken = Problem(
        .forbidden, code: "invalid_token", zh: "投票凭证无效。", en: "The ballot token is not valid.")
    public static let tokenUsed = Problem(
        .conflict, code: "token_already_used", zh: "该投票凭证已经投过票。", en: "This ballot token has already been used.")
    public static let invalidChoice = Problem(
        .unprocessableContent, code: "invalid_choice", zh: "所选选项不符合本次表决的规则。",
        en: "The choice does not fit this vote's rules.", extensions: ["field": "choices"])
    public static let sameOfficial = Problem(
        .conflict, code: "second_entry_same_official", zh: "纸质选票须由另一名工作人员第二次录入。",
        en: "The second entry of paper ballots must come from a different official.")
    public static let entriesDisagree = Problem(
        .conflict, code: "paper_entries_disagree", zh: "两次录入不一致，请核对纸质选票后重新录入。",
        en: "The two entries differ; check the paper ballots and enter them again.")
    public static let batchConfirmed = Problem(
        .conflict, code: "paper_batch_confirmed", zh: "该投票点的纸质选票已确认。",
        en: "This polling station's paper ballots are already confirmed.")
    public static let paperPending = Problem(
        .conflict, code: "paper_ballots_pending", zh: "还有纸质选票等待第二次录入。",
        en: "Some paper ballots still await their second entry.")
    public static let paperVoterOnline = Problem(
        .conflict, code: "paper_voter_voted_online", zh: "纸质选票名册中有人已在网上领取凭证。",
        en: "A voter on the paper roll already received an online token.")
}

extension ParticipationProblem {
    public static let campaignNotFound = Problem.notFound(
        code: "campaign_not_found", zh: "找不到该征询。", en: "No such consent campaign.")
    public static let householdNotListed = Problem(
        .forbidden, code: "household_not_listed", zh: "您的户不在本次征询的名单中。",
        en: "Your household is not on this campaign's list.")
    public static let campaignNotOpen = Problem(
        .conflict, code: "campaign_not_open", zh: "该征询尚未开始。", en: "This campaign has not opened yet.")
    public static let campaignClosed = Problem(
        .conflict, code: "campaign_closed", zh: "该征询已截止，结果已确定。",
        en: "This campaign has closed; its outcome is final.")
}

extension ParticipationProblem {
    public static let proposalNotFound = Problem.notFound(
        code: "proposal_not_found", zh: "找不到该提议。", en: "No such proposal.")
    public static let proposalAnswered = Problem(
        .conflict, code: "proposal_answered", zh: "议事会已答复该提议。", en: "The council has already answered this proposal.")
}

extension ParticipationProblem {
    public static let meetingNotFound = Problem.notFound(
        code: "meeting_not_found", zh: "找不到该会议。", en: "No such meeting.")
    public static let meetingNotPlanned = Problem(
        .conflict, code: "meeting_not_planned", zh: "会议已召开，不能再报名。",
        en: "The meeting has been held; registration is closed.")
    public static let meetingNotStarted = Problem(
        .conflict, code: "meeting_not_started", zh: "会议尚未开始，不能登记出席。", en: "The meeting has not started yet.")
    public static let meetingNotHeld = Problem(
        .conflict, code: "meeting_not_held", zh: "须先登记出席人数，且纪要未发布。",
        en: "Record the attendance first; the minutes must not be published yet.")
    public static let meetingDecided = Problem(
        .conflict, code: "meeting_decided", zh: "该事项已作出决定或纪要已发布。",
        en: "This item is decided or the minutes are published.")
    public static let meetingUndecided = Problem(
        .conflict, code: "meeting_undecided", zh: "还有议程事项没有决定。", en: "Some agenda items have no decision yet.")
    public static let meetingItemNotFound = Problem.notFound(
        code: "meeting_item_not_found", zh: "议程中没有该事项。", en: "The agenda has no such item.")

    /// 409: fewer present than the quorum, so no decision may be recorded.
    public static func quorumNotMet(_ quorum: Int, present: Int) -> Problem {
        Problem(
            .conflict, code: "quorum_not_met", zh: "出席 \(present) 人，未达法定人数 \(quorum) 人，不能作出决定。",
            en: "\(present) present, below the quorum of \(quorum): no decision can be taken.")
    }
}

extension ParticipationProblem {
    public static let reviewNotFound = Problem.notFound(
        code: "review_not_found", zh: "找不到该监督事项。", en: "No such review.")
    public static let reviewPublished = Problem(
        .conflict, code: "review_published", zh: "监督意见已发布。", en: "The finding of this review is published already.")
    public static let committeeMemberRequired = Problem(
        .forbidden, code: "committee_member_required", zh: "只有本社区监委会成员可以提请监督和发布监督意见。",
        en: "Only members of the community's supervisory committee may flag a review or publish its finding.")
}
