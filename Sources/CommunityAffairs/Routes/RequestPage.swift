import Foundation
import HTTPTypes
import Hummingbird
import Platform

/// One request's page, for its resident (supplement) and for the community's workers (review).
struct RequestPage: Sendable {
    let service: CertificateService
    let renderer: PageRenderer

    /// A decision a reviewer may post.
    struct Decision {
        let name: String
        let label: String
        let needsNote: Bool
    }

    /// A step of the timeline.
    struct Step {
        let when: String
        let what: String
        let note: String?
    }

    /// A typed value.
    struct Input {
        let label: String
        let value: String
    }

    /// The page's model.
    struct Model {
        let request: RequestView
        let due: String
        let inputs: [Input]
        let documentBase: String
        let canSupplement: Bool
        let canReview: Bool
        let decisions: [Decision]
        let timeline: [Step]
        let error: String?
    }

    func render(_ found: CertificateRequest, documentBase: String, _ request: Request, _ context: AppRequestContext)
        async throws -> Response
    {
        let locale = context.locale
        let strings = CommunityAffairsStrings.table(for: locale)
        let events = try await self.service.requests.events(found.id)
        let kind = self.service.catalog.kind(found.kindID)
        let principal = context.principal
        let reviewer =
            principal.map { Authorization.permits($0, .reviewCertificates, divisionCode: found.communityCode) } ?? false
        let model = Model(
            request: RequestView(found, catalog: self.service.catalog, locale: locale),
            due: CityClock.localDateTime(found.dueAt),
            inputs: (kind?.inputs ?? []).map {
                Input(label: $0.label.pick(locale), value: found.inputs[$0.name] ?? "")
            },
            documentBase: documentBase,
            canSupplement: principal?.subject == found.accountID && found.status == .needsMore,
            canReview: reviewer && found.status == .submitted,
            decisions: ReviewDecision.allCases.map {
                Decision(name: $0.rawValue, label: strings[$0.rawValue] ?? $0.rawValue, needsNote: $0 != .approve)
            },
            timeline: events.map {
                Step(when: CityClock.localDateTime($0.at), what: $0.label.pick(locale), note: $0.note)
            },
            error: request.uri.queryParameters.get("error").map { String($0.prefix(300)) })
        return self.renderer.render(
            "certificates-request", title: model.request.kindName, model: model, request: request, context: context,
            strings: strings)
    }

    /// Back to a page with an error message in its query.
    static func redirect(_ path: String, error: String) -> Response {
        WebForm.redirect(
            path + "?error=" + (error.addingPercentEncoding(withAllowedCharacters: WebForm.unreserved) ?? ""))
    }
}

/// An issued certificate as a printable page.
enum DocumentPage {
    /// A field as shown.
    struct Field {
        let label: String
        let value: String
    }

    /// The page's model.
    struct Model {
        let content: CertificateContent
        let title: String
        let paragraphs: [String]
        let fields: [Field]
        let signature: String
        let revoked: Bool
        let revokedReason: String?
        let canRevoke: Bool
    }

    static func render(
        _ certificate: Certificate, renderer: PageRenderer, _ request: Request, _ context: AppRequestContext
    ) -> Response {
        let locale = context.locale
        let content = certificate.content
        let canRevoke =
            certificate.revokedAt == nil
            && (context.principal.map {
                Authorization.permits($0, .revokeCertificates, divisionCode: content.communityCode)
            } ?? false)
        let model = Model(
            content: content, title: content.title.pick(locale),
            paragraphs: content.text.pick(locale).split(separator: "\n").map(String.init),
            fields: content.fields.map { Field(label: $0.label.pick(locale), value: $0.value) },
            signature: certificate.signature.base64EncodedString(), revoked: certificate.revokedAt != nil,
            revokedReason: certificate.revokedReason, canRevoke: canRevoke)
        return renderer.render(
            "certificates-document", title: model.title, model: model, request: request, context: context,
            strings: CommunityAffairsStrings.table(for: locale))
    }
}
