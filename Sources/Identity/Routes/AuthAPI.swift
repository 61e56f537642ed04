import HTTPTypes
import Hummingbird
import Platform

/// Registration and sign-in: `POST /api/v1/residents`, `/api/v1/auth/login`, `/auth/refresh`, `/auth/logout`.
public struct AuthAPI: Sendable {
    let service: IdentityService

    public init(service: IdentityService) {
        self.service = service
    }

    struct LoginRequest: Decodable {
        let username: String
        let password: String
        let otp: String?
    }

    struct RefreshRequest: Decodable {
        let refreshToken: String
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        api.on(.post, "/api/v1/residents") { request, context in
            let input = try await request.decode(as: IdentityService.Registration.self, context: context)
            let account = try await self.service.registerResident(input, address: context.clientAddress)
            return EditedResponse(status: .created, response: Profile(account, reveal: false))
        }
        api.on(.post, "/api/v1/auth/login") { request, context in
            let input = try await request.decode(as: LoginRequest.self, context: context)
            return try await self.service.signIn(
                username: input.username, password: input.password, otp: input.otp, address: context.clientAddress)
        }
        api.on(.post, "/api/v1/auth/refresh") { request, context in
            let input = try await request.decode(as: RefreshRequest.self, context: context)
            return try await self.service.refresh(input.refreshToken, address: context.clientAddress)
        }
        api.on(.post, "/api/v1/auth/logout") { request, context in
            let input = try await request.decode(as: RefreshRequest.self, context: context)
            let bearer = request.headers[.authorization].flatMap {
                $0.prefix(7).lowercased() == "bearer " ? String($0.dropFirst(7)) : nil
            }
            try await self.service.signOut(
                refreshToken: input.refreshToken, accessToken: bearer, address: context.clientAddress)
            return HTTPResponse.Status.noContent
        }
    }
}

extension Profile: ResponseEncodable {}
extension TokenResponse: ResponseEncodable {}
