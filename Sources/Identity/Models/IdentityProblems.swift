import HTTPTypes
import Platform

/// The problems the identity context answers with, each with a stable code.
public enum IdentityProblem {
    static func invalidIDNumber(_ reason: String) -> Problem {
        Problem(
            .badRequest, code: "invalid_id_number", zh: "身份证号码无效（\(reason)）。",
            en: "The ID number is not valid (\(reason)).", extensions: ["parameter": "idNumber", "reason": reason])
    }

    static let invalidPhone = Problem(
        .badRequest, code: "invalid_phone", zh: "手机号码必须是 11 位中国大陆手机号。",
        en: "The phone must be an 11-digit mainland China mobile number.", extensions: ["parameter": "phone"])

    static let invalidName = Problem(
        .badRequest, code: "invalid_name", zh: "姓名须为 1 到 50 个字。", en: "The name must be 1 to 50 characters.",
        extensions: ["parameter": "name"])

    static func weakPassword(_ reason: String) -> Problem {
        Problem(
            .badRequest, code: "weak_password",
            zh: "密码太弱（\(reason)）：至少 10 个字符，且不能是常见密码或包含身份证号、手机号。",
            en: "The password is too weak (\(reason)): use at least 10 characters, not a common password, "
                + "not containing your ID or phone number.",
            extensions: ["parameter": "password", "reason": reason])
    }

    static let idNumberTaken = Problem(
        .conflict, code: "id_number_taken", zh: "该身份证号码已注册。", en: "An account with this ID number already exists.")

    static let phoneTaken = Problem(
        .conflict, code: "phone_taken", zh: "该手机号码已注册。", en: "An account with this phone number already exists.")

    static let usernameTaken = Problem(
        .conflict, code: "username_taken", zh: "该用户名已存在。", en: "An account with this username already exists.")

    /// The one answer to every failed sign-in, whether or not the account exists.
    static let invalidCredentials = Problem(
        .unauthorized, code: "invalid_credentials", zh: "用户名、密码或动态码不正确。",
        en: "The username, password or one-time code is not correct.")

    static let tooManyAttempts = Problem(
        .tooManyRequests, code: "too_many_attempts", zh: "登录失败次数过多，请 15 分钟后再试。",
        en: "Too many failed sign-ins; try again in 15 minutes.")

    static let invalidCode = Problem(
        .unauthorized, code: "invalid_code", zh: "验证码不正确或已失效，请重新获取。",
        en: "The code is wrong or no longer valid; ask for a new one.", extensions: ["parameter": "code"])

    static func tooManyCodes(retryAfter seconds: Int64) -> Problem {
        Problem(
            .tooManyRequests, code: "too_many_codes", zh: "验证码发送过于频繁，请 \(seconds) 秒后再试。",
            en: "Too many codes asked for; try again in \(seconds) seconds.",
            extensions: ["retryAfter": "\(seconds)"])
    }

    static let invalidGrant = Problem(
        .unauthorized, code: "invalid_refresh_token", zh: "刷新令牌无效或已过期，请重新登录。",
        en: "The refresh token is invalid or expired; sign in again.")

    static let invalidToken = Problem(
        .unauthorized, code: "invalid_token", zh: "访问令牌无效或已过期。", en: "The access token is invalid or expired.")

    static let residentNotFound = Problem(
        .notFound, code: "resident_not_found", zh: "找不到该居民。", en: "No such resident.")

    static let notInRegister = Problem(
        .unprocessableContent, code: "not_in_register", zh: "户籍登记中找不到与姓名和身份证号码相符的居民。",
        en: "The household register has no resident with this name and ID number.")

    static let levelTooLow = Problem(
        .conflict, code: "level_too_low", zh: "须先通过户籍核验（L2）才能现场确认。",
        en: "The resident must match the household register (L2) before an in-person confirmation.")
}

extension IdentityProblem {
    static let otpRequired = Problem(
        .unauthorized, code: "otp_required", zh: "工作人员账号须输入动态验证码。",
        en: "Official accounts need the one-time code from the authenticator app.")
}
