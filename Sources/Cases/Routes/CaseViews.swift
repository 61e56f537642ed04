import Foundation
import Hummingbird
import Platform

/// A case as its reporter and its handlers see it (`GET /api/v1/cases/{id}`).
public struct CaseView: ResponseEncodable, Sendable, Decodable {
    public let id: String
    public let category: String
    public let categoryName: String
    public let status: String
    public let statusLabel: String
    public let description: String
    public let address: String
    public let lat: Double?
    public let lon: Double?
    public let communityCode: String
    public let ownerCode: String
    public let ownerLevel: String
    public let departmentId: String
    public let routingRule: String
    public let escalations: Int
    public let overdue: Bool
    public let rating: Int?
    public let ratingComment: String?
    public let version: Int
    public let createdAt: String
    public let promisedAt: String
    public let dueAt: String
    public let resolvedAt: String?
    public let closedAt: String?
    public let mediaUrl: String?
    public let history: [HistoryItem]?

    /// One row of the history as shown (who by kind of actor, never by name).
    public struct HistoryItem: Codable, Sendable {
        public let seq: Int
        public let command: String
        public let status: String
        public let ownerCode: String
        public let departmentId: String
        public let actor: String
        public let note: String
        public let at: String
    }

    init(_ r: CaseRecord, categories: [CaseCategory], locale: AppLocale, now: Int64, history: [CaseEvent]? = nil) {
        self.id = r.id
        self.category = r.categoryCode
        self.categoryName = categories.first { $0.code == r.categoryCode }?.name.pick(locale) ?? r.categoryCode
        self.status = r.status.rawValue
        self.statusLabel = r.status.label.pick(locale)
        self.description = r.description
        self.address = r.address
        self.lat = r.lat
        self.lon = r.lon
        self.communityCode = r.divisionCode
        self.ownerCode = r.ownerCode
        self.ownerLevel = r.ownerLevel.rawValue
        self.departmentId = r.departmentID
        self.routingRule = r.routingRuleID
        self.escalations = r.escalations
        self.overdue = r.isOverdue(at: now)
        self.rating = r.rating
        self.ratingComment = r.ratingComment
        self.version = r.version
        self.createdAt = CityClock.rfc3339(r.createdAt)
        self.promisedAt = CityClock.rfc3339(r.promisedAt)
        self.dueAt = CityClock.rfc3339(r.dueAt)
        self.resolvedAt = r.resolvedAt.map(CityClock.rfc3339)
        self.closedAt = r.closedAt.map(CityClock.rfc3339)
        self.mediaUrl = r.mediaURL
        self.history = history?.map {
            HistoryItem(
                seq: $0.seq, command: $0.command, status: $0.toStatus.rawValue, ownerCode: $0.ownerCode,
                departmentId: $0.departmentId, actor: $0.actorKind, note: $0.note, at: CityClock.rfc3339($0.createdAt))
        }
    }
}

/// A case as the public sees it: no reporter, no address, no description beyond the problem, the point rounded
/// to about 100 m.
public struct PublicCaseView: ResponseEncodable, Sendable, Decodable {
    public let id: String
    public let category: String
    public let categoryName: String
    public let status: String
    public let statusLabel: String
    public let summary: String
    public let lat: Double?
    public let lon: Double?
    public let communityCode: String
    public let ownerLevel: String
    public let createdAt: String
    public let closedAt: String?

    init(_ r: CaseRecord, categories: [CaseCategory], locale: AppLocale) {
        self.id = r.id
        self.category = r.categoryCode
        self.categoryName = categories.first { $0.code == r.categoryCode }?.name.pick(locale) ?? r.categoryCode
        self.status = r.status.rawValue
        self.statusLabel = r.status.label.pick(locale)
        self.summary = PublicText.summary(r.description)
        self.lat = r.lat.map(PublicText.round)
        self.lon = r.lon.map(PublicText.round)
        self.communityCode = r.divisionCode
        self.ownerLevel = r.ownerLevel.rawValue
        self.createdAt = CityClock.rfc3339(r.createdAt)
        self.closedAt = r.closedAt.map(CityClock.rfc3339)
    }
}

/// Strips what could identify a person from text shown to the public.
enum PublicText {
    /// The first 60 characters with every run of 5 or more digits (phones, ID and room numbers) masked.
    static func summary(_ text: String) -> String {
        let masked = self.mask(String(text.prefix(60)))
        return text.count > 60 ? masked + "…" : masked
    }

    /// The text with every run of 5 or more digits masked.
    static func mask(_ text: String) -> String {
        var out = ""
        var digits = ""
        for character in text {
            if character.isASCII && character.isNumber {
                digits.append(character)
                continue
            }
            out += digits.count >= 5 ? String(repeating: "*", count: digits.count) : digits
            digits = ""
            out.append(character)
        }
        out += digits.count >= 5 ? String(repeating: "*", count: digits.count) : digits
        return out
    }

    /// A coordinate rounded to 3 decimals (about 100 m).
    static func round(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
