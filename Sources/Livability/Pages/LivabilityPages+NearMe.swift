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

    /// A signed-in resident's nearest services; anyone else is sent to sign in first.
    func nearPage(request: Request, context: AppRequestContext) async throws -> Response {
        guard let principal = context.principal, principal.role == .resident else {
            return Response(status: .seeOther, headers: [.location: "/signin?next=%2Fnear-me"])
        }
        let locale = context.locale
        var model = NearModel(matched: false, items: [], mapURL: "")
        do {
            let near = try await self.service.nearMe(principal)
            model = NearModel(
                matched: true,
                items: near.items.map { item in
                    LivabilityPageModel.NearItem(
                        kind: item.category.name(locale), colour: item.category.colour, mark: item.category.mark,
                        name: item.facility?.name ?? "", found: item.facility != nil, meters: item.meters ?? 0,
                        minutes: item.minutes ?? 0, within: item.withinHorizon, count: item.countWithinHorizon,
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
