import HTTPTypes
import Hummingbird
import Platform

/// SMS one-time codes over the API: `POST /api/v1/auth/sms-code` (ask), `/api/v1/auth/sms-login` (sign in) and
/// `/api/v1/auth/password-reset` (new password).
struct SMSCodeAPI: Sendable {
    let service: SMSCodeService

    struct CodeRequest: Decodable {
        let phone: String
        let purpose: String
    }

    /// What asking answers, whether or not the phone has an account.
    struct CodeAccepted: Encodable, ResponseEncodable {
        /// Seconds the code stays valid.
        let expiresIn: Int64
        /// Seconds before another code may be asked for this phone.
        let retryAfter: Int64
    }

    struct LoginRequest: Decodable {
        let phone: String
        let code: String
    }

    struct ResetRequest: Decodable {
        let phone: String
        let code: String
        let password: String
    }

    func register(on api: APIRoutes) {
        api.on(.post, "/api/v1/auth/sms-code") { request, context in
            let input = try await request.decode(as: CodeRequest.self, context: context)
            guard let purpose = SMSCodeRepository.Purpose(rawValue: input.purpose), purpose != .register else {
                throw Problem.invalidParameter(
                    "purpose", zh: "purpose 须为 signin 或 reset。", en: "purpose must be signin or reset.")
            }
            try await self.service.request(phone: input.phone, purpose: purpose, address: context.clientAddress)
            return EditedResponse(
                status: .accepted,
                response: CodeAccepted(
                    expiresIn: SMSCodeRepository.lifetime, retryAfter: SMSCodeRepository.phoneInterval))
        }
        api.on(.post, "/api/v1/auth/sms-login") { request, context in
            let input = try await request.decode(as: LoginRequest.self, context: context)
            return try await self.service.tokens(phone: input.phone, code: input.code, address: context.clientAddress)
        }
        api.on(.post, "/api/v1/auth/password-reset") { request, context in
            let input = try await request.decode(as: ResetRequest.self, context: context)
            try await self.service.resetPassword(
                phone: input.phone, code: input.code, password: input.password, address: context.clientAddress)
            return HTTPResponse.Status.noContent
        }
    }
}
