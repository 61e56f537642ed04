import Appointments
import Billing
import Platform
import ServiceHall

/// "My affairs": a resident's applications, appointments, bills and payments in one listing, in order of last
/// activity, composed from each owning context's public API (no context's tables are read here).
///
/// A page costs one indexed query per kind asked for, plus the payer look-up for bills (cached accounts) and one
/// query for the bills that a page's payments pay; the catalog's names come from its in-memory snapshot.
struct AffairsService: Sendable {
    let applications: ApplicationService
    let catalog: CatalogStore
    let bookings: BookingRepository
    let bills: BillRepository
    let payments: PaymentRepository
    let payers: PayerDirectory
    let clock: @Sendable () -> Int64

    init(
        database: Database, applications: ApplicationService, catalog: CatalogStore, payers: PayerDirectory,
        clock: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.applications = applications
        self.catalog = catalog
        self.bookings = BookingRepository(database: database)
        self.bills = BillRepository(database: database)
        self.payments = PaymentRepository(database: database)
        self.payers = payers
        self.clock = clock
    }

    /// One page of affairs.
    struct Listing: Sendable {
        let items: [Affair]
        let next: AffairsCursor?
        /// False when the resident is not matched with the household register, so has no bills to show.
        let billsAvailable: Bool
    }

    /// The resident's affairs of `kinds` in `state` (nil: both), after `cursor`, at most `limit`.
    func list(
        _ principal: Principal?, kinds: Set<AffairKind>, state: AffairState?, after cursor: AffairsCursor?, limit: Int
    ) async throws -> Listing {
        let resident = try Authorization.requireResident(principal)
        let now = self.clock()
        let open = state.map { $0 == .open }
        let fetch = limit + 1
        let names = try await self.names()
        var found: [(affair: Affair, order: Int)] = []
        func add(_ affairs: [Affair]) {
            let base = found.count
            found += affairs.enumerated().map { ($0.element, base + $0.offset) }
        }
        if kinds.contains(.application) {
            add(
                try await self.applications.applications.activity(
                    accountID: resident.subject, finished: open.map { !$0 }, after: cursor?.bound(for: .application),
                    limit: fetch
                ).map { Affair($0.item, at: $0.at, now: now, department: names.department($0.item.departmentID)) })
        }
        if kinds.contains(.appointment) {
            add(
                try await self.bookings.activity(
                    accountID: resident.subject, open: open, now: now, after: cursor?.bound(for: .appointment),
                    limit: fetch
                ).map {
                    Affair(
                        $0.item, at: $0.at, now: now, service: names.service($0.item.slot.serviceID),
                        department: names.department($0.item.place.departmentId))
                })
        }
        var billsAvailable = true
        if kinds.contains(.bill) {
            if let payer = try await self.payer(principal) {
                add(
                    try await self.bills.activity(
                        for: payer, open: open, after: cursor?.bound(for: .bill), limit: fetch
                    ).map { Affair($0.item, at: $0.at, now: now, department: names.department($0.item.departmentID)) })
            } else {
                billsAvailable = false
            }
        }
        if kinds.contains(.payment) {
            let payments = try await self.payments.activity(
                accountID: resident.subject, open: open, after: cursor?.bound(for: .payment), limit: fetch)
            let bills = try await self.bills.find(ids: payments.map(\.item.billID))
            add(
                payments.map {
                    let bill = bills[$0.item.billID]
                    return Affair(
                        $0.item, at: $0.at, bill: bill, department: bill.flatMap { names.department($0.departmentID) })
                })
        }
        let sorted = found.sorted { a, b in
            if a.affair.lastActivityAt != b.affair.lastActivityAt {
                return a.affair.lastActivityAt > b.affair.lastActivityAt
            }
            if a.affair.kind != b.affair.kind { return a.affair.kind.rank > b.affair.kind.rank }
            return a.order < b.order
        }.map(\.affair)
        let page = Array(sorted.prefix(limit))
        let next =
            sorted.count > limit
            ? page.last.map { AffairsCursor(time: $0.lastActivityAt, kind: $0.kind, id: $0.id) } : nil
        return Listing(items: page, next: next, billsAvailable: billsAvailable)
    }

    /// The payer behind a resident, nil when the resident is not matched with the household register.
    func payer(_ principal: Principal?) async throws -> Payer? {
        do {
            return try await self.payers.payer(principal)
        } catch let problem as Problem where problem.code == BillingProblem.notInRegister.code {
            return nil
        }
    }

    /// Names of services and departments from the catalog's in-memory snapshot.
    struct Names: Sendable {
        let snapshot: CatalogSnapshot

        func department(_ id: String) -> LocalizedText? {
            self.snapshot.department(id).map { LocalizedText(zh: $0.name.zh, en: $0.name.en) }
        }

        func service(_ id: String) -> LocalizedText? {
            self.snapshot.service(id).map { LocalizedText(zh: $0.name.zh, en: $0.name.en) }
        }
    }

    func names() async throws -> Names { Names(snapshot: try await self.catalog.snapshot()) }
}
