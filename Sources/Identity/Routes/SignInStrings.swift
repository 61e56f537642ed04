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
        "signin_other": "其他登录方式",
        "signin_sms": "短信验证码登录",
        "signin_forgot": "忘记密码",
        "signin_reset_done": "密码已重设，请用新密码登录。",
        "sms_title": "短信验证码登录",
        "reset_title": "重设密码",
        "sms_lead": "输入注册时的手机号，获取 6 位验证码（5 分钟内有效，只能用一次）。",
        "sms_phone": "手机号",
        "sms_get_code": "获取验证码",
        "sms_code": "验证码",
        "sms_submit": "登录",
        "reset_password": "新密码（至少 10 个字符）",
        "reset_submit": "重设密码",
        "sms_sent": "如果该手机号已注册，验证码已发送，5 分钟内有效。",
        "sms_back": "用密码登录",
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
        "signin_other": "Other ways in",
        "signin_sms": "Sign in with an SMS code",
        "signin_forgot": "Forgot password",
        "signin_reset_done": "Your password was reset; sign in with the new one.",
        "sms_title": "Sign in with an SMS code",
        "reset_title": "Reset your password",
        "sms_lead": "Enter the phone you registered with to get a 6-digit code (valid 5 minutes, usable once).",
        "sms_phone": "Phone",
        "sms_get_code": "Send code",
        "sms_code": "Code",
        "sms_submit": "Sign in",
        "reset_password": "New password (at least 10 characters)",
        "reset_submit": "Reset password",
        "sms_sent": "If this phone is registered, a code was sent; it is valid for 5 minutes.",
        "sms_back": "Sign in with a password",
    ]
}
