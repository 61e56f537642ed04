import HTTPTypes
import Platform

/// The problems the life-circle routes answer with, each with a stable `code`.
public enum LivabilityProblem {
    /// 400: a field of a facility is missing or malformed; `field` names it.
    public static func invalidField(_ field: String, zh: String, en: String) -> Problem {
        Problem(.badRequest, code: "invalid_facility", zh: zh, en: en, extensions: ["field": field])
    }

    /// 404: no facility has this id.
    public static func facilityNotFound(_ id: String) -> Problem {
        Problem(
            .notFound, code: "facility_not_found", zh: "找不到编号为“\(id.prefix(40))”的设施。",
            en: "No facility has the id '\(id.prefix(40))'.")
    }

    /// 404: the code is not a community (or does not exist).
    public static func communityNotFound(_ code: String) -> Problem {
        Problem(
            .notFound, code: "community_not_found", zh: "找不到代码为“\(code.prefix(40))”的社区。",
            en: "No community has the code '\(code.prefix(40))'.")
    }

    /// 422: the location is too far from every walking path of the network.
    public static func offNetwork(meters: Double) -> Problem {
        Problem(
            .unprocessableContent, code: "facility_off_network",
            zh: "该位置距最近的步行道路 \(Int(meters)) 米，超出 \(Int(SnapRule.maxMeters)) 米，请检查经纬度。",
            en: "The location is \(Int(meters)) m from the nearest walkway (more than \(Int(SnapRule.maxMeters)) m); "
                + "check the coordinates.")
    }

    /// 422: the location lies in another community's part of the network.
    public static func outsideCommunity(_ code: String, nodeDivision: String) -> Problem {
        Problem(
            .unprocessableContent, code: "facility_outside_community",
            zh: "该位置属于 \(nodeDivision)，不在社区 \(code) 内。",
            en: "The location lies in \(nodeDivision), not in community \(code).",
            extensions: ["division": nodeDivision])
    }

    /// 503: no walking network has been generated or imported yet.
    public static let networkMissing = Problem(
        .serviceUnavailable, code: "network_missing", zh: "尚未生成或导入步行路网。",
        en: "No walking network has been generated or imported yet.")

    /// 409: the signed-in resident is not matched with a household of the register, or it has no dwelling.
    public static let noHousehold = Problem(
        .conflict, code: "no_registered_household",
        zh: "你的账号尚未与户籍登记匹配（需要实名认证二级），或住址未上图。",
        en: "Your account is not matched with a registered household (level 2 needed), or the home is not mapped.")

    /// 400: a scenario asks for more changes than one request may.
    public static let tooManyChanges = Problem(
        .badRequest, code: "too_many_changes", zh: "一次最多模拟 \(ScenarioRequest.maxChanges) 处变化。",
        en: "A scenario may have at most \(ScenarioRequest.maxChanges) changes.")
}

/// How far a facility may lie from the network and still be placed on it.
public enum SnapRule {
    /// Metres.
    public static let maxMeters = 300.0
}
