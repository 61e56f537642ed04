import HTTPTypes
import Platform

/// The service hall's problems with a stable `code` each.
public enum ServiceHallProblem {
    /// 404: no such service in the catalog.
    public static func serviceNotFound(_ id: String) -> Problem {
        Problem(
            .notFound, code: "service_not_found", zh: "找不到服务“\(id.prefix(60))”。",
            en: "No service has the id '\(id.prefix(60))'.")
    }

    /// 404: no such application, or not one the caller may see.
    public static let applicationNotFound = Problem(
        .notFound, code: "application_not_found", zh: "找不到该办件。", en: "No such application.")

    /// 409: the service cannot be applied for here (a guide, a payment …).
    public static func notAnApplication(_ service: CatalogService) -> Problem {
        Problem(
            .conflict, code: "service_not_applicable",
            zh: "“\(service.name.zh)”不能在线申请（服务类型：\(service.kind.rawValue)）。",
            en: "'\(service.name.en)' cannot be applied for online (kind: \(service.kind.rawValue)).",
            extensions: ["kind": service.kind.rawValue])
    }

    /// 409: the action is not allowed in the application's current status.
    public static func transitionNotAllowed(_ action: HandlingAction, from status: ApplicationStatus) -> Problem {
        Problem(
            .conflict, code: "transition_not_allowed",
            zh: "办件当前为“\(status.label.zh)”，不能执行“\(action.label.zh)”。",
            en: "The application is '\(status.label.en)'; '\(action.label.en)' is not possible now.",
            extensions: ["applicationStatus": status.rawValue, "action": action.rawValue])
    }

    /// 403: a member of staff of another department.
    public static let otherDepartment = Problem(
        .forbidden, code: "application_other_department",
        zh: "该办件属于其他部门，你无权处理。", en: "This application belongs to another department; you may not handle it.")

    /// 422: a rejection needs a reason.
    public static let reasonRequired = Problem(
        .unprocessableContent, code: "reason_required",
        zh: "不予通过时须填写原因（2–500 字），申请人会看到它。",
        en: "A rejection needs a reason (2–500 characters); the applicant will see it.",
        extensions: ["parameter": "reason"])

    /// 409: ratings are for finished applications.
    public static let notFinished = Problem(
        .conflict, code: "application_not_finished",
        zh: "办件办结或不予通过后才能评价。", en: "An application can be rated once it is completed or rejected.")

    /// 409: one rating per application.
    public static let alreadyRated = Problem(
        .conflict, code: "already_rated", zh: "该办件已经评价过了。", en: "This application has already been rated.")

    /// 422: stars outside 1–5 or an over-long comment.
    public static let invalidRating = Problem(
        .unprocessableContent, code: "invalid_rating",
        zh: "评价须为 1 到 5 星，留言不超过 500 字。", en: "A rating is 1 to 5 stars with a comment of at most 500 characters.")

    /// 403: only residents apply, rate and keep favourites.
    public static let residentsOnly = Problem(
        .forbidden, code: "residents_only", zh: "只有居民账号可以办理此操作。", en: "Only resident accounts can do this.")
}
