import Platform

/// The interface strings of the resident sign-in page.
enum SignInStrings {
    static func table(for locale: AppLocale) -> [String: String] {
        locale == .zh ? zh : en
    }

    static let zh: [String: String] = [
        "signin_title": "登录市民云",
        "signin_lead": "用手机号或身份证号登录，一次登录即可办理全市服务。",
        "signin_username": "手机号或身份证号",
        "signin_password": "密码",
        "signin_submit": "登录",
        "signin_failed": "账号或密码不正确。",
        "signin_use_console": "此账号启用了动态验证码，请从工作台登录。",
        "console_throttled": "登录失败次数过多，请 15 分钟后再试。",
        "signin_register": "还没有账号？可通过市民云 App 或 API 实名注册。",
    ]

    static let en: [String: String] = [
        "signin_title": "Sign in to Citizen Cloud",
        "signin_lead": "Sign in with your phone or ID number; one sign-in for every city service.",
        "signin_username": "Phone or ID number",
        "signin_password": "Password",
        "signin_submit": "Sign in",
        "signin_failed": "The account or password is not correct.",
        "signin_use_console": "This account uses a one-time code; sign in through the console.",
        "console_throttled": "Too many failed sign-ins; try again in 15 minutes.",
        "signin_register": "No account yet? Register with your real name in the Citizen Cloud app or API.",
    ]
}
