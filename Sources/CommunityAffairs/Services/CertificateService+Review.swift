import Foundation
import HTTPTypes
import Platform
import SQLKit

extension CertificateService {
    /// A community worker's decision: approve (issues the certificate), reject with a reason, or ask for more.
    /// Only a worker of the resident's own community may decide, and only while the request waits for review; two
    /// workers deciding at once get one decision and one 409.
    public func review(_ id: String, decision: ReviewDecision, note: String?, by principal: Principal) async throws
        -> CertificateRequest
    {
        guard let request = try await self.requests.find(id) else {
            throw CommunityAffairsProblem.requestNotFound(id)
        }
        try Self.requireReviewer(principal, of: request)
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if decision != .approve && text.isEmpty {
            throw CommunityAffairsProblem.invalid(
                "note", zh: "请写明不予出具的原因或需要补充的内容。", en: "Give the reason, or say what more is needed.")
        }
        guard text.count <= 500, DisplayText.defect(text) == nil else {
            throw CommunityAffairsProblem.invalid(
                "note", zh: "说明最多500字，且不能含控制字符。",
                en: "The note takes at most 500 characters, without control characters.")
        }
        guard request.status == .submitted else { throw CommunityAffairsProblem.wrongState(request.status) }
        let now = self.clock()
        switch decision {
        case .approve:
            try await self.issue(request, note: text.isEmpty ? nil : text, by: principal, at: now)
        case .reject, .more:
            let target: CertificateRequest.Status = decision == .reject ? .rejected : .needsMore
            try await self.database.transaction { sql in
                guard
                    try await self.requests.transition(id, from: [.submitted], to: target, note: text, at: now, on: sql)
                else { throw CommunityAffairsProblem.wrongState(try await self.status(id, on: sql)) }
                try await self.requests.addEvent(
                    id,
                    RequestEvent(action: decision.rawValue, actor: "worker:\(principal.subject)", note: text, at: now),
                    on: sql)
            }
        }
        return try await self.requests.find(id) ?? request
    }

    /// The resident answers a request for more; the request goes back to the review queue with a new deadline.
    public func supplement(_ id: String, note: String?, by principal: Principal) async throws -> CertificateRequest {
        let request = try await self.visible(id, to: try Authorization.requireResident(principal))
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty, text.count <= 500, DisplayText.defect(text) == nil else {
            throw CommunityAffairsProblem.invalid(
                "note", zh: "请用500字以内说明补充的内容。", en: "Say what you add, in at most 500 characters.")
        }
        guard request.status == .needsMore else { throw CommunityAffairsProblem.wrongState(request.status) }
        let now = self.clock()
        let days = self.catalog.kind(request.kindID)?.promisedDays ?? 3
        try await self.database.transaction { sql in
            guard
                try await self.requests.transition(
                    id, from: [.needsMore], to: .submitted, note: nil,
                    dueAt: self.calendar.deadline(after: now, workingDays: days), at: now, on: sql)
            else { throw CommunityAffairsProblem.wrongState(try await self.status(id, on: sql)) }
            try await self.requests.addEvent(
                id, RequestEvent(action: "supplement", actor: "resident", note: text, at: now), on: sql)
        }
        return try await self.requests.find(id) ?? request
    }

    /// Refuses anyone but a community worker whose scope holds the request's community, saying why.
    static func requireReviewer(_ principal: Principal, of request: CertificateRequest) throws {
        guard Authorization.roles(for: .reviewCertificates).contains(principal.role) else {
            throw AuthorizationProblem.forbidden
        }
        guard Authorization.permits(principal, .reviewCertificates, divisionCode: request.communityCode) else {
            throw Problem(
                .forbidden, code: "certificate_outside_community",
                zh: "该申请属于社区\(request.communityCode)，你只能审核本社区登记居民的申请。",
                en:
                    "The request belongs to community \(request.communityCode); you review only your own community's residents.",
                extensions: ["communityCode": request.communityCode])
        }
    }

    /// The request's status read inside the caller's transaction (never a second connection).
    func status(_ id: String, on sql: any SQLDatabase) async throws -> CertificateRequest.Status {
        try await self.requests.lock(id, on: sql)?.status ?? .submitted
    }
}
