import Foundation
import HTTPTypes
import Platform

/// Receives provider callbacks: checks the signature, then applies the record. The HTTP route and the simulator's
/// in-process delivery both come through here, so both are verified the same way.
public struct PaymentCallbackReceiver: Sendable {
    let payments: PaymentService
    let secret: SimulatorSecret

    public init(payments: PaymentService, secret: SimulatorSecret) {
        self.payments = payments
        self.secret = secret
    }

    /// Verifies and applies one callback; `invalid_signature` (401) when the signature does not hold.
    @discardableResult
    public func receive(body: String, signature: String?) async throws -> PaymentService.Applied {
        let verifier = CallbackSignature(secret: try await self.secret.value())
        guard verifier.verify(body, header: signature) else { throw BillingProblem.invalidSignature }
        guard let callback = try? JSONDecoder().decode(ProviderCallback.self, from: Data(body.utf8)),
            let record = callback.record
        else {
            throw Problem(
                .badRequest, code: "invalid_callback", zh: "回调内容无法识别。", en: "The callback body is not understood.")
        }
        return try await self.payments.apply(record)
    }

    /// The simulator's delivery: true when the callback was accepted (applied now or before).
    public func deliver(body: String, signature: String) async -> Bool {
        (try? await self.receive(body: body, signature: signature)) != nil
    }
}
