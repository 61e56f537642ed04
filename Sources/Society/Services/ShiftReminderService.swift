import Logging
import Platform
import ServiceLifecycle

/// Reminds confirmed volunteers a day before their shift: one round a minute, each reminder claimed once (safe with
/// several nodes).
struct ShiftReminderService: Service {
    let service: VolunteerService
    let logger: Logger

    func run() async throws {
        try await PeriodicWork.run(every: .seconds(60), logger: self.logger, failure: "society.reminders.failed") {
            let sent = try await self.service.remindUpcoming()
            if sent > 0 { self.logger.info("society.reminders", metadata: ["sent": "\(sent)"]) }
        }
    }
}
