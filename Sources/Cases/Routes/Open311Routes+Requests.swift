import Foundation
import Platform

extension Open311Routes {
    /// `POST requests`: a new case from a system holding an API key.
    func submit(_ fields: [String: String], _ locale: AppLocale) async throws -> Open311Document {
        guard let key = fields["api_key"], let keyID = try await self.keys.verify(key) else {
            throw Open311Error(status: 403, description: "api_key is missing or not valid")
        }
        guard let code = fields["service_code"], !code.isEmpty else {
            throw Open311Error(status: 400, description: "service_code is required")
        }
        let lat = try Self.coordinate(fields["lat"], name: "lat")
        let lon = try Self.coordinate(fields["long"], name: "long")
        let community = (fields["address_id"] ?? fields["attribute[community]"]).flatMap { $0.isEmpty ? nil : $0 }
        guard community != nil || (lat != nil && lon != nil) else {
            throw Open311Error(status: 400, description: "a location is required: lat and long, or address_id")
        }
        let contact = [fields["first_name"], fields["last_name"], fields["email"], fields["phone"]]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let report = CaseReport(
            category: code, description: fields["description"], address: fields["address_string"], lat: lat,
            lon: lon, communityCode: community, mediaUrl: fields["media_url"])
        let record = try await self.service.report(report, by: .system(keyID: keyID, contact: contact))
        let categories = try await self.service.categories.categories()
        let notice = categories.first { $0.code == record.categoryCode }.map { Self.notice($0, locale) } ?? ""
        return .list(
            item: "request",
            [
                .object([
                    ("service_request_id", .text(record.id)), ("service_notice", .text(notice)),
                    ("account_id", .text(nil)),
                ])
            ])
    }

    static func coordinate(_ text: String?, name: String) throws -> Double? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Double(text) else { throw Open311Error(status: 400, description: "\(name) is not a number") }
        return value
    }

    /// `GET requests`: the standard filters plus `page` and `page_size`.
    func requests(_ fields: [String: String], _ locale: AppLocale) async throws -> Open311Document {
        var query = CaseQuery()
        if let ids = fields["service_request_id"], !ids.isEmpty {
            query.ids = ids.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) }
        } else {
            if let codes = fields["service_code"], !codes.isEmpty {
                query.categories = codes.split(separator: ",").map(String.init)
            }
            let end = try fields["end_date"].map { try Self.date($0, name: "end_date") } ?? CityClock.now() + 1
            let start = try fields["start_date"].map { try Self.date($0, name: "start_date") } ?? end - 90 * 86_400
            query.createdFrom = start
            query.createdTo = end
            if let status = fields["status"], !status.isEmpty {
                var statuses: [CaseStatus] = []
                for part in status.split(separator: ",") {
                    switch part {
                    case "open": statuses += [.received, .accepted, .inProgress]
                    case "closed": statuses += [.resolved, .confirmed, .closed]
                    default: throw Open311Error(status: 400, description: "status must be open or closed")
                    }
                }
                query.statuses = statuses
            }
        }
        let size = try Self.int(fields["page_size"], name: "page_size", in: 1...1000, default: 50)
        let page = try Self.int(fields["page"], name: "page", in: 1...100_000, default: 1)
        let (items, _) = try await self.service.cases.newest(query, after: nil, limit: size, offset: (page - 1) * size)
        let categories = try await self.service.categories.categories()
        var documents: [Open311Document] = []
        for record in items { documents.append(try await self.document(record, categories, locale)) }
        return .list(item: "request", documents)
    }

    /// `GET requests/{id}`.
    func request(_ id: String, _ locale: AppLocale) async throws -> Open311Document {
        guard let record = try await self.service.cases.find(id) else {
            throw Open311Error(status: 404, description: "service_request_id \(id.prefix(40)) not found")
        }
        return .list(
            item: "request", [try await self.document(record, try await self.service.categories.categories(), locale)])
    }

    /// One request as the standard lists it (no personal data: no reporter, digits runs masked).
    func document(_ r: CaseRecord, _ categories: [CaseCategory], _ locale: AppLocale) async throws -> Open311Document {
        let category = categories.first { $0.code == r.categoryCode }
        let agency = try await self.service.departments.name(of: r.departmentID)?.pick(locale) ?? r.departmentID
        return .object([
            ("service_request_id", .text(r.id)), ("status", .text(r.status.isOpen ? "open" : "closed")),
            ("status_notes", .text(r.status.label.pick(locale))),
            ("service_name", .text(category?.name.pick(locale) ?? r.categoryCode)),
            ("service_code", .text(r.categoryCode)), ("description", .text(PublicText.mask(r.description))),
            ("agency_responsible", .text(agency)),
            ("service_notice", .text(category.map { Self.notice($0, locale) })),
            ("requested_datetime", .text(CityClock.rfc3339(r.createdAt))),
            ("updated_datetime", .text(CityClock.rfc3339(r.updatedAt))),
            ("expected_datetime", .text(CityClock.rfc3339(r.promisedAt))),
            ("address", .text(PublicText.mask(r.address))), ("address_id", .text(r.divisionCode)),
            ("zipcode", .text(nil)), ("lat", r.lat.map { Open311Document.number(PublicText.round($0)) } ?? .text(nil)),
            ("long", r.lon.map { Open311Document.number(PublicText.round($0)) } ?? .text(nil)),
            ("media_url", .text(r.mediaURL)),
        ])
    }

    static func date(_ text: String, name: String) throws -> Int64 {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970) }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970) }
        if let day = CityClock.startOfDay(text) { return day }
        throw Open311Error(status: 400, description: "\(name) must be a W3C date-time (2026-12-01T09:00:00+08:00)")
    }

    static func int(_ text: String?, name: String, in range: ClosedRange<Int>, default value: Int) throws -> Int {
        guard let text, !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw Open311Error(
                status: 400, description: "\(name) must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// `GET servicerequestupdates` (FixMyStreet): the history rows in a window (default the last 24 hours).
    func updates(_ fields: [String: String], json: Bool) async throws -> Open311Document {
        let end = try fields["end_date"].map { try Self.date($0, name: "end_date") } ?? CityClock.now() + 1
        let start = try fields["start_date"].map { try Self.date($0, name: "start_date") } ?? end - 86_400
        let rows = try await self.service.cases.updates(from: start, to: end, limit: 1000)
        let items: [Open311Document] = rows.map { row in
            .object([
                ("update_id", .text("\(row.caseID)-\(row.event.seq)")), ("service_request_id", .text(row.caseID)),
                ("status", .text(Self.updateStatus(row.event))),
                ("updated_datetime", .text(CityClock.rfc3339(row.event.createdAt))),
                ("description", .text(PublicText.mask(row.event.note))), ("media_url", .text(nil)),
            ])
        }
        let list = Open311Document.list(item: "request_update", items)
        return json ? .object([("service_request_updates", list)]) : list
    }

    /// FixMyStreet's status words for a history row.
    static func updateStatus(_ event: CaseEvent) -> String {
        switch event.command {
        case "transfer": return "INTERNAL_REFERRAL"
        case "escalate": return "INVESTIGATING"
        default: break
        }
        switch event.toStatus {
        case .received: return "OPEN"
        case .accepted: return "ACTION_SCHEDULED"
        case .inProgress: return "IN_PROGRESS"
        case .resolved, .confirmed: return "FIXED"
        case .closed: return "CLOSED"
        }
    }

    /// `POST servicerequestupdates` (FixMyStreet): a comment from the client's users on a case.
    func postUpdate(_ fields: [String: String], json: Bool) async throws -> Open311Document {
        guard let key = fields["api_key"], let keyID = try await self.keys.verify(key) else {
            throw Open311Error(status: 403, description: "api_key is missing or not valid")
        }
        guard let id = fields["service_request_id"], !id.isEmpty else {
            throw Open311Error(status: 400, description: "service_request_id is required")
        }
        guard let record = try await self.service.cases.find(id) else {
            throw Open311Error(status: 404, description: "service_request_id \(id.prefix(40)) not found")
        }
        let updated = try await self.service.comment(
            record.id, note: fields["description"] ?? "", source: "open311:\(keyID)")
        let list = Open311Document.list(
            item: "request_update", [.object([("update_id", .text("\(updated.id)-\(updated.version)"))])])
        return json ? .object([("service_request_updates", list)]) : list
    }
}
