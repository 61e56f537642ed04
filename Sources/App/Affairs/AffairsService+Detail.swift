import Appointments
import Billing
import HTTPTypes
import Platform
import ServiceHall

extension AffairsService {
    /// An affair with its timeline.
    struct Detail: Sendable {
        let affair: Affair
        let timeline: [AffairStep]
    }

    /// The resident's own affair of `kind` with its timeline: `affair_not_found` (404) for anyone else's.
    func detail(_ principal: Principal?, kind: AffairKind, id: String) async throws -> Detail {
        let resident = try Authorization.requireResident(principal)
        let now = self.clock()
        let names = try await self.names()
        let you = LocalizedText(zh: "本人", en: "You")
        switch kind {
        case .application:
            guard let application = try await self.applications.applications.find(id),
                application.accountID == resident.subject
            else { throw AffairsProblem.notFound }
            let department = names.department(application.departmentID)
            let at = max(application.updatedAt, application.rating?.ratedAt ?? 0)
            var steps = application.steps.map { step in
                let mine = step.handlerID == resident.subject
                return AffairStep(
                    at: step.at, code: step.status.rawValue,
                    label: LocalizedText(zh: step.status.label.zh, en: step.status.label.en),
                    who: mine ? "you" : "staff",
                    whoLabel: mine ? you : Self.staff(of: department), note: step.note)
            }
            if let rating = application.rating {
                steps.append(
                    AffairStep(
                        at: rating.ratedAt, code: "rated", label: LocalizedText(zh: "已评价", en: "Rated"), who: "you",
                        whoLabel: you, note: rating.comment.isEmpty ? nil : rating.comment))
            }
            return Detail(affair: Affair(application, at: at, now: now, department: department), timeline: steps)
        case .appointment:
            guard let appointment = try await self.bookings.find(id), appointment.accountID == resident.subject else {
                throw AffairsProblem.notFound
            }
            let department = names.department(appointment.place.departmentId)
            let labels: [Appointment.Event.Kind: LocalizedText] = [
                .booked: LocalizedText(zh: "预约成功", en: "Booked"),
                .rescheduled: LocalizedText(zh: "已改约", en: "Rescheduled"),
                .cancelled: LocalizedText(zh: "已取消", en: "Cancelled"),
            ]
            let steps = appointment.timeline.map { event in
                let mine = event.actor == resident.subject
                return AffairStep(
                    at: event.at, code: event.kind.rawValue,
                    label: labels[event.kind] ?? LocalizedText(zh: event.kind.rawValue, en: event.kind.rawValue),
                    who: mine ? "you" : "staff", whoLabel: mine ? you : Self.staff(of: department), note: nil)
            }
            return Detail(
                affair: Affair(
                    appointment, at: steps.last?.at ?? appointment.createdAt, now: now,
                    service: names.service(appointment.slot.serviceID), department: department),
                timeline: steps)
        case .bill:
            guard let payer = try await self.payer(principal), let bill = try await self.bills.find(id),
                BillRepository.belongs(bill, to: payer)
            else { throw AffairsProblem.notFound }
            let department = names.department(bill.departmentID)
            let steps = try await self.bills.steps(ofBill: id).map { self.step($0, of: bill, department, resident) }
            return Detail(
                affair: Affair(bill, at: steps.last?.at ?? bill.issuedAt, now: now, department: department),
                timeline: steps)
        case .payment:
            guard let payment = try await self.payments.find(id), payment.accountID == resident.subject else {
                throw AffairsProblem.notFound
            }
            let bill = try await self.bills.find(payment.billID)
            let department = bill.flatMap { names.department($0.departmentID) }
            let steps =
                try await self.bills.steps(ofBill: payment.billID).filter { $0.paymentID == payment.id }
                .compactMap { step in bill.map { self.step(step, of: $0, department, resident) } }
            return Detail(
                affair: Affair(
                    payment, at: steps.last?.at ?? payment.createdAt, bill: bill, department: department),
                timeline: steps)
        }
    }

    /// A bill's step with who took it: the payer, the issuing department, the provider or department staff.
    private func step(_ step: BillStep, of bill: Bill, _ department: LocalizedText?, _ resident: Principal)
        -> AffairStep
    {
        let labels: [BillEvent.Kind: LocalizedText] = [
            .issued: LocalizedText(zh: "出账", en: "Issued"),
            .paymentStarted: LocalizedText(zh: "发起支付", en: "Payment started"),
            .paymentSucceeded: LocalizedText(zh: "支付成功", en: "Payment succeeded"),
            .paymentFailed: LocalizedText(zh: "支付失败", en: "Payment failed"),
            .refundRequested: LocalizedText(zh: "申请退款", en: "Refund requested"),
            .refunded: LocalizedText(zh: "已退款", en: "Refunded"),
        ]
        let who: (String, LocalizedText) =
            if step.actor == resident.subject {
                ("you", LocalizedText(zh: "本人", en: "You"))
            } else if step.actor == bill.departmentID {
                ("department", department ?? LocalizedText(zh: "出账单位", en: "Issuing department"))
            } else if [.paymentSucceeded, .paymentFailed, .refunded].contains(step.kind) {
                ("provider", LocalizedText(zh: "支付机构", en: "Payment provider"))
            } else {
                ("staff", Self.staff(of: department))
            }
        return AffairStep(
            at: step.at, code: step.kind.rawValue,
            label: labels[step.kind] ?? LocalizedText(zh: step.kind.rawValue, en: step.kind.rawValue),
            who: who.0, whoLabel: who.1, note: nil)
    }

    /// "Staff of the department" in words.
    static func staff(of department: LocalizedText?) -> LocalizedText {
        guard let department else { return LocalizedText(zh: "部门工作人员", en: "Department staff") }
        return LocalizedText(zh: department.zh + "工作人员", en: "Staff of " + department.en)
    }
}

/// The problems of "my affairs".
enum AffairsProblem {
    /// 404: no such affair of the signed-in resident.
    static let notFound = Problem(
        .notFound, code: "affair_not_found", zh: "没有找到这项办事记录。", en: "No such affair of yours was found.")
}
