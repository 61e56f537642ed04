import SQLKit

/// Tells a resident that their application changed status, in the same transaction as the change.
///
/// The one place the service hall notifies residents. The texts are final; the delivery is the `Notifications`
/// context's outbox, which the lead adds to main: until then the draft is composed but not enqueued (see the
/// marked line).
enum ResidentNotice {
    /// What the notice says.
    struct Draft: Sendable, Equatable {
        let accountID: String
        let topic: String
        let titleZh: String
        let titleEn: String
        let bodyZh: String
        let bodyEn: String
        let link: String
    }

    static func draft(_ application: Application, to status: ApplicationStatus, reason: String?) -> Draft {
        let name = application.serviceName
        var bodyZh = "你申请的“\(name.zh)”（\(application.id)）\(status.label.zh)。"
        var bodyEn = "Your application for '\(name.en)' (\(application.id)) is now: \(status.label.en)."
        if status == .rejected, let reason {
            bodyZh += "原因：\(reason)"
            bodyEn += " Reason: \(reason)"
        }
        if status.isFinished {
            bodyZh += "欢迎对办理情况作出评价。"
            bodyEn += " Please rate how it was handled."
        }
        return Draft(
            accountID: application.accountID, topic: "application.\(status.rawValue)",
            titleZh: "办件\(status.label.zh)：\(name.zh)", titleEn: "Application \(status.label.en.lowercased()): \(name.en)",
            bodyZh: bodyZh, bodyEn: bodyEn, link: "/me/applications/\(application.id)")
    }

    static func statusChanged(
        _ application: Application, to status: ApplicationStatus, reason: String?, on sql: any SQLDatabase
    ) async throws {
        let draft = self.draft(application, to: status, reason: reason)
        // NOTIFICATIONS: once `Notifications` is on main, enqueue here:
        // try await Notifier().enqueue(NotificationDraft(accountID: draft.accountID, topic: draft.topic,
        //     titleZh: draft.titleZh, titleEn: draft.titleEn, bodyZh: draft.bodyZh, bodyEn: draft.bodyEn,
        //     link: draft.link, channels: [.inbox, .sms]), on: sql)
        _ = (draft, sql)
    }
}
