import Foundation
import HTTPTypes
import Hummingbird
import Platform
import ServiceHall

/// The console form where department staff issue a bill (`/console/bills/new`), the page twin of
/// `POST /api/v1/bills`: the same issuer, the same per-field messages, and a fresh idempotency key in the form so a
/// double submit issues once. Works without JavaScript.
public struct BillingStaffPages: Sendable {
    let issuer: BillIssuer
    let services: any ServiceDirectory
    let renderer: PageRenderer

    public init(issuer: BillIssuer, services: any ServiceDirectory, renderer: PageRenderer) {
        self.issuer = issuer
        self.services = services
        self.renderer = renderer
    }

    /// Registers the form and its action.
    public func register(on router: Router<AppRequestContext>) {
        router.get("/console/bills/new") { request, context in
            let query = try QueryParameters(request, allowed: ["issued"])
            guard context.principal != nil else { return WebForm.redirect("/console") }
            let staff = try Authorization.requireRole(context.principal, .manageBills)
            return try await self.form(staff, request, context, issued: query.string("issued"))
        }
        router.post("/console/bills") { request, context in
            guard context.principal != nil else { return WebForm.redirect("/console") }
            let (principal, fields) = try await WebForm.requireSession(request, context: context)
            let staff = try Authorization.requireRole(principal, .manageBills)
            let key = try IdempotencyKeys.validated(fields["key"])
            let payer = fields["payer"] == "resident" ? "residentId" : "householdId"
            let number = fields["payerId"].flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
            let body = BillIssuer.IssueRequest(
                serviceId: fields["serviceId"], householdId: payer == "householdId" ? number : nil,
                residentId: payer == "residentId" ? number : nil, reference: fields["reference"],
                title: fields["title"], titleEn: fields["titleEn"], amountFen: Self.fen(fields["amount"] ?? ""),
                dueDate: fields["dueDate"])
            do {
                let answer = try await self.issuer.issue(body, by: staff, key: "page:" + key)
                let bill = try JSONDecoder().decode(BillView.self, from: Data(answer.body.utf8))
                return WebForm.redirect("/console/bills/new?issued=\(bill.id)")
            } catch let invalid as BillInvalid {
                return try await self.form(
                    staff, request, context, values: fields, invalid: invalid, status: .unprocessableContent)
            } catch let problem as Problem where problem.status == .conflict || problem.status == .unprocessableContent
            {
                return try await self.form(
                    staff, request, context, values: fields, message: problem.detail(context.locale),
                    status: problem.status)
            }
        }
    }

    /// Yuan as people write it (`46.5`, `46.50`, `1200`) in fen; nil when it is not such an amount.
    public static func fen(_ text: String) -> Int64? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let yuan = Int64(parts[0]), yuan >= 0, yuan < 10_000_000 else {
            return nil
        }
        guard parts.count == 2 else { return yuan * 100 }
        let cents = parts[1]
        guard (1...2).contains(cents.count), cents.allSatisfy(\.isASCII), let value = Int64(cents) else { return nil }
        return yuan * 100 + (cents.count == 1 ? value * 10 : value)
    }

    private func form(
        _ staff: Principal, _ request: Request, _ context: AppRequestContext, values: [String: String] = [:],
        invalid: BillInvalid? = nil, message: String? = nil, issued: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let locale = context.locale
        let strings = BillingStrings.table(for: locale)
        let offered = try await self.services.services(of: .payment).filter {
            Bill.Kind(serviceID: $0.id) != nil
                && Authorization.permits(staff, .manageBills, department: $0.departmentID)
        }
        func error(_ field: String) -> String? {
            invalid?.errors.first { $0.field == field }.map { locale.pick(zh: $0.zh, en: $0.en) }
        }
        var random = SystemRandomNumberGenerator()
        let model = IssueFormModel(
            csrf: context.sessionCSRF ?? "",
            key: values["key"] ?? (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }.hexString,
            services: offered.map {
                .init(value: $0.id, label: $0.name(in: locale), selected: values["serviceId"] == $0.id)
            },
            resident: values["payer"] == "resident", payerId: values["payerId"] ?? "",
            reference: values["reference"] ?? "", title: values["title"] ?? "", titleEn: values["titleEn"] ?? "",
            amount: values["amount"] ?? "", dueDate: values["dueDate"] ?? "",
            errors: .init(
                serviceId: error("serviceId"),
                payer: error("householdId") ?? error("residentId"), reference: error("reference"),
                title: error("title"), titleEn: error("titleEn"), amount: error("amountFen"),
                dueDate: error("dueDate")),
            hasErrors: invalid != nil, message: message, issued: issued)
        return self.renderer.render(
            "console-bill-new", title: strings["issue_title"] ?? "", model: model, request: request,
            context: context, strings: strings, status: status)
    }
}

extension BillingStaffPages {
    /// `/console/bills/new`.
    struct IssueFormModel: Sendable {
        /// A payment service the official may bill for.
        struct Option: Sendable {
            let value: String
            let label: String
            let selected: Bool
        }

        /// The message of each field at fault.
        struct Errors: Sendable {
            let serviceId: String?
            let payer: String?
            let reference: String?
            let title: String?
            let titleEn: String?
            let amount: String?
            let dueDate: String?
        }

        let csrf: String
        let key: String
        let services: [Option]
        let resident: Bool
        let payerId: String
        let reference: String
        let title: String
        let titleEn: String
        let amount: String
        let dueDate: String
        let errors: Errors
        let hasErrors: Bool
        let message: String?
        let issued: String?
    }
}

extension AppError {
    /// The message for `locale`.
    func detail(_ locale: AppLocale) -> String { locale.pick(zh: self.detailZH, en: self.detailEN) }
}
