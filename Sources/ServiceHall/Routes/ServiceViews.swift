import Foundation
import Hummingbird
import NIOCore
import Platform

/// A service as the API shows it in listings.
struct ServiceSummaryView: ResponseEncodable, Sendable {
    let id: String
    let name: LocalizedText
    let kind: ServiceKind
    let theme: String
    let department: String
    let departmentName: LocalizedText?
    let summary: LocalizedText
    let level: Int
    let promisedDays: Int
    let fee: Fee
    let synonyms: [String]

    init(_ service: CatalogService, snapshot: CatalogSnapshot) {
        self.init(service, departmentName: snapshot.department(service.department)?.name)
    }

    init(_ service: CatalogService, departmentName: LocalizedText?) {
        self.id = service.id
        self.name = service.name
        self.kind = service.kind
        self.theme = service.theme
        self.department = service.department
        self.departmentName = departmentName
        self.summary = service.summary
        self.level = service.level
        self.promisedDays = service.promisedDays
        self.fee = service.fee
        self.synonyms = service.synonyms
    }
}

/// A service with everything the catalog says about it, and whether the caller may use it.
struct ServiceDetailView: ResponseEncodable, Sendable {
    let id: String
    let name: LocalizedText
    let kind: ServiceKind
    let theme: String
    let themeName: LocalizedText?
    let department: String
    let departmentName: LocalizedText?
    let summary: LocalizedText
    let eligibility: LocalizedText
    let level: Int
    let availableToMe: Bool
    let materials: [LocalizedText]
    let fee: Fee
    let promisedDays: Int
    let legalBasis: LocalizedText?
    let form: ServiceForm?
    let link: String?
    /// For department systems: where `POST` starts the single sign-on.
    let launch: String?
    let synonyms: [String]

    init(_ service: CatalogService, snapshot: CatalogSnapshot, level: Int) {
        self.id = service.id
        self.name = service.name
        self.kind = service.kind
        self.theme = service.theme
        self.themeName = snapshot.theme(service.theme)?.name
        self.department = service.department
        self.departmentName = snapshot.department(service.department)?.name
        self.summary = service.summary
        self.eligibility = service.eligibility
        self.level = service.level
        self.availableToMe = level >= service.level
        self.materials = service.materials
        self.fee = service.fee
        self.promisedDays = service.promisedDays
        self.legalBasis = service.legalBasis
        self.form = service.form
        self.link = service.link
        self.launch = service.kind == .departmentSystem ? "/api/v1/services/\(service.id)/launches" : nil
        self.synonyms = service.synonyms
    }
}

/// An application as the API shows it, with its timeline.
struct ApplicationView: ResponseEncodable, Sendable {
    struct Step: Codable, Sendable {
        let status: ApplicationStatus
        let at: String
        let handlerId: String?
        let note: String?
    }

    struct RatingView: Codable, Sendable {
        let stars: Int
        let comment: String
        let ratedAt: String
    }

    let id: String
    let serviceId: String
    let serviceName: LocalizedText
    let departmentId: String
    let status: ApplicationStatus
    let statusLabel: LocalizedText
    let form: [String: String]
    let submittedAt: String
    let dueAt: String
    let overdue: Bool
    let finishedAt: String?
    let reason: String?
    let steps: [Step]
    let rating: RatingView?

    init(_ application: Application, now: Int64) {
        self.id = application.id
        self.serviceId = application.serviceID
        self.serviceName = application.serviceName
        self.departmentId = application.departmentID
        self.status = application.status
        self.statusLabel = application.status.label
        self.form = application.form
        self.submittedAt = Self.time(application.submittedAt)
        self.dueAt = Self.time(application.dueAt)
        self.overdue = application.isOverdue(now: now)
        self.finishedAt = application.finishedAt.map(Self.time)
        self.reason = application.reason
        self.steps = application.steps.map {
            Step(status: $0.status, at: Self.time($0.at), handlerId: $0.handlerID, note: $0.note)
        }
        self.rating = application.rating.map {
            RatingView(stars: $0.stars, comment: $0.comment, ratedAt: Self.time($0.ratedAt))
        }
    }

    /// RFC 3339 in UTC.
    static func time(_ seconds: Int64) -> String {
        Date(timeIntervalSince1970: TimeInterval(seconds)).formatted(.iso8601)
    }
}

/// A listing answered from pre-encoded items: `{"items":[…],"nextCursor":…}`, the shape of ``Page``.
enum PreencodedPage {
    static func response(items: [[UInt8]], nextCursor: String?) -> Response {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(items.reduce(40) { $0 + $1.count + 1 })
        buffer.writeString("{\"items\":[")
        for (index, item) in items.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            buffer.writeBytes(item)
        }
        // Cursors are base64url: nothing in them needs escaping.
        buffer.writeString("],\"nextCursor\":" + (nextCursor.map { "\"\($0)\"" } ?? "null") + "}")
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: buffer))
    }
}
