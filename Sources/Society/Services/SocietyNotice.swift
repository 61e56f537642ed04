import Notifications
import Platform

/// The notifications the society context sends: promotions from the waitlist, shift reminders and hour reviews.
enum SocietyNotice {
    /// A place came free and the volunteer moved up from the waitlist.
    static func promoted(_ signup: Signup, title: String, startsAt: Int64) -> NotificationDraft {
        let when = CityClock.localDateTime(startsAt)
        return NotificationDraft(
            accountID: signup.accountID, topic: "society.signup.promoted", titleZh: "候补转正：\(title)",
            titleEn: "Off the waitlist: \(title)", bodyZh: "有名额空出，您已确认参加\(when)开始的班次。",
            bodyEn: "A place came free: you are confirmed for the shift starting \(when).", link: "/society/me",
            channels: [.inbox, .sms])
    }

    /// The shift starts within a day.
    static func reminder(_ signup: Signup, title: String, startsAt: Int64) -> NotificationDraft {
        let when = CityClock.localDateTime(startsAt)
        return NotificationDraft(
            accountID: signup.accountID, topic: "society.shift.reminder", titleZh: "志愿服务提醒：\(title)",
            titleEn: "Volunteering reminder: \(title)", bodyZh: "您报名的班次将于\(when)开始，请到现场扫码签到。",
            bodyEn: "Your shift starts \(when); scan the QR code at the place to check in.", link: "/society/me",
            channels: [.inbox, .sms])
    }

    /// The organizer verified or disputed reported hours.
    static func reviewed(_ record: HourRecord, title: String, verified: Bool, note: String) -> NotificationDraft {
        let hours = SocietyFormat.hours(Int64(record.minutes))
        return NotificationDraft(
            accountID: record.accountID, topic: verified ? "society.hours.verified" : "society.hours.disputed",
            titleZh: verified ? "服务时长已认证：\(title)" : "服务时长有异议：\(title)",
            titleEn: verified ? "Hours verified: \(title)" : "Hours disputed: \(title)",
            bodyZh: verified ? "组织方已认证您的\(hours)小时服务时长。" : "组织方对您申报的\(hours)小时有异议：\(note)",
            bodyEn: verified
                ? "The organizer verified your \(hours) hours." : "The organizer disputes your \(hours) hours: \(note)",
            link: "/society/me/hours")
    }

    /// A milestone of verified hours was reached.
    static func milestone(_ accountID: String, hours: Int) -> NotificationDraft {
        NotificationDraft(
            accountID: accountID, topic: "society.recognition", titleZh: "志愿服务满\(hours)小时",
            titleEn: "\(hours) volunteer hours", bodyZh: "感谢您！您的认证志愿服务时长已达\(hours)小时。",
            bodyEn: "Thank you! Your verified volunteer hours have reached \(hours).", link: "/society/me/hours")
    }
}

/// Number formats of the society pages and notices.
enum SocietyFormat {
    /// Minutes as hours with one decimal (`2.5`).
    static func hours(_ minutes: Int64) -> String {
        let tenths = (minutes * 10 + 30) / 60
        return "\(tenths / 10).\(tenths % 10)"
    }
}
