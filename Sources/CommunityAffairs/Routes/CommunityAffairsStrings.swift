import Platform

/// The interface strings of the community-affairs pages (`{{t.key}}`), Chinese and English.
enum CommunityAffairsStrings {
    static let pairs: [String: (String, String)] = [
        "catalog_title": ("社区证明", "Community certificates"),
        "catalog_lead": (
            "社区只出具以下15类证明，其余证明由相应部门办理。审核通过后可下载带电子签名的证明，任何人可扫码或输入编号核验。",
            "Communities issue only these 15 kinds of certificate; departments handle the rest. Approved certificates "
                + "carry an electronic signature, and anyone can check one by its number."
        ),
        "request": ("申请", "Request"), "level": ("认证等级", "Level"), "validity": ("有效期（天）", "Valid (days)"),
        "promised": ("承诺时限（工作日）", "Promised (working days)"), "checks": ("社区核查", "What the community checks"),
        "who": ("申请人", "Who may request"), "not_community": ("不再由社区出具的证明", "No longer issued by communities"),
        "go_to": ("去办理", "Go to the service"), "my_certificates": ("我的证明", "My certificates"),
        "new_title": ("申请证明", "Request a certificate"), "submit": ("提交申请", "Submit"),
        "requests": ("我的申请", "My requests"), "issued": ("已出具的证明", "Certificates issued"),
        "none": ("暂无。", "None yet."), "status": ("状态", "Status"), "due": ("承诺办结", "Promised by"),
        "timeline": ("办理过程", "Timeline"), "note": ("说明", "Note"), "supplement": ("提交补充说明", "Send what was asked"),
        "document": ("查看证明", "View the certificate"), "number": ("证明编号", "Number"),
        "community": ("出具社区", "Issued by"), "issued_on": ("出具日期", "Issued on"),
        "valid_until": ("有效期至", "Valid until"), "signature": ("电子签名（Ed25519）", "Signature (Ed25519)"),
        "key": ("签名密钥", "Signing key"), "verify": ("核验", "Verify"), "verify_title": ("证明核验", "Verify a certificate"),
        "verify_lead": (
            "输入证明上的编号，或扫描证明上的二维码，查看证明是否真实、未被改动、未被撤销。",
            "Type the number printed on the certificate, or scan its QR code, to see whether it is genuine, unchanged "
                + "and not revoked."
        ),
        "verdict": ("核验结果", "Verdict"), "reason": ("原因", "Reason"), "revoked_reason": ("撤销原因", "Revoked because"),
        "queue": ("证明审核", "Certificates to review"), "view_submitted": ("待审核", "To review"),
        "view_needs_more": ("待补充", "Waiting for residents"), "view_done": ("已办结", "Done"),
        "approve": ("审核通过并出具", "Approve and issue"), "reject": ("不予出具", "Reject"),
        "more": ("要求补充", "Ask for more"), "review": ("审核", "Review"), "resident_inputs": ("居民填写", "The resident wrote"),
        "revoke": ("撤销", "Revoke"), "revoked": ("已撤销", "Revoked"), "print": ("打印", "Print"),
        "download": ("下载签名文件（JSON）", "Download the signed file (JSON)"), "kind": ("证明类别", "Kind"),
        "overdue": ("已逾期", "Overdue"), "sign_in": ("登录后申请", "Sign in to request"),
    ]

    static func table(for locale: AppLocale) -> [String: String] {
        self.pairs.mapValues { locale.pick(zh: $0.0, en: $0.1) }
    }
}
