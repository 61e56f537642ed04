import Foundation
import Platform

/// The content of an issued certificate: exactly what is signed. Its canonical encoding is JSON with sorted keys
/// and no insignificant whitespace (``canonicalBytes()``), so anyone holding the content, the signature and the
/// public key of `keyID` can check it.
public struct CertificateContent: Codable, Sendable, Equatable {
    /// The format of this content; a verifier refuses formats it does not know.
    public let format: String
    public let number: String
    public let kind: String
    public let title: LocalizedText
    public let communityCode: String
    public let communityName: String
    /// The local date of issue, `YYYY-MM-DD`.
    public let issuedOn: String
    /// The last local date the certificate is valid, `YYYY-MM-DD`.
    public let validUntil: String
    public let fields: [Field]
    /// The document's text, with the fields filled in.
    public let text: LocalizedText
    public let keyID: String

    /// A field as the document shows it (masked where the document masks).
    public struct Field: Codable, Sendable, Equatable {
        public let name: String
        public let label: LocalizedText
        public let value: String
    }

    /// The format every certificate of this version carries.
    public static let currentFormat = "citizen-cloud.community-certificate.v1"

    /// The bytes the signature covers.
    public func canonicalBytes() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// An issued certificate as the registry keeps it.
public struct Certificate: Sendable, Equatable {
    public let content: CertificateContent
    /// The canonical bytes as stored (what was signed).
    public let canonical: Data
    public let signature: Data
    public let requestID: String
    public let accountID: String
    public let issuedAt: Int64
    public let issuedBy: String
    public let revokedAt: Int64?
    public let revokedReason: String?

    public var number: String { self.content.number }
}
