import Foundation
import Hummingbird
import Platform

/// The supervision forms of the community page: a committee member flags a vote, campaign or meeting for review,
/// and publishes the committee's finding. Both come back to the community page's reviews.
struct ReviewPages: Sendable {
    let service: ReviewService

    func register(on router: Router<AppRequestContext>) {
        router.post("/participation/reviews") { request, context in
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            let (kind, id) = Self.subject(fields["subject"] ?? "")
            do {
                guard let kind else {
                    throw ParticipationProblem.invalidField(
                        "subject", zh: "请选择要监督的事项。", en: "Choose what to review.")
                }
                let review = try await self.service.flag(
                    .init(subjectKind: kind, subjectId: id, reason: fields["reason"] ?? ""), by: principal)
                return WebForm.redirect("/participation/communities/\(review.communityCode)#reviews")
            } catch let problem as Problem where problem.status == .unprocessableContent {
                return WebForm.redirect(
                    "/participation/communities/\(fields["community"] ?? "")", error: problem.text(context.locale))
            }
        }
        router.post("/participation/reviews/{id}/finding") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            do {
                let review = try await self.service.publish(id, finding: fields["finding"] ?? "", by: principal)
                return WebForm.redirect("/participation/communities/\(review.communityCode)#reviews")
            } catch let problem as Problem where [.conflict, .unprocessableContent].contains(problem.status) {
                return WebForm.redirect(
                    "/participation/communities/\(fields["community"] ?? "")", error: problem.text(context.locale))
            }
        }
    }

    /// `vote:ID`, `campaign:ID` or `meeting:ID` from the form's select.
    static func subject(_ value: String) -> (Review.Subject?, String) {
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return (nil, "") }
        return (Review.Subject(rawValue: parts[0]), parts[1])
    }

}
