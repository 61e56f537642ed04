import Foundation
import Hummingbird
import Platform

/// The meeting pages: a meeting with its agenda, decisions and minutes for everyone, with registration for
/// residents of the community (`/participation/meetings/{id}`); and for officials, calling a meeting and running it —
/// attendance, a decision per item with the votes cast, the minutes (`/console/participation/meetings…`).
struct MeetingPages: Sendable {
    let service: MeetingService
    let proposals: ProposalRepository
    let renderer: PageRenderer

    /// A meeting as the pages show it.
    struct Model {
        /// An agenda item.
        struct Item {
            let position: Int
            let title: String
            let proposalID: String?
            let decision: String?
            let votes: String?
            let outcome: String?
            let open: Bool
        }

        let meeting: CouncilMeeting
        let status: String
        let items: [Item]
        let canRegister: Bool
        let registered: Bool
        let refusal: String?
        let planned: Bool
        let held: Bool
        let error: String?
    }

    /// The console's list and call form.
    struct ListModel {
        /// A proposal offered for the agenda.
        struct Candidate {
            let id: String
            let title: String
            let onAgenda: Bool
        }

        let community: String
        let meetings: [CouncilMeeting]
        let candidates: [Candidate]
        let error: String?
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/participation/meetings/{id}") { request, context in
            let query = try QueryParameters(request, allowed: ["error"])
            let meeting = try await self.service.meeting(try context.parameters.require("id"))
            return try await self.render(
                meeting, template: "participation-meeting", error: query.string("error"),
                request, context)
        }
        router.post("/participation/meetings/{id}/registration") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            do {
                _ = try await self.service.register(id, attending: fields["action"] != "withdraw", by: principal)
            } catch let problem as Problem where [.conflict, .forbidden].contains(problem.status) {
                return WebForm.redirect("/participation/meetings/\(id)", error: problem.text(context.locale))
            }
            return WebForm.redirect("/participation/meetings/\(id)")
        }
        router.get("/console/participation/meetings") { request, context in
            let query = try QueryParameters(request, allowed: ["community", "error"])
            guard context.principal != nil else { return WebForm.redirect("/console") }
            let official = try Authorization.requireRole(context.principal, .manageParticipation)
            let community = query.string("community") ?? official.scope ?? ""
            try Authorization.require(official, .manageParticipation, divisionCode: community)
            let candidates = try await self.proposals.proposals(community: community, status: nil)
                .filter { !$0.status.isAnswered }
                .map { ListModel.Candidate(id: $0.id, title: $0.title, onAgenda: $0.status == .onAgenda) }
            let strings = ParticipationStrings.table(for: context.locale)
            return self.renderer.render(
                "participation-console-meetings", title: strings["p_meetings"] ?? "",
                model: ListModel(
                    community: community, meetings: try await self.service.meetings.meetings(community: community),
                    candidates: candidates, error: query.string("error")),
                request: request, context: context, strings: strings)
        }
        router.post("/console/participation/meetings") { request, context in
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            let community = fields["community"] ?? ""
            let chosen = fields.keys.filter { $0.hasPrefix("proposal-") }.sorted().map {
                MeetingService.NewMeeting.Item(proposalId: String($0.dropFirst("proposal-".count)))
            }
            let free = (fields["freeItems"] ?? "").split(whereSeparator: \.isNewline).map {
                MeetingService.NewMeeting.Item(title: $0.trimmingCharacters(in: .whitespaces))
            }.filter { $0.title?.isEmpty == false }
            do {
                let meeting = try await self.service.call(
                    community: community,
                    MeetingService.NewMeeting(
                        title: fields["title"] ?? "", startsAt: fields["startsAt"] ?? "", place: fields["place"] ?? "",
                        quorum: Int(fields["quorum"] ?? "") ?? 0, items: chosen + free),
                    by: principal)
                return WebForm.redirect("/console/participation/meetings/\(meeting.id)")
            } catch let problem as Problem where problem.status == .unprocessableContent {
                return WebForm.redirect(
                    "/console/participation/meetings?community=\(community.addingPercentEncoding(withAllowedCharacters: WebForm.unreserved) ?? "")",
                    error: problem.text(context.locale))
            }
        }
        router.get("/console/participation/meetings/{id}") { request, context in
            let query = try QueryParameters(request, allowed: ["error"])
            guard context.principal != nil else { return WebForm.redirect("/console") }
            let meeting = try await self.service.meeting(try context.parameters.require("id"))
            try Authorization.require(context.principal, .manageParticipation, divisionCode: meeting.communityCode)
            return try await self.render(
                meeting, template: "participation-console-meeting", error: query.string("error"), request, context)
        }
        router.post("/console/participation/meetings/{id}") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            func number(_ name: String) -> Int { Int(fields[name] ?? "") ?? -1 }
            do {
                switch fields["action"] ?? "" {
                case "attendance":
                    _ = try await self.service.recordAttendance(id, present: number("present"), by: principal)
                case "decide":
                    _ = try await self.service.decide(
                        id, position: number("position"),
                        MeetingService.Decision(
                            decision: fields["decision"] ?? "", votesFor: number("votesFor"),
                            votesAgainst: number("votesAgainst"), votesAbstain: number("votesAbstain")),
                        by: principal)
                default:
                    _ = try await self.service.publish(id, minutes: fields["minutes"] ?? "", by: principal)
                }
            } catch let problem as Problem where [.conflict, .unprocessableContent].contains(problem.status) {
                return WebForm.redirect("/console/participation/meetings/\(id)", error: problem.text(context.locale))
            }
            return WebForm.redirect("/console/participation/meetings/\(id)")
        }
    }

    func render(
        _ meeting: CouncilMeeting, template: String, error: String?, _ request: Request, _ context: AppRequestContext
    ) async throws -> Response {
        let strings = ParticipationStrings.table(for: context.locale)
        var (canRegister, registered, refusal) = (false, false, String?.none)
        if meeting.status == .planned, let principal = context.principal, principal.role == .resident {
            switch try await self.service.eligibility.evaluate(
                .communityResident, community: meeting.communityCode, principal: principal)
            {
            case .success:
                canRegister = true
                registered = try await self.service.meetings.isRegistered(meeting.id, account: principal.subject)
            case .failure(let problem): refusal = problem.text(context.locale)
            }
        }
        let items = meeting.items.map { item in
            Model.Item(
                position: item.position, title: item.title, proposalID: item.proposalID, decision: item.decision,
                votes: item.votesFor.map {
                    "\(strings["p_for"] ?? "") \($0) · \(strings["p_against"] ?? "") \(item.votesAgainst ?? 0) · "
                        + "\(strings["p_abstain"] ?? "") \(item.votesAbstain ?? 0)"
                },
                outcome: item.passed.map { (strings[$0 ? "p_passed" : "p_not_passed"] ?? "") },
                open: item.decision == nil)
        }
        let model = Model(
            meeting: meeting, status: strings["p_meeting_" + meeting.status.rawValue] ?? "", items: items,
            canRegister: canRegister, registered: registered, refusal: refusal, planned: meeting.status == .planned,
            held: meeting.status == .held, error: error)
        return self.renderer.render(
            template, title: meeting.title, model: model, request: request, context: context, strings: strings)
    }

}
