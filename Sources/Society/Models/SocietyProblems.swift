import HTTPTypes
import Platform

/// The problems the society routes answer with, each with a stable `code`.
public enum SocietyProblem {
    /// 422: a field is missing or wrong; `field` names it.
    public static func invalid(_ field: String, zh: String, en: String) -> Problem {
        Problem(.unprocessableContent, code: "invalid_input", zh: zh, en: en, extensions: ["field": field])
    }

    /// 422: the unified social credit code is malformed or its check character is wrong.
    public static func invalidCreditCode(_ refusal: CreditCode.Refusal) -> Problem {
        let (zh, en): (String, String) =
            switch refusal {
            case .length: ("统一社会信用代码应为18位。", "A unified social credit code has 18 characters.")
            case .character(let position):
                (
                    "统一社会信用代码第\(position)位不是允许的字符（不含I、O、Z、S、V）。",
                    "Character \(position) of the credit code is not allowed (I, O, Z, S and V are never used)."
                )
            case .checkCharacter(let expected):
                (
                    "统一社会信用代码校验位不符（应为\(expected)），请核对。",
                    "The credit code's check character does not match (expected \(expected)); check the code."
                )
            }
        return Problem(
            .unprocessableContent, code: "invalid_credit_code", zh: zh, en: en, extensions: ["field": "creditCode"])
    }

    /// 409: another organization holds this credit code.
    public static let creditCodeTaken = Problem(
        .conflict, code: "credit_code_taken", zh: "该统一社会信用代码已登记。",
        en: "An organization with this credit code is registered already.")

    /// 404: nothing of this kind with this id (or not one the caller may see).
    public static func notFound(_ kind: String, _ id: String) -> Problem {
        Problem(
            .notFound, code: "\(kind)_not_found", zh: "找不到编号为“\(id.prefix(40))”的记录。",
            en: "No \(kind) has the id '\(id.prefix(40))'.")
    }

    /// 409: the resident has not opted in as a volunteer.
    public static let notAVolunteer = Problem(
        .conflict, code: "volunteer_required", zh: "请先登记成为志愿者。", en: "Register as a volunteer first.")

    /// 409: the organization is not verified (or suspended) and may not post activities.
    public static let organizationNotActive = Problem(
        .conflict, code: "organization_not_active", zh: "该组织尚未通过核验或已被暂停。",
        en: "The organization is not verified, or it is suspended.")

    /// 409: the volunteer already holds a place on the shift.
    public static let alreadySignedUp = Problem(
        .conflict, code: "already_signed_up", zh: "您已报名该班次。", en: "You are signed up for this shift already.")

    /// 409: the shift overlaps a fixed shift the volunteer already holds.
    public static func overlap(_ other: String) -> Problem {
        Problem(
            .conflict, code: "shift_overlap", zh: "该班次与您已报名的班次时间重叠。",
            en: "This shift overlaps another shift you are signed up for.", extensions: ["shiftId": other])
    }

    /// 409: the shift has ended.
    public static let shiftOver = Problem(
        .conflict, code: "shift_over", zh: "该班次已结束。", en: "The shift is over.")

    /// 409: the sign-up is not in a state for this step (waitlisted, cancelled, not checked in …).
    public static func wrongState(zh: String, en: String) -> Problem {
        Problem(.conflict, code: "signup_state", zh: zh, en: en)
    }

    /// 422: check-in or check-out outside the shift's time window.
    public static let outsideWindow = Problem(
        .unprocessableContent, code: "checkin_outside_window", zh: "不在班次签到时间内（开始前30分钟至结束）。",
        en: "Check-in is open from 30 minutes before the shift starts until it ends.")

    /// 422: the phone is too far from the place.
    public static func tooFar(_ metres: Double) -> Problem {
        Problem(
            .unprocessableContent, code: "checkin_too_far",
            zh: "您距活动地点约\(Int(metres))米，须在\(Int(SocietyLimits.checkinRadius))米以内签到。",
            en: "You are about \(Int(metres)) m from the place; check in within \(Int(SocietyLimits.checkinRadius)) m.",
            extensions: ["field": "lat"])
    }

    /// 422: the code from the place's QR does not match the shift.
    public static let wrongCode = Problem(
        .unprocessableContent, code: "checkin_code_invalid", zh: "签到码不正确，请扫描活动现场的二维码。",
        en: "The check-in code is wrong; scan the QR code shown at the place.", extensions: ["field": "code"])

    /// 422: more hours than the shift allows.
    public static func overShift(_ maximum: Int) -> Problem {
        Problem(
            .unprocessableContent, code: "hours_over_shift",
            zh: "申报时长超过班次时长（最多\(maximum)分钟）。",
            en: "The hours exceed the shift's length (at most \(maximum) minutes).", extensions: ["field": "minutes"])
    }

    /// 409: the hours were reviewed already and may not change.
    public static let alreadyReviewed = Problem(
        .conflict, code: "hours_reviewed", zh: "该时长已审核。", en: "These hours have been reviewed already.")
}

/// The limits the society context applies.
public enum SocietyLimits {
    /// How far from the place (metres) a phone may check in.
    public static let checkinRadius = 300.0
}
