import Platform

/// Interface strings of the service hall's pages, per locale (the same keys in both).
enum ServiceHallStrings {
    static func table(for locale: AppLocale) -> [String: String] {
        locale == .zh ? zh : en
    }

    static let zh: [String: String] = [
        "sh_title": "办事大厅", "sh_lead": "33 个部门、134 项服务，一个账号办到底。",
        "sh_search": "搜索服务（支持拼音首字母，如 ybcx）", "sh_search_button": "搜索", "sh_all": "全部",
        "sh_department": "部门", "sh_any_department": "所有部门", "sh_available": "只看我能办的",
        "sh_hot": "热门服务", "sh_results": "搜索结果", "sh_no_results": "没有找到匹配的服务，换个说法试试。",
        "sh_favourites": "我的收藏", "sh_recent": "最近使用", "sh_my_applications": "我的办件",
        "sh_sign_in": "登录", "sh_sign_in_to_apply": "登录后办理", "sh_kind_guide": "办事指南",
        "sh_kind_application": "在线申请", "sh_kind_appointment": "预约办理", "sh_kind_payment": "在线缴费",
        "sh_kind_department_system": "部门系统", "sh_eligibility": "办理对象", "sh_level": "认证等级",
        "sh_materials": "所需材料", "sh_no_materials": "无需材料", "sh_fee": "收费", "sh_promised": "承诺时限",
        "sh_days": "个工作日", "sh_immediate": "即时办理", "sh_legal": "办理依据", "sh_apply": "在线申请",
        "sh_submit": "提交申请", "sh_required": "必填", "sh_choose": "请选择", "sh_open_system": "进入部门系统办理",
        "sh_open_link": "去办理", "sh_add_favourite": "收藏", "sh_remove_favourite": "取消收藏",
        "sh_form_errors": "请修改下面标出的内容后再提交。", "sh_level_needed": "你的认证等级不够：",
        "sh_status": "状态", "sh_submitted": "提交时间", "sh_due": "承诺办结", "sh_overdue": "已超期",
        "sh_timeline": "办理进度", "sh_reason": "原因", "sh_rate": "评价本次服务", "sh_stars": "星级",
        "sh_comment": "留言（可选）", "sh_rate_submit": "提交评价", "sh_rated": "我的评价", "sh_none_yet": "还没有办件。",
        "sh_form_values": "申请内容", "sh_next_page": "下一页", "sh_back": "返回办事大厅",
        "sh_console_queue": "办件队列", "sh_console_ratings": "好差评", "sh_console_issue_bill": "出具账单",
        "sh_console_home": "工作台首页",
        "sh_open_only": "未办结", "sh_applicant": "申请人账号", "sh_handle": "处理", "sh_reason_label": "不予通过的原因",
        "sh_queue_empty": "队列为空。", "sh_perf_title": "政务服务好差评", "sh_perf_lead": "各部门办件量、按时办结率和群众评价，数据每分钟更新。",
        "sh_perf_volume": "办件量", "sh_perf_on_time": "按时办结率", "sh_perf_rating": "平均评分", "sh_perf_ratings": "评价数",
        "sh_perf_overdue": "在办超期", "sh_perf_services": "服务数", "sh_platform": "平台概况",
        "sh_registered": "注册用户", "sh_dau": "日均活跃用户（近 30 天）", "sh_dau_rate": "日活跃率", "sh_uses": "累计服务人次",
        "sh_active_today": "今日活跃", "sh_chart_title": "按时办结率（办件量前 10 的部门）",
    ]

    static let en: [String: String] = [
        "sh_title": "Service hall", "sh_lead": "134 services of 33 departments, one account for all of them.",
        "sh_search": "Search services (pinyin initials work too, e.g. ybcx)", "sh_search_button": "Search",
        "sh_all": "All", "sh_department": "Department", "sh_any_department": "Any department",
        "sh_available": "Only what I can use", "sh_hot": "Popular services", "sh_results": "Results",
        "sh_no_results": "No service matches; try other words.", "sh_favourites": "My favourites",
        "sh_recent": "Recently used", "sh_my_applications": "My applications", "sh_sign_in": "Sign in",
        "sh_sign_in_to_apply": "Sign in to apply", "sh_kind_guide": "Guide", "sh_kind_application": "Apply online",
        "sh_kind_appointment": "Appointment", "sh_kind_payment": "Payment",
        "sh_kind_department_system": "Department system",
        "sh_eligibility": "Who may use it", "sh_level": "Assurance level", "sh_materials": "What to bring",
        "sh_no_materials": "Nothing", "sh_fee": "Fee", "sh_promised": "Promised time", "sh_days": "working days",
        "sh_immediate": "Immediate", "sh_legal": "Legal basis", "sh_apply": "Apply online", "sh_submit": "Submit",
        "sh_required": "required", "sh_choose": "Choose…", "sh_open_system": "Go to the department's system",
        "sh_open_link": "Continue", "sh_add_favourite": "Add to favourites",
        "sh_remove_favourite": "Remove from favourites",
        "sh_form_errors": "Please correct the fields marked below and submit again.",
        "sh_level_needed": "Your assurance level is not enough: ", "sh_status": "Status", "sh_submitted": "Submitted",
        "sh_due": "Due", "sh_overdue": "Overdue", "sh_timeline": "Progress", "sh_reason": "Reason",
        "sh_rate": "Rate this service", "sh_stars": "Stars", "sh_comment": "Comment (optional)",
        "sh_rate_submit": "Send rating", "sh_rated": "My rating", "sh_none_yet": "No applications yet.",
        "sh_form_values": "What you sent", "sh_next_page": "Next page", "sh_back": "Back to the service hall",
        "sh_console_queue": "Application queue", "sh_console_ratings": "Ratings",
        "sh_console_issue_bill": "Issue a bill", "sh_console_home": "Console home",
        "sh_open_only": "Open", "sh_applicant": "Applicant account", "sh_handle": "Handle",
        "sh_reason_label": "Reason for rejecting", "sh_queue_empty": "The queue is empty.",
        "sh_perf_title": "How departments serve",
        "sh_perf_lead": "Applications, on-time rate and residents' ratings per department, updated every minute.",
        "sh_perf_volume": "Applications", "sh_perf_on_time": "On time", "sh_perf_rating": "Average rating",
        "sh_perf_ratings": "Ratings", "sh_perf_overdue": "Open and overdue", "sh_perf_services": "Services",
        "sh_platform": "The platform", "sh_registered": "Registered users",
        "sh_dau": "Daily active users (30-day mean)",
        "sh_dau_rate": "Daily active rate", "sh_uses": "Service uses to date", "sh_active_today": "Active today",
        "sh_chart_title": "On-time rate (the 10 busiest departments)",
    ]
}
