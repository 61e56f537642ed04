import HTTPTypes
import Platform

/// The problems the cases routes answer with, each with a stable `code`.
public enum CasesProblem {
    /// 422: a field of a report is missing or wrong; `field` names it.
    public static func invalidReport(_ field: String, zh: String, en: String) -> Problem {
        Problem(.unprocessableContent, code: "invalid_case", zh: zh, en: en, extensions: ["field": field])
    }

    /// 422: the point lies outside the city.
    public static let outsideCity = Problem(
        .unprocessableContent, code: "location_outside_city",
        zh: "位置不在成都市范围内（东经102.9–104.9°，北纬30.1–31.5°）。",
        en: "The location is outside Chengdu (102.9–104.9° E, 30.1–31.5° N).", extensions: ["field": "lat"])

    /// 422: no such category.
    public static func unknownCategory(_ code: String) -> Problem {
        Problem(
            .unprocessableContent, code: "unknown_category", zh: "没有“\(code.prefix(40))”这一诉求类别。",
            en: "There is no case category '\(code.prefix(40))'.", extensions: ["field": "category"])
    }

    /// 422: the community code does not name a community.
    public static func unknownCommunity(_ code: String) -> Problem {
        Problem(
            .unprocessableContent, code: "unknown_community", zh: "代码“\(code.prefix(40))”不是本市的社区。",
            en: "'\(code.prefix(40))' is not a community of this city.", extensions: ["field": "communityCode"])
    }

    /// 422: a photo is too large or not a JPEG/PNG image.
    public static func invalidPhoto(_ index: Int, zh: String, en: String) -> Problem {
        Problem(.unprocessableContent, code: "invalid_photo", zh: zh, en: en, extensions: ["field": "photos[\(index)]"])
    }

    /// 404: no case with this id (or not one the caller may see).
    public static func notFound(_ id: String) -> Problem {
        Problem(
            .notFound, code: "case_not_found", zh: "找不到编号为“\(id.prefix(40))”的诉求。",
            en: "No case has the id '\(id.prefix(40))'.")
    }

    /// 409: the transition does not apply in the case's status (or level).
    public static func refused(_ refusal: CaseWorkflow.Refusal, status: CaseStatus) -> Problem {
        switch refusal {
        case .invalidTransition(let from, let command):
            Problem(
                .conflict, code: "invalid_transition",
                zh: "诉求当前状态为“\(from.label.zh)”，不能执行“\(command.rawValue)”。",
                en: "The case is \(from.label.en.lowercased()); '\(command.rawValue)' does not apply.",
                extensions: ["caseStatus": status.rawValue])
        case .notAllowed(_, let command):
            Problem(
                .forbidden, code: "forbidden", zh: "无权对该诉求执行“\(command.rawValue)”。",
                en: "You may not '\(command.rawValue)' this case.")
        case .cannotEscalateFurther:
            Problem(
                .conflict, code: "cannot_escalate", zh: "诉求已在市级，不能再上报。",
                en: "The case is already at the city level; it cannot escalate further.")
        }
    }

    /// 409: someone else changed the case first.
    public static let concurrentChange = Problem(
        .conflict, code: "case_changed", zh: "诉求刚被他人更新，请刷新后重试。",
        en: "Someone else changed the case just now; reload it and try again.")

    /// 409: the case has a rating already.
    public static let alreadyRated = Problem(
        .conflict, code: "already_rated", zh: "该诉求已评价。", en: "The case has been rated already.")

}
