import Platform

/// The public answer about a certificate: whether it is genuine, unchanged and in force, and why not.
public struct Verification: Sendable, Equatable {
    /// The verdict.
    public enum Verdict: String, Sendable, Codable, CaseIterable {
        /// Signed by a key of the platform, unchanged, not revoked, within its validity.
        case genuine
        /// The content does not match its signature or the registry's copy.
        case altered
        case revoked
        case expired
        /// No certificate has this number.
        case unknown

        /// The verdict as people read it.
        public var label: LocalizedText {
            switch self {
            case .genuine: LocalizedText(zh: "真实有效", en: "Genuine and valid")
            case .altered: LocalizedText(zh: "内容被篡改或签名无效", en: "Altered, or the signature is not valid")
            case .revoked: LocalizedText(zh: "已撤销", en: "Revoked")
            case .expired: LocalizedText(zh: "已过有效期", en: "Expired")
            case .unknown: LocalizedText(zh: "查无此证明", en: "No such certificate")
            }
        }
    }

    public let number: String
    public let verdict: Verdict
    /// Why, in words.
    public let reason: LocalizedText
    /// The registry's content when the number is known, with names masked for the public.
    public let content: CertificateContent?
    public let revokedAt: Int64?
    public let revokedReason: String?
}
