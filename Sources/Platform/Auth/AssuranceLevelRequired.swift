import HTTPTypes

/// 403 `assurance_level_required`: the service needs a higher assurance level than the resident has; says which and
/// how to get it. Every context that offers the catalog's services (applications, appointments, department systems)
/// answers with this one problem.
public struct AssuranceLevelRequired: AppError {
    public let required: Int
    public let current: Int
    public let serviceName: LocalizedText
    public var status: HTTPResponse.Status { .forbidden }
    public var code: String { "assurance_level_required" }

    public init(required: Int, current: Int, serviceName: LocalizedText) {
        self.required = required
        self.current = current
        self.serviceName = serviceName
    }

    public var detailZH: String {
        "“\(self.serviceName.zh)”需要认证等级 L\(self.required)（\(Self.meaning(self.required).zh)），你目前是 L\(self.current)。"
            + Self.howTo(self.required).zh
    }

    public var detailEN: String {
        "'\(self.serviceName.en)' needs assurance level L\(self.required) (\(Self.meaning(self.required).en)); "
            + "you are at L\(self.current). " + Self.howTo(self.required).en
    }

    public var extensions: [String: String] {
        ["requiredLevel": String(self.required), "currentLevel": String(self.current)]
    }

    public func extensions(for locale: AppLocale) -> [String: String] {
        self.extensions.merging(["howTo": Self.howTo(self.required).pick(locale)]) { $1 }
    }

    /// What a level means.
    public static func meaning(_ level: Int) -> LocalizedText {
        switch level {
        case 0: LocalizedText(zh: "无需登录", en: "no sign-in")
        case 1: LocalizedText(zh: "注册用户", en: "a registered account")
        case 2:
            LocalizedText(zh: "实名核验：姓名和身份证号与户籍登记一致", en: "real name: name and ID number match the household register")
        default: LocalizedText(zh: "社区当面核验", en: "confirmed in person by your community")
        }
    }

    /// How to reach a level.
    public static func howTo(_ level: Int) -> LocalizedText {
        switch level {
        case ...1:
            LocalizedText(zh: "请注册并登录市民云账号。", en: "Register and sign in to Citizen Cloud.")
        case 2:
            LocalizedText(
                zh: "请用与户籍登记一致的姓名和身份证号注册；已注册的可在“我的”中重新核验（POST /api/v1/me/verification）。",
                en: "Register with the name and ID number in the household register; if you already have, ask for "
                    + "a new check under Me (POST /api/v1/me/verification).")
        default:
            LocalizedText(
                zh: "请先完成 L2 实名核验，再带身份证到户籍所在社区，由社区工作人员当面确认。",
                en: "Reach L2 first, then take your ID card to your registered community, where a community worker "
                    + "confirms you in person.")
        }
    }
}
