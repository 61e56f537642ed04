import Foundation
import Hummingbird
import Platform

/// A certificate request as the API shows it.
struct RequestView: Codable, ResponseEncodable {
    /// One step of the timeline.
    struct Step: Codable {
        let action: String
        let label: String
        let note: String?
        let at: Int64
    }

    let id: String
    let kind: String
    let kindName: String
    let status: String
    let statusLabel: String
    let communityCode: String
    let inputs: [String: String]
    let note: String?
    let certificateNumber: String?
    let createdAt: Int64
    let updatedAt: Int64
    let dueAt: Int64
    let overdue: Bool
    let timeline: [Step]?

    init(_ request: CertificateRequest, catalog: CertificateCatalog, locale: AppLocale, events: [RequestEvent]? = nil) {
        self.id = request.id
        self.kind = request.kindID
        self.kindName = catalog.kind(request.kindID)?.name.pick(locale) ?? request.kindID
        self.status = request.status.rawValue
        self.statusLabel = request.status.label.pick(locale)
        self.communityCode = request.communityCode
        self.inputs = request.inputs
        self.note = request.note
        self.certificateNumber = request.certificateNumber
        self.createdAt = request.createdAt
        self.updatedAt = request.updatedAt
        self.dueAt = request.dueAt
        self.overdue = request.status == .submitted && request.dueAt < CityClock.now()
        self.timeline = events?.map { Step(action: $0.action, label: $0.label.pick(locale), note: $0.note, at: $0.at) }
    }
}

/// A signed certificate as its holder (or an official of its community) downloads it.
struct CertificateView: Codable, ResponseEncodable {
    let number: String
    let content: CertificateContent
    /// The Ed25519 signature over the canonical content, base64.
    let signature: String
    let keyId: String
    let issuedAt: Int64
    let revokedAt: Int64?
    let revokedReason: String?
    let verifyUrl: String

    init(_ certificate: Certificate) {
        self.number = certificate.number
        self.content = certificate.content
        self.signature = certificate.signature.base64EncodedString()
        self.keyId = certificate.content.keyID
        self.issuedAt = certificate.issuedAt
        self.revokedAt = certificate.revokedAt
        self.revokedReason = certificate.revokedReason
        self.verifyUrl = "/verify/\(certificate.number)"
    }
}

/// The public answer of a verification.
struct VerificationView: Codable, ResponseEncodable {
    let number: String
    let verdict: String
    let verdictLabel: String
    let reason: String
    let certificate: CertificateContent?
    let revokedAt: Int64?
    let revokedReason: String?

    init(_ verification: Verification, locale: AppLocale) {
        self.number = verification.number
        self.verdict = verification.verdict.rawValue
        self.verdictLabel = verification.verdict.label.pick(locale)
        self.reason = verification.reason.pick(locale)
        self.certificate = verification.content
        self.revokedAt = verification.revokedAt
        self.revokedReason = verification.revokedReason
    }
}

/// A list of items with an optional cursor (lists here are bounded; the cursor is always null).
struct ListView<Item: Codable>: Codable, ResponseEncodable {
    let items: [Item]
    let nextCursor: String?
}
