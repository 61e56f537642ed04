import Foundation
import Platform
import SQLKit
import Territory

extension CertificateService {
    /// Issues the certificate of an approved request in one transaction: the next number of the community's
    /// yearly counter, the content filled from the register, the signature, the registry row, the request's new
    /// status and timeline step, and the audit entry.
    func issue(_ request: CertificateRequest, note: String?, by principal: Principal, at now: Int64) async throws {
        guard let kind = self.catalog.kind(request.kindID) else {
            throw CommunityAffairsProblem.unknownKind(request.kindID)
        }
        let facts = try await self.subjects.facts(
            accountID: request.accountID, residentID: request.residentID, householdID: request.householdID)
        let communityName = try await self.divisions.find(request.communityCode)?.name ?? request.communityCode
        // Read before the transaction: nothing inside it may wait for a second connection.
        let key = try await self.signer.current()
        let keyID = key.kid
        let year = String(CityClock.localDate(now).prefix(4))
        try await self.database.transaction { sql in
            let locked = try await self.requests.lock(request.id, on: sql)
            guard let locked, locked.status == .submitted else {
                throw CommunityAffairsProblem.wrongState(locked?.status ?? .submitted)
            }
            let sequence = try await self.certificates.nextValue("\(request.communityCode)-\(year)", on: sql)
            let number = Self.number(community: request.communityCode, year: year, sequence: sequence)
            let content = CertificateDocument.content(
                kind: kind, number: number, communityCode: request.communityCode, communityName: communityName,
                facts: facts, inputs: request.inputs, issuedAt: now, keyID: keyID)
            let canonical = try content.canonicalBytes()
            let signature = try CertificateSigner.sign(canonical, with: key)
            try await self.certificates.insert(
                Certificate(
                    content: content, canonical: canonical, signature: signature, requestID: request.id,
                    accountID: request.accountID, issuedAt: now, issuedBy: principal.subject, revokedAt: nil,
                    revokedReason: nil), on: sql)
            guard
                try await self.requests.transition(
                    request.id, from: [.submitted], to: .issued, note: note, certificateNumber: number, at: now, on: sql
                )
            else { throw CommunityAffairsProblem.wrongState(.issued) }
            try await self.requests.addEvent(
                request.id,
                RequestEvent(action: "approve", actor: "worker:\(principal.subject)", note: number, at: now),
                on: sql)
            try await AuditLog.record(
                AuditEvent(
                    actor: principal.subject, action: "certificate.issue", target: number, address: nil,
                    detail: "kind=\(kind.id) key=\(keyID)"), on: sql)
        }
    }

    /// `510104003001-2026-000042-7KQ3`: community, year, the counter's value and four random characters, so
    /// numbers are never reused and cannot be guessed from one another.
    static func number(community: String, year: String, sequence: Int64) -> String {
        let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        let check = String((0..<4).map { _ in alphabet[Int.random(in: 0..<alphabet.count)] })
        return "\(community)-\(year)-\(String(format: "%06lld", sequence))-\(check)"
    }

    /// Revokes a certificate with a reason (an official whose scope holds its community); audited, and shown on
    /// the request's timeline and by every later verification.
    public func revoke(_ number: String, reason: String?, by principal: Principal) async throws -> Certificate {
        guard let certificate = try await self.certificates.find(number),
            Authorization.permits(principal, .revokeCertificates, divisionCode: certificate.content.communityCode)
        else {
            _ = try Authorization.requireRole(principal, .revokeCertificates)
            throw CommunityAffairsProblem.certificateNotFound(number)
        }
        let text = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !text.isEmpty, text.count <= 500, DisplayText.defect(text) == nil else {
            throw CommunityAffairsProblem.invalid(
                "reason", zh: "请用500字以内写明撤销原因。", en: "Give the reason for revoking, in at most 500 characters.")
        }
        let now = self.clock()
        try await self.database.transaction { sql in
            guard try await self.certificates.revoke(number, reason: text, by: principal.subject, at: now, on: sql)
            else {
                throw CommunityAffairsProblem.alreadyRevoked
            }
            try await self.requests.addEvent(
                certificate.requestID,
                RequestEvent(action: "revoke", actor: "official:\(principal.subject)", note: text, at: now), on: sql)
            try await AuditLog.record(
                AuditEvent(
                    actor: principal.subject, action: "certificate.revoke", target: number, address: nil, detail: text),
                on: sql)
        }
        return try await self.certificates.find(number) ?? certificate
    }

    /// The certificate for its resident or an official of its community; every such reading is audited (a reveal
    /// of the full document).
    public func reveal(_ number: String, to principal: Principal?, address: String?) async throws -> Certificate {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        guard let certificate = try await self.certificates.find(number),
            Self.canSee(certificate.content.communityCode, certificate.accountID, principal)
        else { throw CommunityAffairsProblem.certificateNotFound(number) }
        try await AuditLog(database: self.database).record(
            AuditEvent(actor: principal.subject, action: "certificate.reveal", target: number, address: address))
        return certificate
    }
}

extension CertificateService {
    /// Makes a new signing key current (audited); earlier certificates keep verifying under their own key.
    public func rotateKey(by principal: Principal) async throws -> String {
        let kid = try await self.signer.rotate()
        try await AuditLog(database: self.database).record(
            AuditEvent(actor: principal.subject, action: "certificate.key.rotate", target: kid, address: nil))
        return kid
    }
}
