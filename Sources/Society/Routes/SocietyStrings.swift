import Platform

/// The interface strings of the society pages (`{{t.key}}`), Chinese and English.
enum SocietyStrings {
    static let pairs: [String: (String, String)] = [
        "volunteering": ("志愿服务", "Volunteering"),
        "lead": (
            "报名社区志愿活动，到现场扫码签到签退，服务时长由组织方认证。",
            "Sign up for community activities, scan the code at the place to check in and out; organizers verify your hours."
        ),
        "join": ("成为志愿者", "Become a volunteer"), "skills": ("技能（逗号分隔）", "Skills (comma-separated)"),
        "availability": ("可服务时间", "When you are available"),
        "community": ("服务社区代码（不填则为您所在社区）", "Community code (empty: your own)"),
        "save": ("保存", "Save"), "skills_needed": ("所需技能", "Skills needed"), "activities": ("志愿活动", "Activities"),
        "none": ("暂无。", "None yet."),
        "my_signups": ("我的报名", "My sign-ups"), "my_hours": ("我的志愿时长", "My volunteer hours"),
        "shifts": ("班次", "Shifts"), "sign_up": ("报名", "Sign up"), "cancel": ("取消报名", "Cancel"),
        "places": ("名额", "Places"), "confirmed": ("已确认", "Confirmed"), "waitlisted": ("候补中", "On the waitlist"),
        "cancelled": ("已取消", "Cancelled"), "position": ("排队号", "Arrival no."), "place": ("地点", "Place"),
        "kind_fixed": ("固定时段", "Fixed time"), "kind_window": ("时段内任意时间", "Any time in a window"),
        "kind_ongoing": ("长期", "Ongoing"), "check_in": ("签到", "Check in"), "check_out": ("签退", "Check out"),
        "checkin_title": ("现场签到", "Check in at the place"),
        "checkin_lead": (
            "签到须在活动地点300米以内，并在班次开始前30分钟至结束之间。",
            "Check in within 300 m of the place, from 30 minutes before the shift until it ends."
        ),
        "lat": ("纬度", "Latitude"), "lon": ("经度", "Longitude"), "locate": ("获取我的位置", "Use my position"),
        "checked_in": ("已签到", "Checked in"), "checked_out": ("已签退", "Checked out"),
        "report_hours": ("申报时长（分钟）", "Report minutes"), "report": ("申报", "Report"),
        "note": ("说明", "Note"), "verified_hours": ("已认证时长（小时）", "Verified hours"),
        "recognitions": ("荣誉", "Recognitions"), "hours_unit": ("小时", "hours"),
        "download": ("下载服务记录（CSV）", "Download the record (CSV)"), "activity": ("活动", "Activity"),
        "minutes": ("分钟", "Minutes"), "status": ("状态", "Status"), "reported": ("待认证", "Waiting"),
        "verified": ("已认证", "Verified"), "disputed": ("有异议", "Disputed"), "when": ("时间", "When"),
        "not_signed_up": ("您未报名该班次。", "You are not signed up for this shift."),
        "console_title": ("志愿服务管理", "Volunteering"), "to_verify": ("待认证时长", "Hours to verify"),
        "verify": ("认证", "Verify"), "dispute": ("有异议", "Dispute"), "reason": ("原因", "Reason"),
        "post_activity": ("发布志愿活动", "Post an activity"), "title": ("活动名称", "Title"),
        "description": ("活动说明", "Description"), "kind": ("班次类型", "Shift kind"),
        "starts": ("开始", "Starts"), "ends": ("结束", "Ends"), "capacity": ("名额", "Capacity"),
        "max_minutes": ("单次最长分钟（时段与长期班次）", "Longest credit in minutes (window and ongoing)"),
        "post": ("发布", "Post"), "checkin_code": ("签到码", "Check-in code"),
        "checkin_link": ("签到链接（在现场展示或打印为二维码）", "Check-in link (show at the place, or print as a QR code)"),
        "roster": ("报名名单", "Roster"), "volunteer": ("志愿者", "Volunteer"),
        "organizations": ("社会组织", "Social organizations"),
        "organizations_lead": (
            "已核验的社会组织、社会企业和社区社会组织名录。", "Verified social organizations, social enterprises and community organizations."
        ),
        "search": ("搜索", "Search"), "all_kinds": ("全部类型", "All kinds"),
        "kind_social_organization": ("社会组织", "Social organization"),
        "kind_social_enterprise": ("社会企业", "Social enterprise"),
        "kind_community_self_organization": ("社区社会组织", "Community self-organization"),
        "credit_code": ("统一社会信用代码", "Unified social credit code"),
        "representative": ("法定代表人/负责人", "Legal representative"), "service_areas": ("服务领域（逗号分隔）", "Service areas"),
        "seat": ("所在社区代码", "Community code of the seat"), "served": ("服务社区", "Communities served"),
        "register_org": ("登记组织", "Register an organization"), "name": ("名称", "Name"),
        "pending": ("待核验", "Pending"), "suspended": ("已暂停", "Suspended"), "suspend": ("暂停", "Suspend"),
        "statistics": ("志愿服务统计", "Volunteering statistics"), "volunteers": ("志愿者", "Volunteers"),
        "per_volunteer": ("人均认证时长", "Verified hours per volunteer"),
        "active": ("活跃志愿者", "Active volunteers"), "by_month": ("近12个月认证时长", "Verified hours, last 12 months"),
        "division": ("区划", "Division"), "orgs_to_verify": ("社会组织核验", "Organizations to verify"),
        "my_activities": ("本辖区志愿活动", "Activities in my area"),
    ]

    static func table(for locale: AppLocale) -> [String: String] {
        self.pairs.mapValues { locale.pick(zh: $0.0, en: $0.1) }
    }

    /// The label of a status or kind (`confirmed`, `kind_fixed` …).
    static func label(_ key: String, _ locale: AppLocale) -> String {
        self.pairs[key].map { locale.pick(zh: $0.0, en: $0.1) } ?? key
    }
}
