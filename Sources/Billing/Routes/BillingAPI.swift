import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Platform

/// The billing API: a resident's bills and payments, paying with an `Idempotency-Key`, the provider's callback,
/// refunds by department staff and the daily reconciliation report for auditors.
public struct BillingAPI: Sendable {
    let bills: BillRepository
    let payments: PaymentRepository
    let service: PaymentService
    let payers: PayerDirectory
    let receiver: PaymentCallbackReceiver
    let reconciliation: Reconciliation

    public init(
        database: Database, service: PaymentService, payers: PayerDirectory, receiver: PaymentCallbackReceiver,
        reconciliation: Reconciliation
    ) {
        self.bills = BillRepository(database: database)
        self.payments = PaymentRepository(database: database)
        self.service = service
        self.payers = payers
        self.receiver = receiver
        self.reconciliation = reconciliation
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/me/bills") { request, context in try await self.myBills(request, context) }
        api.on(.get, "/api/v1/bills/{id}") { _, context in try await self.bill(context) }
        api.on(.post, "/api/v1/bills/{id}/payments") { request, context in
            let key = try IdempotencyKeys.validated(request.headers[.idempotencyKey])
            let payer = try await self.payers.payer(context.principal)
            let body = try await request.decode(as: PaymentService.PayRequest.self, context: context)
            let answer = try await self.service.pay(
                billID: try context.parameters.require("id"), payer: payer, key: key, request: body)
            return Self.response(answer)
        }
        api.on(.get, "/api/v1/me/payments") { request, context in try await self.myPayments(request, context) }
        api.on(.get, "/api/v1/payments/{id}") { _, context in try await self.payment(context) }
        api.on(.post, "/api/v1/payments/callback") { request, _ in
            let body = try await request.body.collect(upTo: 64 * 1024)
            try await self.receiver.receive(
                body: String(buffer: body), signature: request.headers[.paymentSignature])
            return Response(status: .noContent)
        }
        api.on(.post, "/api/v1/payments/{id}/refunds") { request, context in
            let key = try IdempotencyKeys.validated(request.headers[.idempotencyKey])
            let body = try await request.decode(as: PaymentService.RefundRequest.self, context: context)
            let answer = try await self.service.refund(
                paymentID: try context.parameters.require("id"), by: context.principal, key: key, request: body,
                address: context.clientAddress)
            return Self.response(answer)
        }
        api.on(.get, "/api/v1/billing/reconciliation") { request, context in
            try await self.report(request, context)
        }
    }

    /// A bill with its payments and timeline.
    struct BillDetail: ResponseEncodable {
        let bill: BillView
        let payments: [PaymentView]
        let timeline: [BillEvent]
    }

    func myBills(_ request: Request, _ context: AppRequestContext) async throws -> Page<BillView> {
        let query = try QueryParameters(request, allowed: ["status", "kind", "service", "cursor", "limit"])
        var kind = try query.choice("kind", as: Bill.Kind.self)
        if let service = query.string("service") {
            guard let byService = Bill.Kind(serviceID: service), kind == nil || kind == byService else {
                throw Problem.invalidParameter(
                    "service",
                    zh: "参数“service”必须是有账单的缴费服务：water-bill、electricity-bill、gas-bill 或 traffic-fine-payment。",
                    en:
                        "Parameter 'service' must be a payment service with bills: water-bill, electricity-bill, gas-bill or traffic-fine-payment."
                )
            }
            kind = byService
        }
        let payer = try await self.payers.payer(context.principal)
        let limit = try query.int("limit", in: 1...100, default: 20)
        let before = try query.string("cursor").map { try Cursor(token: $0).after }
        let (items, more) = try await self.bills.list(
            for: payer, status: try query.choice("status", as: Bill.Status.self), kind: kind, before: before,
            limit: limit)
        return Page(
            items: items.map(BillView.init), nextCursor: more ? items.last.map { Cursor(after: $0.id).token } : nil)
    }

    /// A bill its payer, or staff of its department, may read; anyone else gets 404.
    func bill(_ context: AppRequestContext) async throws -> BillDetail {
        let id = try context.parameters.require("id")
        guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
        guard let bill = try await self.bills.find(id) else { throw BillingProblem.billNotFound }
        if principal.role == .resident {
            guard BillRepository.belongs(bill, to: try await self.payers.payer(principal)) else {
                throw BillingProblem.billNotFound
            }
        } else if !Authorization.permits(principal, .manageBills, department: bill.departmentID) {
            throw BillingProblem.billNotFound
        }
        return BillDetail(
            bill: BillView(bill), payments: try await self.payments.payments(ofBill: id).map(PaymentView.init),
            timeline: try await self.bills.timeline(id))
    }

    func myPayments(_ request: Request, _ context: AppRequestContext) async throws -> Page<PaymentView> {
        let query = try QueryParameters(request, allowed: ["cursor", "limit"])
        let resident = try Authorization.requireResident(context.principal)
        let limit = try query.int("limit", in: 1...100, default: 20)
        let before = try query.string("cursor").map { try Cursor(token: $0).after }
        let (items, more) = try await self.payments.list(accountID: resident.subject, before: before, limit: limit)
        return Page(
            items: items.map(PaymentView.init), nextCursor: more ? items.last.map { Cursor(after: $0.id).token } : nil)
    }

    /// A payment its payer, or staff of the bill's department, may read, with its refund.
    func payment(_ context: AppRequestContext) async throws -> PaymentDetail {
        guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
        let id = try context.parameters.require("id")
        guard let payment = try await self.payments.find(id), let bill = try await self.bills.find(payment.billID)
        else { throw BillingProblem.paymentNotFound }
        let allowed =
            principal.role == .resident
            ? payment.accountID == principal.subject
            : Authorization.permits(principal, .manageBills, department: bill.departmentID)
        guard allowed else { throw BillingProblem.paymentNotFound }
        return PaymentDetail(payment: PaymentView(payment), refund: try await self.payments.refund(ofPayment: id))
    }

    /// A payment and its refund.
    struct PaymentDetail: ResponseEncodable {
        let payment: PaymentView
        let refund: Refund?
    }

    func report(_ request: Request, _ context: AppRequestContext) async throws -> Reconciliation.Report {
        let query = try QueryParameters(request, allowed: ["date"])
        guard let principal = context.principal else { throw AuthorizationProblem.unauthenticated }
        guard Authorization.roles(for: .readReconciliation).contains(principal.role) else {
            throw AuthorizationProblem.forbidden
        }
        let date = query.string("date") ?? CityClock.localDate(CityClock.now())
        guard let report = try await self.reconciliation.report(date: date) else {
            throw Problem.invalidParameter(
                "date", zh: "参数“date”必须是 YYYY-MM-DD 格式的日期。", en: "Parameter 'date' must be a date, YYYY-MM-DD.")
        }
        return report
    }

    static func response(_ answer: PaymentService.Answer) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if answer.replayed { headers[.idempotentReplayed] = "true" }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: answer.body)))
    }
}

extension Reconciliation.Report: ResponseEncodable {}

extension HTTPField.Name {
    /// `Idempotency-Key`: one request's identity across retries.
    public static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// `Idempotent-Replayed: true` marks an answer repeated from an earlier request with the same key.
    public static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!
    /// The provider's callback signature.
    public static let paymentSignature = HTTPField.Name(CallbackSignature.header)!
}
