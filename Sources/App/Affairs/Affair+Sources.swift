import Appointments
import Billing
import Platform
import ServiceHall

/// How each context's item becomes an ``Affair``: its status, state, key times and next actions.
extension Affair {
    /// An application: rate it when finished and not yet rated.
    init(_ application: Application, at: Int64, now: Int64, department: LocalizedText?) {
        let rate =
            application.status.isFinished && application.rating == nil
            ? [
                AffairAction(
                    name: "rate", label: LocalizedText(zh: "评价", en: "Rate"), method: "POST",
                    api: "/api/v1/me/applications/\(application.id)/rating",
                    page: "/me/affairs/application/\(application.id)#rate")
            ] : []
        self.init(
            kind: .application, id: application.id,
            title: LocalizedText(zh: application.serviceName.zh, en: application.serviceName.en),
            status: application.status.rawValue,
            statusLabel: LocalizedText(zh: application.status.label.zh, en: application.status.label.en),
            state: application.status.isFinished ? .done : .open, serviceID: application.serviceID,
            departmentID: application.departmentID, departmentName: department, lastActivityAt: at,
            createdAt: application.submittedAt, dueAt: application.dueAt, dueDate: nil, startsAt: nil, endsAt: nil,
            finishedAt: application.finishedAt, amountFen: nil, overdue: application.isOverdue(now: now),
            rating: application.rating.map { AffairRating(stars: $0.stars, comment: $0.comment) },
            sourceAPI: "/api/v1/me/applications/\(application.id)", sourcePage: "/me/applications/\(application.id)",
            actions: rate)
    }

    /// An appointment: reschedule or cancel it while it holds a place in a slot still to come.
    init(_ appointment: Appointment, at: Int64, now: Int64, service: LocalizedText?, department: LocalizedText?) {
        let ended = appointment.status == .booked && appointment.slot.endsAt <= now
        let open = appointment.status == .booked && !ended
        let status = ended ? "ended" : appointment.status.rawValue
        let labels: [String: LocalizedText] = [
            "booked": LocalizedText(zh: "已预约", en: "Booked"), "ended": LocalizedText(zh: "已结束", en: "Ended"),
            "cancelled": LocalizedText(zh: "已取消", en: "Cancelled"),
        ]
        let place = LocalizedText(zh: appointment.place.name, en: appointment.place.nameEn)
        let page = "/appointments/mine/\(appointment.id)"
        self.init(
            kind: .appointment, id: appointment.id,
            title: service.map { LocalizedText(zh: "\($0.zh) · \(place.zh)", en: "\($0.en) · \(place.en)") } ?? place,
            status: status, statusLabel: labels[status] ?? LocalizedText(zh: status, en: status),
            state: open ? .open : .done, serviceID: appointment.slot.serviceID,
            departmentID: appointment.place.departmentId, departmentName: department, lastActivityAt: at,
            createdAt: appointment.createdAt, dueAt: nil, dueDate: nil, startsAt: appointment.slot.startsAt,
            endsAt: appointment.slot.endsAt, finishedAt: nil, amountFen: nil, overdue: false, rating: nil,
            sourceAPI: "/api/v1/me/appointments/\(appointment.id)", sourcePage: page,
            actions: open
                ? [
                    AffairAction(
                        name: "reschedule", label: LocalizedText(zh: "改约", en: "Reschedule"), method: "POST",
                        api: "/api/v1/me/appointments/\(appointment.id)/reschedule", page: page),
                    AffairAction(
                        name: "cancel", label: LocalizedText(zh: "取消预约", en: "Cancel"), method: "POST",
                        api: "/api/v1/me/appointments/\(appointment.id)/cancellation", page: page),
                ] : [])
    }

    /// A bill: pay it while it is unpaid.
    init(_ bill: Bill, at: Int64, now: Int64, department: LocalizedText?) {
        let waiting: Set<Bill.Status> = [.unpaid, .pending, .refundPending]
        self.init(
            kind: .bill, id: bill.id, title: LocalizedText(zh: bill.title, en: bill.titleEn),
            status: bill.status.rawValue,
            statusLabel: Self.billLabels[bill.status]
                ?? LocalizedText(zh: bill.status.rawValue, en: bill.status.rawValue),
            state: waiting.contains(bill.status) ? .open : .done, serviceID: nil, departmentID: bill.departmentID,
            departmentName: department, lastActivityAt: at, createdAt: bill.issuedAt, dueAt: nil,
            dueDate: bill.dueDate, startsAt: nil, endsAt: nil, finishedAt: bill.paidAt, amountFen: bill.amountFen,
            overdue: bill.status == .unpaid && CityClock.localDate(now) > bill.dueDate, rating: nil,
            sourceAPI: "/api/v1/bills/\(bill.id)", sourcePage: "/bills/\(bill.id)",
            actions: bill.status == .unpaid
                ? [
                    AffairAction(
                        name: "pay", label: LocalizedText(zh: "去缴费", en: "Pay"), method: "POST",
                        api: "/api/v1/bills/\(bill.id)/payments", page: "/bills/\(bill.id)/pay")
                ] : [])
    }

    /// A payment, titled after its bill.
    init(_ payment: Payment, at: Int64, bill: Bill?, department: LocalizedText?) {
        let waiting: Set<Payment.Status> = [.pending, .refundPending]
        let labels: [Payment.Status: LocalizedText] = [
            .pending: LocalizedText(zh: "确认中", en: "Confirming"), .succeeded: LocalizedText(zh: "支付成功", en: "Paid"),
            .failed: LocalizedText(zh: "支付失败", en: "Failed"),
            .refundPending: LocalizedText(zh: "退款中", en: "Refund pending"),
            .refunded: LocalizedText(zh: "已退款", en: "Refunded"),
        ]
        self.init(
            kind: .payment, id: payment.id,
            title: LocalizedText(
                zh: "缴费：" + (bill?.title ?? payment.billID), en: "Payment: " + (bill?.titleEn ?? payment.billID)),
            status: payment.status.rawValue,
            statusLabel: labels[payment.status]
                ?? LocalizedText(zh: payment.status.rawValue, en: payment.status.rawValue),
            state: waiting.contains(payment.status) ? .open : .done, serviceID: nil,
            departmentID: bill?.departmentID ?? "", departmentName: department, lastActivityAt: at,
            createdAt: payment.createdAt, dueAt: nil, dueDate: nil, startsAt: nil, endsAt: nil,
            finishedAt: payment.confirmedAt, amountFen: payment.amountFen, overdue: false, rating: nil,
            sourceAPI: "/api/v1/payments/\(payment.id)", sourcePage: "/bills/\(payment.billID)", actions: [])
    }

    /// A bill's status in words.
    static let billLabels: [Bill.Status: LocalizedText] = [
        .unpaid: LocalizedText(zh: "待缴", en: "Unpaid"), .pending: LocalizedText(zh: "确认中", en: "Confirming"),
        .paid: LocalizedText(zh: "已缴", en: "Paid"), .refundPending: LocalizedText(zh: "退款中", en: "Refund pending"),
        .refunded: LocalizedText(zh: "已退款", en: "Refunded"),
    ]
}
