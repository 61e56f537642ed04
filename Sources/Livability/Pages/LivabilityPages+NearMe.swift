import Foundation
import HTTPTypes
import Hummingbird
import Platform

extension LivabilityPages {
    /// The near-me page's model.
    struct NearModel: Sendable {
        let matched: Bool
        let items: [LivabilityPageModel.NearItem]
        let mapURL: String
    }

    /// RFC 3986 unreserved characters: everything else in a `next` value is percent-encoded.
    static let unreserved = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// A signed-in resident's nearest services; visitors are sent to sign in first, officials and other signed-in
    /// accounts are refused (403: they have no home to walk from).
    func nearPage(request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.principal else {
            // Back here after signing in, in the same language.
            let back = "/near-me" + (request.uri.query.map { "?" + $0 } ?? "")
            let next = back.addingPercentEncoding(withAllowedCharacters: Self.unreserved) ?? "%2Fnear-me"
            return Response(status: .seeOther, headers: [.location: "/signin?next=" + next])
        }
        guard principal.role == .resident else { throw AuthorizationProblem.forbidden }
        let locale = context.locale
        var model = NearModel(matched: false, items: [], mapURL: "")
        do {
            let near = try await self.service.nearMe(principal)
            model = NearModel(
                matched: true,
                items: near.items.map { item in
                    let meters = LivabilityPageModel.grouped(item.meters ?? 0)
                    let minutes = item.minutes ?? 0
                    return LivabilityPageModel.NearItem(
                        kind: item.category.name(locale), colour: item.category.colour, mark: item.category.mark,
                        name: item.facility?.name ?? "", found: item.facility != nil,
                        walk: locale.pick(zh: "步行 \(minutes) 分钟（\(meters) 米）", en: "\(minutes) min walk (\(meters) m)"),
                        within: item.withinHorizon,
                        count: locale.pick(
                            zh: "15 分钟内 \(item.countWithinHorizon) 处", en: "\(item.countWithinHorizon) within 15 min"),
                        hours: item.facility?.openingHours ?? "")
                }, mapURL: "/communities/\(near.communityCode)/map")
        } catch let problem as Problem where problem.code == LivabilityProblem.noHousehold.code {
            model = NearModel(matched: false, items: [], mapURL: "")
        }
        let strings = LivabilityStrings.table(for: locale)
        return self.renderer.render(
            "livability-near", title: strings["lc_near_title"] ?? "", model: model, request: request, context: context,
            strings: strings)
    }
}
