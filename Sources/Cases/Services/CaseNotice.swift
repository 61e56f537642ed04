import Notifications
import Platform

/// The notice a reporter or follower gets for each change of a case (inbox; SMS for the report and resolution).
enum CaseNotice {
    static func draft(for record: CaseRecord, event: CaseEvent, to account: String) -> NotificationDraft {
        let status = record.status.label
        let short = String(record.description.prefix(30))
        let sms = event.command == "report" || event.command == "resolve"
        return NotificationDraft(
            accountID: account, topic: "case.\(event.command)",
            titleZh: "诉求进展：\(status.zh)", titleEn: "Case update: \(status.en)",
            bodyZh: "您的诉求“\(short)”\(Self.verbZh(event.command))。\(event.note.isEmpty ? "" : "说明：\(event.note)")",
            bodyEn:
                "Your case \"\(short)\" \(Self.verbEn(event.command)).\(event.note.isEmpty ? "" : " Note: \(event.note)")",
            link: "/cases/\(record.id)", channels: sms ? [.inbox, .sms] : [.inbox])
    }

    static func verbZh(_ command: String) -> String {
        switch command {
        case "report": "已受理"
        case "accept": "已签收"
        case "start": "正在办理"
        case "resolve": "已办结，请确认"
        case "confirm": "已确认办结"
        case "reopen": "已重新办理"
        case "close": "已关闭"
        case "escalate": "已上报上级协调"
        case "transfer": "已转办"
        case "decide": "已由联席会议研究决定"
        case "revisit": "已回访"
        case "remind": "临近办理时限"
        default: "有新进展"
        }
    }

    static func verbEn(_ command: String) -> String {
        switch command {
        case "report": "was received"
        case "accept": "was accepted"
        case "start": "is being handled"
        case "resolve": "was resolved; please confirm"
        case "confirm": "was confirmed"
        case "reopen": "was reopened"
        case "close": "was closed"
        case "escalate": "was escalated to the level above"
        case "transfer": "was transferred"
        case "decide": "was decided by a joint meeting"
        case "revisit": "got a revisit call"
        case "remind": "is close to its deadline"
        default: "changed"
        }
    }
}

extension CaseNotice {
    /// What a history row says, in the reader's language.
    static func verb(_ command: String, _ locale: AppLocale) -> String {
        locale.pick(zh: self.verbZh(command), en: self.verbEn(command))
    }
}
