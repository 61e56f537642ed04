import Foundation
import Identity
import Platform
import Population
import ServiceLifecycle
import Territory

/// The participation context's front door: residents' councils and supervisory committees, secret-ballot votes
/// with paper ballots, and their API. Needs the identity context's ``ResidentRegistration`` and the register.
public struct ParticipationModule: ContextModule {
    public static let name = "participation"
    public static var migrations: [any Migration] { ParticipationMigrations.all }

    let platform: PlatformServices
    let divisions: DivisionRepository?
    let register: RegisterRepository
    let bodies: BodyRepository
    let eligibility: EligibilityChecker
    let votes: VoteService
    let paper: PaperBallotService
    let campaigns: CampaignService
    let proposals: ProposalService
    let meetings: MeetingService
    let reviews: ReviewService

    public init(platform: PlatformServices, ports: inout ModulePorts) throws {
        let register = try ports.require(RegisterRepository.self)
        self.platform = platform
        self.divisions = ports.optional(DivisionRepository.self)
        self.register = register
        self.bodies = BodyRepository(database: platform.database)
        self.eligibility = EligibilityChecker(
            registration: try ports.require(ResidentRegistration.self), register: register, bodies: self.bodies)
        self.votes = VoteService(platform: platform, eligibility: self.eligibility, register: register)
        self.paper = PaperBallotService(database: platform.database, votes: self.votes, register: register)
        self.campaigns = CampaignService(
            database: platform.database, eligibility: self.eligibility, register: register, outbox: platform.outbox)
        self.proposals = ProposalService(database: platform.database, eligibility: self.eligibility)
        self.meetings = MeetingService(
            database: platform.database, eligibility: self.eligibility, outbox: platform.outbox)
        self.reviews = ReviewService(database: platform.database)
        ports.publish(self.votes)
    }

    public var services: [any Service] {
        [CampaignDeadlineService(campaigns: self.campaigns, logger: self.platform.logger)]
    }

    public var templateDirectories: [String] { [ParticipationPages.templateDirectory] }

    public var navigation: [NavigationEntry] {
        [
            NavigationEntry(
                id: "nav-participation", label: LocalizedText(zh: "社区议事", en: "Participation"),
                path: "/participation", tab: .community, order: 30, signedInOnly: true)
        ]
    }

    public var actions: [Action] { [.manageParticipation, .countPaperBallots, .answerProposals] }

    public var openAPI: OpenAPIFragment? {
        Bundle.module.path(forResource: "openapi", ofType: "yaml").flatMap { try? OpenAPIFragment(contentsOf: $0) }
    }

    public var consoleMenu: [ConsoleMenuEntry] {
        let paper = self.paper.batches
        let proposals = self.proposals.proposals
        let meetings = self.meetings.meetings
        return [
            ConsoleMenuEntry(
                id: "menu-meetings-council", label: LocalizedText(zh: "议事会议", en: "Council meetings"),
                path: "/console/participation/meetings", action: .manageParticipation, order: 62,
                count: { principal in
                    try await meetings.plannedCount(communityPrefix: Authorization.scopePrefix(principal.scope ?? "-"))
                }),
            ConsoleMenuEntry(
                id: "menu-paper-ballots", label: LocalizedText(zh: "纸质选票待复核", en: "Paper ballots to confirm"),
                path: "/console/participation", action: .countPaperBallots, order: 60,
                count: { principal in
                    try await paper.pendingCount(communityPrefix: Authorization.scopePrefix(principal.scope ?? "-"))
                }),
            ConsoleMenuEntry(
                id: "menu-proposals-agenda", label: LocalizedText(zh: "待答复提议", en: "Proposals to answer"),
                path: "/console/participation", action: .answerProposals, order: 61,
                count: { principal in
                    try await proposals.agendaCount(communityPrefix: Authorization.scopePrefix(principal.scope ?? "-"))
                }),
        ]
    }

    /// Seeds the first community under 春熙路街道 (where the demo resident lives).
    public func seedDemo(seed: UInt64) async throws {
        guard let divisions = self.divisions,
            let community = try await divisions.list(.init(parentCode: "510104003"), after: nil, limit: 1).items.first
        else { return }
        try await ParticipationDemoSeeder(
            platform: self.platform, votes: self.votes, campaigns: self.campaigns, register: self.register
        ).seed(community: community.code, seed: seed)
    }

    public func register(on routes: ModuleRoutes) {
        BodyAPI(bodies: self.bodies).register(on: routes.api)
        VoteAPI(service: self.votes, paper: self.paper).register(on: routes.api)
        CampaignAPI(service: self.campaigns).register(on: routes.api)
        ProposalAPI(service: self.proposals).register(on: routes.api)
        MeetingAPI(service: self.meetings).register(on: routes.api)
        ReviewAPI(service: self.reviews).register(on: routes.api)
        ParticipationPages(
            votes: self.votes, campaigns: self.campaigns, proposals: self.proposals, meetings: self.meetings.meetings,
            reviews: self.reviews, bodies: self.bodies, divisions: self.divisions, renderer: routes.renderer
        ).register(on: routes.router)
        ConsolePages(votes: self.votes, paper: self.paper, proposals: self.proposals, renderer: routes.renderer)
            .register(on: routes.router)
        MeetingPages(service: self.meetings, proposals: self.proposals.proposals, renderer: routes.renderer)
            .register(on: routes.router)
        ReviewPages(service: self.reviews).register(on: routes.router)
    }
}
