import HTTPTypes
import Platform

/// The problems the community-affairs routes answer with, each with a stable `code`.
public enum CommunityAffairsProblem {
    /// 422: a field is missing or wrong; `field` names it.
    public static func invalid(_ field: String, zh: String, en: String) -> Problem {
        Problem(
            .unprocessableContent, code: "invalid_certificate_request", zh: zh, en: en, extensions: ["field": field])
    }

    /// 422: the kind is not on the permitted list at all.
    public static func unknownKind(_ id: String) -> Problem {
        Problem(
            .unprocessableContent, code: "certificate_not_on_list",
            zh: "“\(id.prefix(40))”不在社区证明事项保留清单内，社区不出具。",
            en: "'\(id.prefix(40))' is not on the list of community certificates; communities do not issue it.",
            extensions: ["field": "kind"])
    }

    /// 422: a request that is no longer community work, with the department and service that handle it.
    public static func notCommunityWork(_ item: NotCommunityWork, departmentName: LocalizedText?) -> Problem {
        let department = departmentName ?? LocalizedText(zh: item.department, en: item.department)
        return Problem(
            .unprocessableContent, code: "certificate_not_community_work",
            zh: "“\(item.name.zh)”不再由社区出具：\(item.reason.zh)请向\(department.zh)申请。",
            en: "Communities no longer issue '\(item.name.en)': \(item.reason.en) Apply to \(department.en).",
            extensions: [
                "field": "kind", "department": item.department, "service": item.service,
                "serviceUrl": "/services/\(item.service)",
            ])
    }

    /// 403: the resident is not registered where the kind needs (no register entry, or not the household head).
    public static func notEligible(zh: String, en: String) -> Problem {
        Problem(.forbidden, code: "certificate_not_eligible", zh: zh, en: en)
    }

    /// 404: no request with this id that the caller may see.
    public static func requestNotFound(_ id: String) -> Problem {
        Problem(
            .notFound, code: "certificate_request_not_found", zh: "找不到编号为“\(id.prefix(40))”的证明申请。",
            en: "No certificate request has the id '\(id.prefix(40))'.")
    }

    /// 404: no certificate with this number that the caller may see.
    public static func certificateNotFound(_ number: String) -> Problem {
        Problem(
            .notFound, code: "certificate_not_found", zh: "找不到编号为“\(number.prefix(60))”的证明。",
            en: "No certificate has the number '\(number.prefix(60))'.")
    }

    /// 409: the request is not in a state where this applies (someone decided first, or it waits for the resident).
    public static func wrongState(_ status: CertificateRequest.Status) -> Problem {
        Problem(
            .conflict, code: "certificate_request_state",
            zh: "该申请当前状态为“\(status.label.zh)”，不能执行此操作。",
            en: "The request is \(status.label.en.lowercased()); this does not apply.",
            extensions: ["requestStatus": status.rawValue])
    }

    /// 409: the certificate was revoked already.
    public static let alreadyRevoked = Problem(
        .conflict, code: "certificate_revoked", zh: "该证明已撤销。", en: "The certificate has been revoked already.")
}
