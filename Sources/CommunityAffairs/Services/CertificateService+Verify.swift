import Foundation
import Platform

extension CertificateService {
    /// The public check of a number: the registry's copy must carry a valid signature by a key of the platform, its
    /// content must name this number, and it must be neither revoked nor expired.
    public func verify(_ number: String) async throws -> Verification {
        guard let certificate = try await self.certificates.find(number) else {
            if try await self.certificates.exists(number) {
                return Self.verdict(
                    number, .altered, zh: "登记的内容无法读取，已被改动。", en: "The registry's copy cannot be read: it was changed.")
            }
            return Self.verdict(number, .unknown, zh: "没有这个编号的证明。", en: "No certificate has this number.")
        }
        return try await self.check(certificate.canonical, certificate.signature, number: number, registry: certificate)
    }

    /// The check of a document someone holds: its content and signature (as the API and the document's QR carry
    /// them) are verified on their own and then compared with the registry's copy.
    public func verify(content: CertificateContent, signature: Data) async throws -> Verification {
        let canonical = try content.canonicalBytes()
        guard let registry = try await self.certificates.find(content.number) else {
            guard try await self.signer.isValid(signature, for: canonical, keyID: content.keyID) else {
                return Self.verdict(
                    content.number, .altered, zh: "签名无效：这不是本平台出具的证明。",
                    en: "The signature is not valid: this platform did not issue it.")
            }
            return Self.verdict(content.number, .unknown, zh: "没有这个编号的证明。", en: "No certificate has this number.")
        }
        guard canonical == registry.canonical else {
            return Self.verdict(
                content.number, .altered, zh: "内容与登记的证明不一致。", en: "The content differs from the certificate on record.",
                registry: registry)
        }
        return try await self.check(canonical, signature, number: content.number, registry: registry)
    }

    private func check(_ canonical: Data, _ signature: Data, number: String, registry: Certificate) async throws
        -> Verification
    {
        guard registry.content.format == CertificateContent.currentFormat, registry.content.number == number,
            try await self.signer.isValid(signature, for: canonical, keyID: registry.content.keyID)
        else {
            return Self.verdict(
                number, .altered, zh: "签名与内容不符：证明已被改动或伪造。",
                en: "The signature does not match the content: it was altered or forged.",
                registry: registry)
        }
        if registry.revokedAt != nil {
            return Self.verdict(
                number, .revoked, zh: "该证明已被出具社区撤销。", en: "The issuing community revoked this certificate.",
                registry: registry)
        }
        if registry.content.validUntil < CityClock.localDate(self.clock()) {
            return Self.verdict(
                number, .expired, zh: "该证明已超过有效期（至\(registry.content.validUntil)）。",
                en: "The certificate was valid until \(registry.content.validUntil).", registry: registry)
        }
        return Self.verdict(
            number, .genuine, zh: "签名有效，内容未被改动，证明在有效期内且未被撤销。",
            en: "The signature is valid, the content unchanged, the certificate in force and not revoked.",
            registry: registry)
    }

    static func verdict(
        _ number: String, _ verdict: Verification.Verdict, zh: String, en: String, registry: Certificate? = nil
    ) -> Verification {
        Verification(
            number: number, verdict: verdict, reason: LocalizedText(zh: zh, en: en),
            content: verdict == .altered ? nil : registry?.content, revokedAt: registry?.revokedAt,
            revokedReason: registry?.revokedReason)
    }
}
