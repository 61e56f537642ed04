import Logging
import Platform
import ServiceLifecycle

/// Fixes the outcome of consent campaigns whose deadline passed, every 30 seconds, so the outcome event goes out
/// even when nobody looks at the campaign (reading one past its deadline fixes it at once).
struct CampaignDeadlineService: Service {
    let campaigns: CampaignService
    let logger: Logger

    func run() async throws {
        try await PeriodicWork.run(every: .seconds(30), logger: self.logger, failure: "participation.deadlines_failed")
        {
            try await self.campaigns.decideDue()
        }
    }
}
