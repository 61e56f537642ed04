import Platform

/// Interface strings of the sign-in and consent pages of the OpenID Connect provider.
enum OAuthStrings {
    static func table(for locale: AppLocale) -> [String: String] {
        locale == .zh ? zh : en
    }

    static let zh: [String: String] = [
        "authorize_title": "市民云统一登录",
        "authorize_lead": "登录后，该应用将获得以下信息：",
        "authorize_username": "手机号或身份证号",
        "authorize_password": "密码",
        "authorize_otp": "动态验证码（仅工作人员）",
        "authorize_as": "当前登录：",
        "authorize_approve": "同意并继续",
        "authorize_deny": "拒绝",
        "authorize_sign_in": "登录",
        "scope_openid": "你的匿名标识（每个部门不同）",
        "scope_profile": "姓名",
        "scope_phone": "手机号码",
        "scope_real_name": "实名信息：姓名和身份证号码",
        "scope_address": "户籍所在社区",
        "scope_offline_access": "在你离开后继续访问（刷新令牌）",
        "signed_out": "已退出登录",
        "signed_out_lead": "你已退出市民云统一登录。",
        "demo_rp_eyebrow": "演示部门系统（由市民云内置的演示依赖方扮演）",
        "demo_rp_signed_in": "已通过市民云统一登录进入本系统，当前用户：",
        "demo_rp_note": "真实的部门系统会在此继续办理业务；演示到此为止。",
        "demo_rp_failed": "登录未完成：",
        "demo_rp_back": "返回服务大厅",
    ]

    static let en: [String: String] = [
        "authorize_title": "Citizen Cloud sign-in",
        "authorize_lead": "After you sign in, this application receives:",
        "authorize_username": "Phone or ID number",
        "authorize_password": "Password",
        "authorize_otp": "One-time code (officials only)",
        "authorize_as": "Signed in as:",
        "authorize_approve": "Allow and continue",
        "authorize_deny": "Deny",
        "authorize_sign_in": "Sign in",
        "scope_openid": "An identifier for you (different for each department)",
        "scope_profile": "Your name",
        "scope_phone": "Your phone number",
        "scope_real_name": "Your real name and ID number",
        "scope_address": "The community where you are registered",
        "scope_offline_access": "Access while you are away (refresh token)",
        "signed_out": "Signed out",
        "signed_out_lead": "You have signed out of Citizen Cloud.",
        "demo_rp_eyebrow": "Demo department system (played by Citizen Cloud's built-in demo relying party)",
        "demo_rp_signed_in": "Signed in to this system through Citizen Cloud single sign-on as",
        "demo_rp_note": "A real department system would carry on with the service here; the demo ends here.",
        "demo_rp_failed": "The sign-in did not complete:",
        "demo_rp_back": "Back to the service hall",
    ]
}
