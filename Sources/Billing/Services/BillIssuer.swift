import Foundation
import Identity
import Notifications
import Platform
import Population
import SQLKit
import ServiceHall

/// Department staff issue bills (`POST /api/v1/bills`): for a household (water, electricity, gas) or a resident
/// (traffic fines), for one of the catalog's payment services of their department, under an `Idempotency-Key`.
///
/// The bill, its `issued` event, the notices to the residents it concerns and the stored answer for the key are one
/// transaction: a retry with the key and the same body gets the same answer, with another body
/// `idempotency_key_reused` (422), and N concurrent requests with one key make one bill.
public struct BillIssuer: Sendable {
    let database: Database
    let services: any ServiceDirectory
    let register: RegisterRepository
    let accounts: AccountRepository

    public init(database: Database, cipher: PersonalDataCipher, services: any ServiceDirectory) {
        self.database = database
        self.services = services
        self.register = RegisterRepository(database: database)
        self.accounts = AccountRepository(database: database, cipher: cipher)
    }

    /// The body of `POST /api/v1/bills`; every member is checked, and all faults are reported together.
    public struct IssueRequest: Codable, Sendable, Equatable {
        public var serviceId: String?
        public var householdId: Int64?
        public var residentId: Int64?
        /// The department's own number for the bill (billing period, fine number), unique per department.
        public var reference: String?
        public var title: String?
        public var titleEn: String?
        public var amountFen: Int64?
        /// `YYYY-MM-DD`, today or later.
        public var dueDate: String?

        public init(
            serviceId: String?, householdId: Int64? = nil, residentId: Int64? = nil, reference: String?,
            title: String?, titleEn: String?, amountFen: Int64?, dueDate: String?
        ) {
            self.serviceId = serviceId
            self.householdId = householdId
            self.residentId = residentId
            self.reference = reference
            self.title = title
            self.titleEn = titleEn
            self.amountFen = amountFen
            self.dueDate = dueDate
        }
    }

    /// Issues the bill for `principal` (staff of the service's department) under `key`; 201 with the bill.
    public func issue(_ request: IssueRequest, by principal: Principal?, key: String) async throws
        -> PaymentService.Answer
    {
        let staff = try Authorization.requireRole(principal, .manageBills)
        let hash = IdempotencyKeys.fingerprint("POST", "/api/v1/bills", try PaymentService.json(request))
        if let stored = try await self.stored(staff, key: key, hash: hash) { return stored }
        let (bill, residents) = try await self.validate(request, now: CityClock.now())
        try Authorization.require(staff, .manageBills, department: bill.departmentID)
        let accountIDs = try await self.accounts.residentIDs(idNumberHashes: residents)
        do {
            return try await self.database.transaction { sql in
                if let stored = try await IdempotencyStore.find(account: staff.subject, key: key, on: sql) {
                    let replay = try IdempotencyStore.replay(stored, hash: hash)
                    return .init(status: replay.status, body: replay.body, replayed: true)
                }
                if try await BillRepository.referenceTaken(
                    department: bill.departmentID, reference: bill.reference, on: sql)
                {
                    throw BillingProblem.referenceTaken
                }
                try await BillRepository.insert(bill, actor: staff.subject, on: sql)
                for account in accountIDs { try await Notifier().enqueue(Self.notice(bill, to: account), on: sql) }
                let body = try PaymentService.json(BillView(bill))
                try await IdempotencyStore.save(
                    account: staff.subject, key: key, .init(requestHash: hash, status: 201, body: body), on: sql)
                return .init(status: 201, body: body, replayed: false)
            }
        } catch {
            // Lost a race: the same key committed first (replay it), or another bill took the reference.
            if let stored = try await self.stored(staff, key: key, hash: hash) { return stored }
            if error is any AppError { throw error }
            let taken = try await self.database.withConnection { sql in
                try await BillRepository.referenceTaken(
                    department: bill.departmentID, reference: bill.reference, on: sql)
            }
            if taken { throw BillingProblem.referenceTaken }
            throw error
        }
    }

    private func stored(_ staff: Principal, key: String, hash: String) async throws -> PaymentService.Answer? {
        let stored = try await self.database.withConnection { sql in
            try await IdempotencyStore.find(account: staff.subject, key: key, on: sql)
        }
        return try stored.map {
            let replay = try IdempotencyStore.replay($0, hash: hash)
            return .init(status: replay.status, body: replay.body, replayed: true)
        }
    }

    /// The inbox and SMS notice of a new bill.
    static func notice(_ bill: Bill, to accountID: String) -> NotificationDraft {
        let amount = Fen.format(bill.amountFen)
        return NotificationDraft(
            accountID: accountID, topic: "bill.issued", titleZh: "新账单：\(bill.title)",
            titleEn: "New bill: \(bill.titleEn)",
            bodyZh: "\(bill.title) \(amount)，请于 \(bill.dueDate) 前缴纳。",
            bodyEn: "\(bill.titleEn): \(amount), due by \(bill.dueDate).", link: "/bills/\(bill.id)",
            channels: [.inbox, .sms])
    }
}
