import Platform

/// The interface strings of the cases pages (`{{t.key}}`), Chinese and English.
enum CasesStrings {
    static let pairs: [String: (String, String)] = [
        "report_title": ("随手拍 · 反映问题", "Report a problem"),
        "report_lead": (
            "路灯不亮、噪声扰民、管道漏水……告诉我们，社区和部门按时限办理并答复。",
            "A broken street light, noise, a leaking pipe… tell us; the community and the department answer in time."
        ),
        "category": ("类别", "Category"), "choose": ("请选择", "Choose"), "description": ("问题描述", "What is wrong"),
        "address": ("地址或位置说明", "Address or place"), "lat": ("纬度", "Latitude"), "lon": ("经度", "Longitude"),
        "community": ("所在社区代码（不填则为户籍所在社区）", "Community code (empty: your registered community)"),
        "submit": ("提交诉求", "Submit"), "my_cases": ("我的诉求", "My cases"), "none": ("暂无诉求。", "No cases yet."),
        "status": ("状态", "Status"), "deadline": ("办理时限", "Deadline"), "owner": ("当前承办层级", "Handled at"),
        "department": ("责任部门", "Department"), "timeline": ("办理过程", "Timeline"),
        "confirm": ("确认已解决", "Confirm it is fixed"), "reopen": ("未解决，重新办理", "Not fixed: reopen"),
        "reason": ("原因或说明", "Reason or note"), "rate": ("评价", "Rate"), "stars": ("星级", "Stars"),
        "comment": ("评价内容", "Comment"), "follow": ("关注此诉求", "Follow this case"),
        "unfollow": ("取消关注", "Stop following"), "overdue": ("已逾期", "Overdue"),
        "handle": ("办理", "Handle"), "note": ("答复或说明", "Reply or note"),
        "accept": ("签收", "Accept"), "start": ("开始办理", "Start"), "resolve": ("办结并答复", "Resolve and reply"),
        "close": ("关闭", "Close"), "escalate": ("上报上级", "Escalate"), "transfer": ("非本单位事项，转办", "Not ours: transfer"),
        "transfer_to": ("转至社区代码或部门编号", "To community code or department id"),
        "inbox": ("诉求办理", "Cases to handle"), "view_open": ("待办", "Open"),
        "view_escalated": ("上报至本级", "Escalated to me"),
        "view_overdue": ("逾期", "Overdue"), "view_done": ("已办结", "Done"),
        "open_title": ("诉求公开", "Cases in the open"),
        "open_lead": (
            "全市诉求的位置与办理状态（不含个人信息）。",
            "Where cases are and how they stand, city-wide (no personal data)."
        ),
        "statistics": ("诉求统计", "Statistics"), "volume": ("诉求量", "Volume"), "on_time": ("按时办结率", "On time"),
        "satisfaction": ("满意度", "Satisfaction"), "escalation": ("上报率", "Escalated"),
        "median": ("办结用时中位数（小时）", "Median hours to close"), "name": ("名称", "Name"),
        "rules": ("诉求分派规则", "Case routing rules"), "console": ("工作台", "Console"),
        "rules_lead": (
            "某类诉求发生在某区划（代码前缀）内时交给哪个部门；前缀最长的规则优先，空前缀为全市默认。",
            "Which department gets a category's cases under a division (code prefix); the longest prefix wins, the empty prefix is the city-wide default."
        ),
        "rules_saved": ("规则已保存。", "The rules are saved."), "rule_prefix": ("区划代码前缀", "Division prefix"),
        "rule_note": ("依据或说明", "Basis or note"), "rule_save": ("保存规则", "Save the rule"),
        "rule_delete": ("删除", "Delete"), "city_wide": ("全市（默认）", "City-wide (default)"),
        "meetings": ("联席会议", "Joint meetings"), "call_meeting": ("召开联席会议", "Call a joint meeting"),
        "title": ("会议名称", "Title"), "held_on": ("会议日期", "Date"), "agenda": ("议程", "Agenda"),
        "decision": ("决定", "Decision"), "decide": ("记录决定", "Record the decision"),
        "office": ("责任科室", "Office"), "minutes": ("会议纪要", "Minutes"), "publish": ("发布纪要", "Publish the minutes"),
        "revisit": ("记录回访", "Record a revisit call"), "reached": ("已联系到居民", "Resident reached"),
        "satisfied": ("居民满意", "Resident satisfied"), "by_district": ("按区县", "By district"),
        "by_street": ("按街道", "By street"), "by_community": ("按社区", "By community"),
        "by_department": ("按部门", "By department"), "photo": ("照片链接（可选）", "Photo link (optional)"),
        "photos": ("照片（可选）", "Photos (optional)"),
        "photos_hint": ("最多 3 张 JPEG 或 PNG，每张不超过 256 KB。", "Up to 3 JPEG or PNG photos of at most 256 KB each."),
    ]

    static func table(for locale: AppLocale) -> [String: String] {
        self.pairs.mapValues { locale.pick(zh: $0.0, en: $0.1) }
    }
}
