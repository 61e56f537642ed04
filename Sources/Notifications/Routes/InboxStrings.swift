import Platform

/// The interface strings of the inbox page.
enum InboxStrings {
    static func table(for locale: AppLocale) -> [String: String] {
        locale == .zh ? zh : en
    }

    static let zh: [String: String] = [
        "inbox_title": "我的消息",
        "inbox_unread": "条未读",
        "inbox_mark_all": "全部标为已读",
        "inbox_open": "查看",
        "inbox_empty": "还没有消息。办事进度、预约和缴费结果会在这里通知你。",
        "inbox_more": "更早的消息",
        "inbox_new": "新",
    ]

    static let en: [String: String] = [
        "inbox_title": "My notifications",
        "inbox_unread": "unread",
        "inbox_mark_all": "Mark all as read",
        "inbox_open": "Open",
        "inbox_empty": "No notifications yet. Progress on your applications, appointments and payments appears here.",
        "inbox_more": "Older notifications",
        "inbox_new": "New",
    ]
}
