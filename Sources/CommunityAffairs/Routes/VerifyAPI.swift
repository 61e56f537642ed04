import Foundation
import Hummingbird
import Platform

/// The public verification API: by number, or a whole document (content and signature) someone holds.
struct VerifyAPI: Sendable {
    let service: CertificateService

    /// The body of `POST /api/v1/verify`.
    struct DocumentBody: Decodable {
        let content: CertificateContent
        let signature: String
    }

    func register(on api: APIRoutes) {
        api.on(.get, "/api/v1/verify/{number}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let number = try context.parameters.require("number")
            return VerificationView(try await self.service.verify(number), locale: context.locale)
        }
        api.on(.post, "/api/v1/verify") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let body = try await request.decode(as: DocumentBody.self, context: context)
            guard let signature = Data(base64Encoded: body.signature) else {
                throw CommunityAffairsProblem.invalid(
                    "signature", zh: "签名须为 base64 编码。", en: "The signature must be base64.")
            }
            return VerificationView(
                try await self.service.verify(content: body.content, signature: signature), locale: context.locale)
        }
    }
}
