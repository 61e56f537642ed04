import Foundation
import Platform
import Population
import ServiceHall

extension BillIssuer {
    /// Checks every field of a new bill; returns the bill and the ID-number hashes of the people it concerns, or
    /// throws ``BillInvalid`` with a message per field at fault.
    func validate(_ request: IssueRequest, now: Int64) async throws -> (Bill, [String]) {
        var errors: [BillInvalid.FieldError] = []
        func fault(_ field: String, _ zh: String, _ en: String) { errors.append(.init(field: field, zh: zh, en: en)) }

        var kind: Bill.Kind?
        var department: String?
        if let id = request.serviceId, !id.isEmpty {
            let service = id.utf8.count <= 60 ? try await self.services.service(id) : nil
            if let service, service.kind == .payment, let billKind = Bill.Kind(serviceID: id) {
                kind = billKind
                department = service.departmentID
            } else if let service, service.kind == .payment {
                fault("serviceId", "“\(service.name)”的账单暂不在本平台出具。", "Bills of '\(service.nameEn)' are not issued here.")
            } else if let service {
                fault("serviceId", "“\(service.name)”不是缴费服务。", "'\(service.nameEn)' is not a payment service.")
            } else {
                fault("serviceId", "服务目录中没有该服务。", "The service catalog has no such service.")
            }
        } else {
            fault("serviceId", "请填写缴费服务编号，如 water-bill。", "Give the payment service's id, such as water-bill.")
        }

        var payer: (household: Int64?, resident: Int64?, community: String, people: [String])?
        switch (request.householdId, request.residentId) {
        case (.some, .some), (nil, nil):
            fault(
                "householdId", "请只填写 householdId（户）或 residentId（居民）其中之一。",
                "Give either householdId (a household) or residentId (a resident), not both.")
        case (.some(let household), nil):
            if kind == .trafficFine {
                fault("residentId", "交通罚款须开给居民本人（residentId）。", "A traffic fine is issued to a resident (residentId).")
            } else if let entry = try await self.register.householdEntry(household) {
                payer = (household, nil, entry.communityCode, entry.idNumberHashes)
            } else {
                fault("householdId", "户籍登记中没有该户。", "The household register has no such household.")
            }
        case (nil, .some(let resident)):
            if let kind, kind != .trafficFine {
                fault(
                    "householdId", "水、电、燃气费须开给户（householdId）。",
                    "Water, electricity and gas bills are issued to a household (householdId).")
            } else if let entry = try await self.register.residentEntry(resident) {
                payer = (nil, resident, entry.communityCode, entry.idNumberHashes)
            } else {
                fault("residentId", "户籍登记中没有该居民。", "The household register has no such resident.")
            }
        }

        let reference = request.reference?.trimmingCharacters(in: .whitespaces) ?? ""
        if !(1...64).contains(reference.utf8.count) || !reference.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) {
            fault(
                "reference", "账单编号必须是 1–64 个可见 ASCII 字符（字母、数字、符号）。",
                "The reference must have 1–64 visible ASCII characters.")
        }
        let title = request.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !(1...100).contains(title.count) {
            fault("title", "中文标题必须是 1–100 个字符。", "The Chinese title must have 1–100 characters.")
        }
        let titleEn = request.titleEn?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if !(1...100).contains(titleEn.count) {
            fault("titleEn", "英文标题必须是 1–100 个字符。", "The English title must have 1–100 characters.")
        }
        let amount = request.amountFen ?? 0
        if !(1...100_000_000).contains(amount) {
            fault(
                "amountFen", "金额必须是 1 到 100000000 之间的整数（单位：分，即最多 100 万元）。",
                "The amount must be a whole number of fen from 1 to 100,000,000 (at most CNY 1,000,000).")
        }
        let today = CityClock.localDate(now)
        let due = request.dueDate ?? ""
        if CityClock.startOfDay(due) == nil || due.utf8.count != 10 {
            fault("dueDate", "缴费期限必须是 YYYY-MM-DD 格式的日期。", "The due date must be a date, YYYY-MM-DD.")
        } else if due < today {
            fault("dueDate", "缴费期限不能早于今天（\(today)）。", "The due date cannot be before today (\(today)).")
        } else if due > Self.latestDueDate(today: today) {
            let latest = Self.latestDueDate(today: today)
            fault(
                "dueDate", "缴费期限最晚为五年后（\(latest)）。", "The due date can be at most five years ahead (\(latest)).")
        }

        guard errors.isEmpty, let kind, let department, let payer else { throw BillInvalid(errors: errors) }
        let bill = Bill(
            id: SortableID.make(), kind: kind, householdID: payer.household, residentID: payer.resident,
            communityCode: payer.community, departmentID: department, reference: reference, title: title,
            titleEn: titleEn, amountFen: amount, dueDate: due, issuedAt: now)
        return (bill, payer.people)
    }

    /// The latest due date a bill may have: the same day five years after `today` (both `YYYY-MM-DD`; 29 February
    /// becomes 28 February when the later year has none, which text comparison handles as it is).
    static func latestDueDate(today: String) -> String {
        guard let year = Int(today.prefix(4)) else { return today }
        return String(year + 5) + today.dropFirst(4)
    }
}
