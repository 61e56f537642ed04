import Foundation
import HTTPTypes
import Hummingbird
import Platform

/// `/signin/sms` (sign in with an SMS code) and `/signin/reset` (forgot password → code → new password): ask for a
/// code with the phone, then send the code (and the new password). Both forms carry the sign-in page's CSRF cookie.
extension SignInPages {
    /// The SMS forms' model.
    struct SMSModel: Sendable {
        let csrf: String
        let next: String
        let phone: String
        /// The reset form (a new password field) rather than sign-in.
        let isReset: Bool
        let action: String
        let message: String
        let hasMessage: Bool
        let error: String
        let hasError: Bool
    }

    func registerSMS(on router: Router<AppRequestContext>) {
        for isReset in [false, true] {
            let path = isReset ? "/signin/reset" : "/signin/sms"
            router.get(RouterPath(path)) { request, context in
                let query = try QueryParameters(request, allowed: ["next", "lang"])
                return self.smsForm(
                    request: request, context: context, isReset: isReset, next: WebForm.localPath(query.string("next")),
                    phone: "", message: nil, error: nil, status: .ok)
            }
            router.post(RouterPath(path + "/code")) { request, context in
                let (fields, next) = try await self.checkedFields(request, context: context)
                let phone = (fields["phone"] ?? "").trimmingCharacters(in: .whitespaces)
                let strings = SignInStrings.table(for: context.locale)
                do {
                    try await self.smsCodes.request(
                        phone: phone, purpose: isReset ? .reset : .signIn, address: context.clientAddress)
                    return self.smsForm(
                        request: request, context: context, isReset: isReset, next: next, phone: phone,
                        message: strings["sms_sent"], error: nil, status: .ok)
                } catch let problem as Problem {
                    return self.smsForm(
                        request: request, context: context, isReset: isReset, next: next, phone: phone, message: nil,
                        error: context.locale.pick(zh: problem.detailZH, en: problem.detailEN), status: problem.status)
                }
            }
            router.post(RouterPath(path)) { request, context in
                let (fields, next) = try await self.checkedFields(request, context: context)
                let phone = (fields["phone"] ?? "").trimmingCharacters(in: .whitespaces)
                let code = fields["code"] ?? ""
                do {
                    if isReset {
                        try await self.smsCodes.resetPassword(
                            phone: phone, code: code, password: fields["password"] ?? "",
                            address: context.clientAddress)
                        return WebForm.redirect(
                            "/signin?reset=1&next="
                                + (next.addingPercentEncoding(withAllowedCharacters: WebForm.unreserved) ?? "/"))
                    }
                    let account = try await self.smsCodes.signIn(
                        phone: phone, code: code, address: context.clientAddress)
                    return try await self.openSession(account, next: next)
                } catch let problem as Problem {
                    return self.smsForm(
                        request: request, context: context, isReset: isReset, next: next, phone: phone, message: nil,
                        error: context.locale.pick(zh: problem.detailZH, en: problem.detailEN), status: problem.status)
                }
            }
        }
    }

    /// The form's fields after the double-submit CSRF check, and its `next`.
    private func checkedFields(_ request: Request, context: AppRequestContext) async throws -> (
        [String: String], String
    ) {
        let fields = try await WebForm.fields(request, context: context)
        let csrf = request.cookies[Self.csrfCookie]?.value ?? ""
        guard !csrf.isEmpty, let sent = fields["csrf"], sent == csrf else { throw WebForm.csrfFailed }
        return (fields, WebForm.localPath(fields["next"]))
    }

    private func smsForm(
        request: Request, context: AppRequestContext, isReset: Bool, next: String, phone: String, message: String?,
        error: String?, status: HTTPResponse.Status
    ) -> Response {
        let csrf = RandomToken.make(bytes: 16)
        let strings = SignInStrings.table(for: context.locale)
        var response = self.renderer.render(
            "signin-sms", title: strings[isReset ? "reset_title" : "sms_title"] ?? "",
            model: SMSModel(
                csrf: csrf, next: next, phone: phone, isReset: isReset,
                action: isReset ? "/signin/reset" : "/signin/sms", message: message ?? "", hasMessage: message != nil,
                error: error ?? "", hasError: error != nil),
            request: request, context: context, strings: strings, status: status)
        response.headers[values: .setCookie].append(self.cookie(Self.csrfCookie, csrf, path: "/signin", maxAge: 3600))
        return response
    }
}
