import Platform

/// Interface strings of the console pages, per locale (keys are the same in both tables).
enum ConsoleStrings {
    static func table(for locale: AppLocale) -> [String: String] {
        locale == .zh ? zh : en
    }

    static let zh: [String: String] = [
        "console_title": "工作台登录",
        "console_lead": "供社区工作者、各级干部和部门工作人员使用。",
        "console_username": "用户名",
        "console_password": "密码",
        "console_submit": "登录",
        "console_note": "账号由平台管理员创建。演示账号见 README。",
        "console_otp": "动态验证码（工作人员）",
        "console_failed": "用户名、密码或动态码不正确。",
        "console_throttled": "登录失败次数过多，请 15 分钟后再试。",
        "console_otp_needed": "请输入身份验证器中的 6 位动态码。",
        "home_heading": "我的工作台",
        "home_role": "角色",
        "home_scope": "管辖范围",
        "nav_residents": "辖区居民",
        "nav_queue": "现场核验队列",
        "nav_audit": "审计日志",
        "sign_out": "退出登录",
        "residents_heading": "辖区内的实名居民",
        "col_name": "姓名", "col_id": "身份证号", "col_phone": "手机号", "col_level": "认证等级",
        "col_community": "社区",
        "queue_heading": "待现场确认的居民（L2）",
        "queue_confirm": "已当面核验，确认为 L3",
        "queue_empty": "没有待确认的居民。",
        "audit_heading": "审计日志",
        "col_time": "时间", "col_actor": "操作人", "col_action": "操作", "col_target": "对象",
        "col_address": "来源地址", "col_outcome": "结果",
        "next_page": "下一页",
        "forbidden": "你的角色无权查看此页面。",
    ]

    static let en: [String: String] = [
        "console_title": "Console sign-in",
        "console_lead": "For community workers, officials at every level and department staff.",
        "console_username": "Username",
        "console_password": "Password",
        "console_submit": "Sign in",
        "console_note": "Accounts are created by the platform administrator. Demo accounts are listed in the README.",
        "console_otp": "One-time code (officials)",
        "console_failed": "The username, password or one-time code is not correct.",
        "console_throttled": "Too many failed sign-ins; try again in 15 minutes.",
        "console_otp_needed": "Enter the 6-digit code from your authenticator app.",
        "home_heading": "My console",
        "home_role": "Role",
        "home_scope": "Scope",
        "nav_residents": "Residents in my scope",
        "nav_queue": "In-person verification queue",
        "nav_audit": "Audit log",
        "sign_out": "Sign out",
        "residents_heading": "Real-name residents in my scope",
        "col_name": "Name", "col_id": "ID number", "col_phone": "Phone", "col_level": "Level",
        "col_community": "Community",
        "queue_heading": "Residents waiting for an in-person confirmation (L2)",
        "queue_confirm": "Checked in person: confirm as L3",
        "queue_empty": "Nobody is waiting.",
        "audit_heading": "Audit log",
        "col_time": "Time", "col_actor": "Actor", "col_action": "Action", "col_target": "Record",
        "col_address": "Address", "col_outcome": "Outcome",
        "next_page": "Next page",
        "forbidden": "Your role may not see this page.",
    ]
}
