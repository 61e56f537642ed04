import Crypto
import Foundation
import Hummingbird
import Platform
import ServiceHall

/// The residents' bill pages (`/bills`, a bill with its receipt and history, a confirmation step before paying) and
/// the auditors' reconciliation page in the console. Server-rendered, usable without JavaScript; forms carry the
/// session's CSRF token, and the payment form a fresh idempotency key so a double submit pays once.
///
/// `/bills?service=<id>` narrows the list to one catalog payment service (the service hall's pages link there).
public struct BillingPages: Sendable {
    let bills: BillRepository
    let payments: PaymentRepository
    let context: BillingContext
    let services: any ServiceDirectory
    let renderer: PageRenderer

    public init(
        database: Database, context: BillingContext, services: any ServiceDirectory, renderer: PageRenderer
    ) {
        self.bills = BillRepository(database: database)
        self.payments = PaymentRepository(database: database)
        self.context = context
        self.services = services
        self.renderer = renderer
    }

    /// The directory holding this context's templates.
    public static var templateDirectory: String {
        Bundle.module.resourcePath.map { $0 + "/templates" } ?? "Sources/Billing/Resources/templates"
    }

    /// Registers the pages and the payment form's action.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/bills") { request, context in
            let query = try QueryParameters(request, allowed: ["service"])
            let service = try await self.filter(query)
            guard context.principal != nil else {
                return WebForm.signInRedirect(returningTo: "/bills" + (service.map { "?service=" + $0.id } ?? ""))
            }
            return try await self.list(request, context, service: service)
        }
        router.get("/bills/{id}") { request, context in
            let query = try QueryParameters(request, allowed: ["error"])
            let id = try context.parameters.require("id")
            guard context.principal != nil else { return WebForm.signInRedirect(returningTo: "/bills/\(id)") }
            return try await self.detail(id, "bill-detail", request, context, error: query.string("error"))
        }
        router.get("/bills/{id}/pay") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let id = try context.parameters.require("id")
            guard context.principal != nil else { return WebForm.signInRedirect(returningTo: "/bills/\(id)/pay") }
            return try await self.detail(id, "bill-pay", request, context, error: nil)
        }
        router.post("/bills/{id}/pay") { request, context in
            let id = try context.parameters.require("id")
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            let payer = try await self.context.payers.payer(principal)
            let key = try IdempotencyKeys.validated(fields["key"])
            guard let amount = fields["amountFen"].flatMap({ Int64($0) }) else {
                throw Problem.invalidParameter("amountFen", zh: "金额无效。", en: "The amount is invalid.")
            }
            do {
                _ = try await self.context.payments.pay(
                    billID: id, payer: payer, key: "page:" + key, request: .init(amountFen: amount))
                return WebForm.redirect("/bills/\(id)")
            } catch let problem as Problem where problem.status == .conflict {
                return WebForm.redirect("/bills/\(id)?error=\(problem.code)")
            }
        }
        router.get("/console/billing/reconciliation") { request, context in
            let query = try QueryParameters(request, allowed: ["date"])
            guard let principal = context.principal else { return WebForm.redirect("/console") }
            guard Authorization.roles(for: .readReconciliation).contains(principal.role) else {
                throw AuthorizationProblem.forbidden
            }
            return try await self.reconciliation(query.string("date"), request, context)
        }
    }

    /// The catalog payment service `?service=` names, refused with the catalog's problem when it is none.
    private func filter(_ query: QueryParameters) async throws -> DirectoryService? {
        guard let id = query.string("service") else { return nil }
        guard id.utf8.count <= 60 else {
            throw Problem.invalidParameter(
                "service", zh: "参数“service”必须是服务编号。", en: "Parameter 'service' must be a service id.")
        }
        return try await self.services.require(id, kind: .payment, field: "service")
    }

    private func list(_ request: Request, _ context: AppRequestContext, service: DirectoryService?) async throws
        -> Response
    {
        let strings = BillingStrings.table(for: context.locale)
        let kind = service.flatMap { Bill.Kind(serviceID: $0.id) }
        // A payment service without bills here (top-ups, contributions) says so instead of listing nothing.
        let noBillsHere = service != nil && kind == nil
        var rows: [Bill] = []
        var verified = true
        do {
            let payer = try await self.context.payers.payer(context.principal)
            if !noBillsHere { rows = try await self.bills.list(for: payer, kind: kind, before: nil, limit: 100).items }
        } catch let problem as Problem where problem.code == "register_match_required" {
            verified = false
        }
        let open = rows.filter { $0.status == .unpaid || $0.status == .pending }.map {
            Self.row($0, strings, context.locale)
        }
        let done = rows.filter { $0.status != .unpaid && $0.status != .pending }.map {
            Self.row($0, strings, context.locale)
        }
        return self.renderer.render(
            "bills", title: strings["bills_title"] ?? "",
            model: ListModel(
                service: service.map { ServiceRow(id: $0.id, name: $0.name(in: context.locale)) },
                noBillsHere: noBillsHere, verified: verified, open: open, done: done, hasOpen: !open.isEmpty,
                hasDone: !done.isEmpty, empty: verified && rows.isEmpty && !noBillsHere),
            request: request, context: context, strings: strings)
    }

    private func detail(
        _ id: String, _ template: String, _ request: Request, _ context: AppRequestContext, error: String?
    ) async throws -> Response {
        let payer = try await self.context.payers.payer(context.principal)
        guard let bill = try await self.bills.find(id), BillRepository.belongs(bill, to: payer) else {
            throw BillingProblem.billNotFound
        }
        let strings = BillingStrings.table(for: context.locale)
        let payments = try await self.payments.payments(ofBill: id)
        let timeline = try await self.bills.timeline(id).map { event in
            EventRow(
                when: event.at.prefix(16).replacingOccurrences(of: "T", with: " "),
                what: strings["event_" + event.kind.rawValue] ?? event.kind.rawValue)
        }
        var random = SystemRandomNumberGenerator()
        let key = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }.hexString
        let model = DetailModel(
            bill: Self.row(bill, strings, context.locale), reference: bill.reference, amountFen: bill.amountFen,
            payable: bill.status == .unpaid, pending: bill.status == .pending,
            payments: payments.reversed().map { Self.row($0, strings) }, timeline: timeline,
            error: error.map { strings["error_" + $0] ?? strings["error_other"] ?? "" }, key: key)
        let title =
            template == "bill-pay"
            ? strings["bill_confirm_title"] ?? "" : context.locale.pick(zh: bill.title, en: bill.titleEn)
        return self.renderer.render(
            template, title: title, model: model, request: request, context: context, strings: strings)
    }

    private func reconciliation(_ date: String?, _ request: Request, _ context: AppRequestContext) async throws
        -> Response
    {
        let day = date ?? CityClock.localDate(CityClock.now())
        guard let report = try await self.context.reconciliation.report(date: day) else {
            throw Problem.invalidParameter(
                "date", zh: "参数“date”必须是 YYYY-MM-DD 格式的日期。", en: "Parameter 'date' must be a date, YYYY-MM-DD.")
        }
        let strings = BillingStrings.table(for: context.locale)
        func totals(_ side: String, _ t: Reconciliation.Totals) -> TotalsRow {
            TotalsRow(
                side: side, charges: "\(t.charges) · \(Fen.format(t.chargesFen))",
                refunds: "\(t.refunds) · \(Fen.format(t.refundsFen))", net: Fen.format(t.netFen))
        }
        let model = ReconciliationModel(
            date: day,
            totals: [
                totals(strings["recon_ledger"] ?? "", report.ledger),
                totals(strings["recon_provider"] ?? "", report.provider),
            ],
            matched: report.matched,
            mismatches: report.mismatches.map {
                MismatchRow(
                    problem: $0.problem, kind: $0.kind.rawValue, reference: $0.merchantRef,
                    ledger: $0.ledgerFen.map(Fen.format) ?? "—", provider: $0.providerFen.map(Fen.format) ?? "—")
            }, balanced: report.balanced)
        return self.renderer.render(
            "console-reconciliation", title: strings["recon_title"] ?? "", model: model, request: request,
            context: context, strings: strings)
    }
}
