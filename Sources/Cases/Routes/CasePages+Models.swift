import Foundation
import Hummingbird
import Platform

/// An option of a select.
struct Option {
    let value: String
    let label: String
    let selected: Bool
}

/// The report form.
struct FormModel {
    /// The fields as typed (shown again after a refusal).
    struct Values {
        let description, address, lat, lon, communityCode, mediaUrl: String

        init(_ fields: [String: String]) {
            self.description = fields["description"] ?? ""
            self.address = fields["address"] ?? ""
            self.lat = fields["lat"] ?? ""
            self.lon = fields["lon"] ?? ""
            self.communityCode = fields["communityCode"] ?? ""
            self.mediaUrl = fields["mediaUrl"] ?? ""
        }
    }

    let categories: [Option]
    let values: Values
    let error: String?
    let map: String
}

/// A case in a list.
struct Row {
    let id: String
    let category: String
    let summary: String
    let status: String
    let statusCode: String
    let due: String
    let overdue: Bool
    let owner: String
    let created: String

    init(_ r: CaseRecord, categories: [CaseCategory], locale: AppLocale, now: Int64) {
        self.id = r.id
        self.category = categories.first { $0.code == r.categoryCode }?.name.pick(locale) ?? r.categoryCode
        self.summary = String(r.description.prefix(40))
        self.status = r.status.label.pick(locale)
        self.statusCode = r.status.rawValue
        self.due = CityClock.localDateTime(r.dueAt)
        self.overdue = r.isOverdue(at: now)
        self.owner = "\(Levels.name(r.ownerLevel, locale)) \(r.ownerCode)"
        self.created = CityClock.localDateTime(r.createdAt)
    }
}

/// My cases.
struct MineModel {
    let items: [Row]
    let followed: [Row]
    let empty: Bool
    let hasFollowed: Bool
}

/// A case's page: facts, timeline and the forms of the actions its viewer may take.
struct DetailModel {
    /// A row of the timeline.
    struct Event {
        let when: String
        let what: String
        let note: String
    }

    /// An action form.
    struct Command {
        let name: String
        let label: String
        let needsNote: Bool
        let needsTarget: Bool
    }

    let row: Row
    /// The page's own path (`/cases/{id}` or `/console/cases/{id}`); forms post to `base/act`.
    let base: String
    let description: String
    let address: String
    let department: String
    let promised: String
    let rating: Int?
    let ratingComment: String?
    let timeline: [Event]
    let commands: [Command]
    let hasCommands: Bool
    let canRate: Bool
    let canFollow: Bool
    let following: Bool
    let canRevisit: Bool
    let error: String?
    let map: String
    /// Paths of the case's photos (served to those who may see the case).
    let photos: [String]
    let hasPhotos: Bool
}

/// Names of the levels.
enum Levels {
    static func name(_ level: CaseLevel, _ locale: AppLocale) -> String {
        switch level {
        case .community: locale.pick(zh: "社区", en: "Community")
        case .street: locale.pick(zh: "街道", en: "Street")
        case .district: locale.pick(zh: "区县", en: "District")
        case .city: locale.pick(zh: "市级", en: "City")
        }
    }
}

extension CasePages {
    /// The case page for its viewer.
    func detail(_ record: CaseRecord, base: String, _ request: Request, _ context: AppRequestContext) async throws
        -> Response
    {
        let locale = context.locale
        let strings = CasesStrings.table(for: locale)
        let categories = try await self.service.categories.categories()
        let principal = context.principal
        let actor = principal.flatMap { try? self.service.actor($0, for: record) }
        let commands: [DetailModel.Command] = CaseCommand.allCases.compactMap { command in
            guard let actor,
                case .success = CaseWorkflow.apply(command, by: actor, status: record.status, level: record.ownerLevel)
            else { return nil }
            return DetailModel.Command(
                name: command.rawValue, label: strings[command.rawValue] ?? command.rawValue,
                needsNote: [.resolve, .reopen, .escalate, .transfer].contains(command),
                needsTarget: command == .transfer)
        }
        let events = try await self.service.cases.events(record.id).map {
            DetailModel.Event(
                when: CityClock.localDateTime($0.createdAt),
                what: "\(CaseNotice.verb($0.command, locale)) · \($0.toStatus.label.pick(locale))", note: $0.note)
        }
        var following = false
        if let principal, principal.role == .resident {
            following = try await self.service.cases.followed(by: principal.subject).contains(record.id)
        }
        let photos = (0..<(try await self.service.cases.photoCount(record.id))).map { "\(base)/photos/\($0)" }
        let model = DetailModel(
            row: Row(record, categories: categories, locale: locale, now: CityClock.now()), base: base,
            description: record.description, address: record.address,
            department: try await self.service.departments.name(of: record.departmentID)?.pick(locale)
                ?? record.departmentID,
            promised: CityClock.localDateTime(record.promisedAt), rating: record.rating,
            ratingComment: record.ratingComment, timeline: events, commands: commands, hasCommands: !commands.isEmpty,
            canRate: actor == .reporter && record.rating == nil && [.confirmed, .closed].contains(record.status),
            canFollow: principal?.role == .resident && actor != .reporter && !following, following: following,
            canRevisit: actor == .official && record.status == .closed,
            error: try QueryParameters(request, allowed: ["error"]).string("error"),
            map: CaseSVG.map([], marker: record.lat.flatMap { la in record.lon.map { (lat: la, lon: $0) } }),
            photos: photos, hasPhotos: !photos.isEmpty)
        return self.renderer.render(
            "cases-detail", title: model.row.category, model: model, request: request, context: context,
            strings: strings)
    }
}
