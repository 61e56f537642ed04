import HTTPTypes
import Platform

/// The problems the appointments context answers with, each with a stable code.
public enum AppointmentProblem {
    public static let placeNotFound = Problem.notFound(
        code: "place_not_found", zh: "找不到该预约地点。", en: "No such place.")
    public static let slotNotFound = Problem.notFound(
        code: "slot_not_found", zh: "找不到该预约时段。", en: "No such time slot.")
    public static let appointmentNotFound = Problem.notFound(
        code: "appointment_not_found", zh: "找不到该预约。", en: "No such appointment.")
    public static let slotFull = Problem(
        .conflict, code: "slot_full", zh: "该时段已约满，请选择其他时段。",
        en: "This time slot is fully booked; please choose another.")
    public static let slotClosed = Problem(
        .conflict, code: "slot_closed", zh: "该时段已开始或已结束，不能再预约。",
        en: "This time slot has already begun; it can no longer be booked.")
    public static let alreadyBooked = Problem(
        .conflict, code: "already_booked", zh: "你已预约了该时段。", en: "You have already booked this time slot.")
    public static let notActive = Problem(
        .conflict, code: "appointment_not_active", zh: "该预约已取消，不能再更改。",
        en: "This appointment has been cancelled and can no longer be changed.")
    public static let tooLate = Problem(
        .conflict, code: "appointment_started", zh: "预约时段已开始，不能再改期或取消。",
        en: "The appointment has begun; it can no longer be rescheduled or cancelled.")
    public static let otherService = Problem(
        .unprocessableContent, code: "reschedule_other_service", zh: "只能改约同一服务的其他时段。",
        en: "An appointment can only be moved to another slot of the same service.")
    public static let sameSlot = Problem(
        .unprocessableContent, code: "reschedule_same_slot", zh: "新时段与原时段相同。",
        en: "The new slot is the one already booked.")
    public static let placeExists = Problem(
        .conflict, code: "place_exists", zh: "该地点编号已存在。", en: "A place with this id already exists.")

    /// 400 for a body field that is missing or malformed.
    public static func invalidField(_ name: String, zh: String, en: String) -> Problem {
        Problem(.badRequest, code: "invalid_field", zh: zh, en: en, extensions: ["field": name])
    }
}
