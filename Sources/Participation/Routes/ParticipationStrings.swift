import Platform

/// The interface strings of the participation pages (`{{t.p_…}}`), in Chinese and English.
enum ParticipationStrings {
    static let pairs: [String: (String, String)] = [
        "p_title": ("社区议事", "Community participation"),
        "p_votes": ("表决", "Votes"),
        "p_campaigns": ("模拟搬迁征询", "Consent campaigns"),
        "p_proposals": ("居民提议", "Proposals"),
        "p_bodies": ("居民议事会与监委会", "Council and supervisory committee"),
        "p_none": ("暂无。", "None yet."),
        "p_open_until": ("截止", "Closes"),
        "p_turnout": ("参与", "Turnout"),
        "p_eligible": ("有权投票", "Eligible"),
        "p_result": ("结果", "Result"),
        "p_passed": ("通过", "Passed"),
        "p_not_passed": ("未通过", "Not passed"),
        "p_quorum_missed": ("未达到法定人数", "Quorum not reached"),
        "p_cast": ("投票", "Cast my ballot"),
        "p_can_act": ("您可以参与：", "You may take part:"),
        "p_cannot_act": ("您暂时不能参与：", "You cannot take part yet:"),
        "p_sign_in": ("登录后参与", "Sign in to take part"),
        "p_conditions": ("参与条件", "Who may take part"),
        "p_secret_note": (
            "无记名投票：服务器为您的盲化凭证签名，投票请求不带账号，任何人都无法把选票和您对应。请保存回执编号。",
            "Secret ballot: the server signs your blinded token and the ballot is cast without your account, so nobody can link it to you. Keep your receipt number."
        ),
        "p_noscript": (
            "无记名投票需要在浏览器里完成盲化计算，请开启 JavaScript，或使用市民云 App。",
            "The secret ballot blinds your token in the browser: turn JavaScript on, or use the CitizenCloud app."
        ),
        "p_receipt": ("核对回执", "Check a receipt"),
        "p_receipt_label": ("回执编号（凭证哈希）", "Receipt number (token hash)"),
        "p_receipt_found": ("已找到您的选票，已计入：", "Your ballot is stored and counted:"),
        "p_receipt_missing": ("公布的选票中没有这个编号。", "No published ballot has this number."),
        "p_check": ("核对", "Check"),
        "p_signed": ("已签约", "Signed"),
        "p_households": ("户", "households"),
        "p_threshold": ("门槛", "Threshold"),
        "p_missing": ("还差", "Still needed"),
        "p_deadline": ("截止时间", "Deadline"),
        "p_sign": ("代表本户签约", "Sign for my household"),
        "p_withdraw": ("撤回签约", "Withdraw my signature"),
        "p_outcome_succeeded": ("征询成功：达到门槛，结果已确定。", "Succeeded: the threshold was reached; the outcome is final."),
        "p_outcome_failed": ("征询未成功：未达到门槛，结果已确定。", "Failed: the threshold was not reached; the outcome is final."),
        "p_support": ("支持并关注", "Support and follow"),
        "p_unsupport": ("取消支持", "Withdraw support"),
        "p_supports": ("支持", "supports"),
        "p_cost": ("估算费用", "Estimated cost"),
        "p_place": ("地点", "Place"),
        "p_answer": ("议事会答复", "The council's answer"),
        "p_status_open": ("征集支持中", "Collecting supports"),
        "p_status_on_agenda": ("已列入议事会议程", "On the council's agenda"),
        "p_status_accepted": ("已采纳", "Accepted"),
        "p_status_rejected": ("已驳回", "Rejected"),
        "p_status_merged": ("已合并", "Merged"),
        "p_term": ("任期", "Term"),
        "p_chosen": ("产生方式", "Chosen"),
        "p_pos_chair": ("主任", "Chair"),
        "p_pos_vice_chair": ("副主任", "Vice-chair"),
        "p_pos_secretary": ("秘书", "Secretary"),
        "p_pos_member": ("成员", "Member"),
        "p_console": ("社区议事管理", "Participation"),
        "p_paper": ("纸质选票录入（双人录入）", "Paper ballots (double entry)"),
        "p_station": ("投票点", "Polling station"),
        "p_counts": ("各选项票数", "Votes per option"),
        "p_ballots": ("票箱中的选票数", "Ballots in the box"),
        "p_roll": ("名册（登记编号，逗号分隔）", "Roll (register ids, comma-separated)"),
        "p_enter": ("录入", "Enter"),
        "p_batches": ("已录入", "Entered"),
        "p_pending": ("待第二人录入", "Awaiting second entry"),
        "p_confirmed": ("已确认", "Confirmed"),
        "p_certify": ("认证结果", "Certify the result"),
        "p_answer_action": ("答复", "Answer"),
        "p_reason": ("理由", "Reason"),
        "p_merged_into": ("并入提议编号", "Merge into proposal id"),
        "p_my_community": ("我的社区", "My community"),
        "p_verify_first": (
            "完成与户籍一致的实名核验后，即可参与本社区议事。", "Verify your identity against the register to take part in your community."
        ),
    ]

    /// The table for a locale.
    static func table(for locale: AppLocale) -> [String: String] {
        self.pairs.mapValues { locale.pick(zh: $0.0, en: $0.1) }
    }
}
