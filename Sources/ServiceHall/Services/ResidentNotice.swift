import Notifications
import Platform
import SQLKit

/// Tells a resident that their application changed status, in the same transaction as the change: an inbox
/// message and an SMS through the notifications context's outbox.
enum ResidentNotice {
    static func draft(_ application: Application, to status: ApplicationStatus, reason: String?) -> NotificationDraft {
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
        return NotificationDraft(
            accountID: application.accountID, topic: "application.\(status.rawValue)",
            titleZh: "办件\(status.label.zh)：\(name.zh)",
            titleEn: "Application \(status.label.en.lowercased()): \(name.en)",
            bodyZh: bodyZh, bodyEn: bodyEn, link: "/me/applications/\(application.id)", channels: [.inbox, .sms])
    }

    static func statusChanged(
        _ application: Application, to status: ApplicationStatus, reason: String?, on sql: any SQLDatabase
    ) async throws {
        try await Notifier().enqueue(self.draft(application, to: status, reason: reason), on: sql)
    }
}
