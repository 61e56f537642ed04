import Platform

/// The interface strings of the appointment pages.
enum AppointmentStrings {
    static func table(for locale: AppLocale) -> [String: String] {
        locale == .zh ? zh : en
    }

    /// The message for a refusal code carried back to a page in `?error=`.
    static func message(_ code: String?, locale: AppLocale) -> String? {
        guard let code else { return nil }
        return table(for: locale)["error_" + code] ?? table(for: locale)["error_other"]
    }

    static let zh: [String: String] = [
        "appt_title": "预约挂号与办事",
        "appt_lead": "选择服务和地点，再选时段预约。",
        "appt_hospitals": "医院",
        "appt_centres": "服务中心与场馆",
        "appt_services": "可预约的服务",
        "appt_places_for": "可预约地点",
        "appt_no_places": "未来 7 天暂无地点开放此服务的预约。请稍后再来，或拨打 12345 咨询办理部门。",
        "appt_about_service": "查看办事指南",
        "appt_all_services": "全部预约服务",
        "appt_mine": "我的预约",
        "appt_none": "暂无预约。",
        "appt_slots": "可预约时段",
        "appt_no_slots": "未来 7 天暂无可预约时段。",
        "appt_left": "剩余",
        "appt_full": "已约满",
        "appt_book": "预约",
        "appt_sign_in": "登录后预约",
        "appt_booked": "已预约",
        "appt_cancelled": "已取消",
        "appt_detail": "预约详情",
        "appt_when": "时间",
        "appt_where": "地点",
        "appt_service": "服务",
        "appt_status": "状态",
        "appt_timeline": "记录",
        "appt_reschedule": "改期到",
        "appt_reschedule_submit": "确认改期",
        "appt_cancel": "取消预约",
        "appt_back": "返回预约首页",
        "event_booked": "预约",
        "event_rescheduled": "改期",
        "event_cancelled": "取消",
        "error_slot_full": "该时段已约满，请选择其他时段。",
        "error_slot_closed": "该时段已开始，不能再预约。",
        "error_already_booked": "你已预约了该时段。",
        "error_appointment_not_active": "该预约已取消。",
        "error_appointment_started": "预约时段已开始，不能再改期或取消。",
        "error_reschedule_same_slot": "新时段与原时段相同。",
        "error_unknown_service": "服务目录中已没有该服务，不能再预约。",
        "error_service_kind_mismatch": "该服务不能在线预约。",
        "error_other": "操作未成功，请重试。",
    ]

    static let en: [String: String] = [
        "appt_title": "Appointments",
        "appt_lead": "Choose a service and a place, then a time.",
        "appt_hospitals": "Hospitals",
        "appt_centres": "Service centres and venues",
        "appt_services": "Services you can book",
        "appt_places_for": "Places you can book at",
        "appt_no_places":
            "No place offers this service in the next 7 days. Please look again later, or call 12345 to ask the department.",
        "appt_about_service": "About this service",
        "appt_all_services": "All services you can book",
        "appt_mine": "My appointments",
        "appt_none": "No appointments yet.",
        "appt_slots": "Times you can book",
        "appt_no_slots": "No free times in the next 7 days.",
        "appt_left": "left",
        "appt_full": "Full",
        "appt_book": "Book",
        "appt_sign_in": "Sign in to book",
        "appt_booked": "Booked",
        "appt_cancelled": "Cancelled",
        "appt_detail": "Appointment",
        "appt_when": "When",
        "appt_where": "Where",
        "appt_service": "Service",
        "appt_status": "Status",
        "appt_timeline": "History",
        "appt_reschedule": "Move to",
        "appt_reschedule_submit": "Move the appointment",
        "appt_cancel": "Cancel the appointment",
        "appt_back": "Back to appointments",
        "event_booked": "Booked",
        "event_rescheduled": "Moved",
        "event_cancelled": "Cancelled",
        "error_slot_full": "This time is fully booked; please choose another.",
        "error_slot_closed": "This time has already begun.",
        "error_already_booked": "You have already booked this time.",
        "error_appointment_not_active": "This appointment has been cancelled.",
        "error_appointment_started": "The appointment has begun; it can no longer change.",
        "error_reschedule_same_slot": "That is the time already booked.",
        "error_unknown_service": "The service catalog no longer has this service; it cannot be booked.",
        "error_service_kind_mismatch": "This service cannot be booked online.",
        "error_other": "That did not work; please try again.",
    ]
}
