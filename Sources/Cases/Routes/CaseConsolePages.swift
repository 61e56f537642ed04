import Foundation
import Hummingbird
import Platform

/// The officials' pages: the inbox by deadline (`/console/cases`, views open / escalated / overdue / done) and
/// joint meetings (`/console/meetings`: call one, record decisions, publish the minutes). No JavaScript.
public struct CaseConsolePages: Sendable {
    let service: CaseService
    let renderer: PageRenderer

    public init(service: CaseService, renderer: PageRenderer) {
        self.service = service
        self.renderer = renderer
    }

    /// A tab of the inbox.
    struct Tab {
        let href: String
        let label: String
        let current: Bool
    }

    /// The inbox page.
    struct InboxModel {
        let tabs: [Tab]
        let items: [Row]
        let empty: Bool
    }

    /// The meetings page.
    struct MeetingsModel {
        let meetings: [JointMeeting]
        let canCall: Bool
        let today: String
        let error: String?
    }

    /// One meeting's page.
    struct MeetingModel {
        let meeting: JointMeeting
        let planned: Bool
        let error: String?
    }

    /// Registers the pages and forms.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/console/cases") { request, context in
            let query = try QueryParameters(request, allowed: ["view"])
            guard context.principal != nil else { return WebForm.redirect("/console") }
            let view = try query.choice("view", as: CaseOfficialAPI.View.self) ?? .open
            let filter = try CaseOfficialAPI.inbox(context.principal, view: view)
            let (items, _) = try await self.service.cases.byDeadline(filter, after: nil, limit: 100)
            let categories = try await self.service.categories.categories()
            let strings = CasesStrings.table(for: context.locale)
            let now = CityClock.now()
            let tabs = CaseOfficialAPI.View.allCases.map {
                Tab(
                    href: "/console/cases?view=\($0.rawValue)", label: strings["view_\($0.rawValue)"] ?? $0.rawValue,
                    current: $0 == view)
            }
            return self.renderer.render(
                "cases-console-inbox", title: strings["inbox"] ?? "",
                model: InboxModel(
                    tabs: tabs, items: items.map { Row($0, categories: categories, locale: context.locale, now: now) },
                    empty: items.isEmpty),
                request: request, context: context, strings: strings)
        }
        router.get("/console/meetings") { request, context in
            let query = try QueryParameters(request, allowed: ["error"])
            guard let principal = context.principal else { return WebForm.redirect("/console") }
            let official = try Authorization.requireRole(principal, .holdJointMeetings)
            let meetings = try await self.service.meetings.list(
                under: Authorization.scopePrefix(official.scope ?? ""), publishedOnly: false, limit: 50)
            let strings = CasesStrings.table(for: context.locale)
            return self.renderer.render(
                "cases-console-meetings", title: strings["meetings"] ?? "",
                model: MeetingsModel(
                    meetings: meetings, canCall: true, today: CityClock.localDate(CityClock.now()),
                    error: query.string("error")),
                request: request, context: context, strings: strings)
        }
        router.post("/console/meetings") { request, context in
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            do {
                let meeting = try await self.service.callMeeting(
                    MeetingInput(title: fields["title"], heldOn: fields["heldOn"]), by: principal)
                return WebForm.redirect("/console/meetings/\(meeting.id)")
            } catch let problem as Problem where [.conflict, .unprocessableContent].contains(problem.status) {
                return WebForm.redirect("/console/meetings", error: problem.text(context.locale))
            }
        }
        router.get("/console/meetings/{id}") { request, context in
            let query = try QueryParameters(request, allowed: ["error"])
            guard context.principal != nil else { return WebForm.redirect("/console") }
            let meeting = try await self.service.meeting(try context.parameters.require("id"), for: context.principal)
            let strings = CasesStrings.table(for: context.locale)
            return self.renderer.render(
                "cases-console-meeting", title: meeting.title,
                model: MeetingModel(
                    meeting: meeting, planned: meeting.status == "planned", error: query.string("error")),
                request: request, context: context, strings: strings)
        }
        router.post("/console/meetings/{id}") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            do {
                if fields["action"] == "publish" {
                    _ = try await self.service.publishMinutes(id, minutes: fields["minutes"] ?? "", by: principal)
                } else {
                    let target = (fields["target"] ?? "").trimmingCharacters(in: .whitespaces)
                    _ = try await self.service.decide(
                        id,
                        DecisionInput(
                            caseId: fields["caseId"], departmentId: target.hasPrefix("cd-") ? target : nil,
                            office: target.hasPrefix("cd-") ? nil : target, deadline: fields["deadline"],
                            decision: fields["decision"]), by: principal)
                }
            } catch let problem as Problem where [.conflict, .unprocessableContent].contains(problem.status) {
                return WebForm.redirect("/console/meetings/\(id)", error: problem.text(context.locale))
            }
            return WebForm.redirect("/console/meetings/\(id)")
        }
    }

}
