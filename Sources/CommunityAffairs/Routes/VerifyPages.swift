import Foundation
import Hummingbird
import Platform

/// The public verification pages: `/verify` (type a number) and `/verify/{number}` (where a certificate's QR code
/// leads). No sign-in, no personal data beyond what the document itself shows.
struct VerifyPages: Sendable {
    let service: CertificateService
    let renderer: PageRenderer

    /// A field as shown.
    struct Field {
        let label: String
        let value: String
    }

    /// The verified content.
    struct Shown {
        let title: String
        let number: String
        let fields: [Field]
        let communityName: String
        let issuedOn: String
        let validUntil: String
    }

    /// The verdict.
    struct Result {
        let verdict: String
        let verdictLabel: String
        let reason: String
        let revokedReason: String?
        let certificate: Shown?
    }

    /// The page's model.
    struct Model {
        let number: String
        let result: Result?
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/verify") { request, context in
            let number = (request.uri.queryParameters.get("number") ?? "").trimmingCharacters(in: .whitespaces)
            if !number.isEmpty, number.count <= 80 {
                let encoded = number.addingPercentEncoding(withAllowedCharacters: WebForm.unreserved) ?? ""
                return WebForm.redirect("/verify/\(encoded)")
            }
            return self.render(Model(number: "", result: nil), request, context)
        }
        router.get("/verify/{number}") { request, context in
            let number = String(try context.parameters.require("number").prefix(80))
            let verification = try await self.service.verify(number)
            let locale = context.locale
            let shown = verification.content.map { content in
                Shown(
                    title: content.title.pick(locale), number: content.number,
                    fields: content.fields.map { Field(label: $0.label.pick(locale), value: $0.value) },
                    communityName: content.communityName, issuedOn: content.issuedOn, validUntil: content.validUntil)
            }
            let result = Result(
                verdict: verification.verdict.rawValue, verdictLabel: verification.verdict.label.pick(locale),
                reason: verification.reason.pick(locale), revokedReason: verification.revokedReason, certificate: shown)
            return self.render(Model(number: number, result: result), request, context)
        }
    }

    func render(_ model: Model, _ request: Request, _ context: AppRequestContext) -> Response {
        let strings = CommunityAffairsStrings.table(for: context.locale)
        return self.renderer.render(
            "certificates-verify", title: strings["verify_title"] ?? "", model: model, request: request,
            context: context, strings: strings)
    }
}
