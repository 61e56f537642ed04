import App
import Crypto
import Foundation
import Platform
import TestSupport
import Testing

@testable import Identity

@Suite("Tokens, the authorization rule and input rules")
struct TokenAndRuleTests {
    let principal = Principal(subject: "abc", role: .streetOfficer, scope: "510104003", level: 3)

    @Test("a signed token verifies; tampered, foreign-key and expired tokens do not")
    func tokens() throws {
        let key = P256.Signing.PrivateKey()
        let signer = TokenSigner(issuer: "test", keys: ["k1": key], current: "k1")
        let token = try signer.sign(self.principal)
        #expect(signer.principal(from: token) == self.principal)
        let claims = try #require(signer.verify(token))
        #expect(claims.acr == "L3")
        #expect(claims.exp - claims.iat == TokenSigner.lifetime)

        var parts = token.split(separator: ".").map(String.init)
        let forged = #"{"sub":"abc","roles":["city_officer"]}"#
        parts[1] = Data(forged.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
        #expect(signer.verify(parts.joined(separator: ".")) == nil)

        let other = TokenSigner(issuer: "test", keys: ["k1": P256.Signing.PrivateKey()], current: "k1")
        #expect(other.verify(token) == nil)
        #expect(signer.verify(token, now: Date().addingTimeInterval(3600)) == nil)
        let rotated = TokenSigner(issuer: "test", keys: ["k1": key, "k2": P256.Signing.PrivateKey()], current: "k2")
        #expect(rotated.verify(token) != nil, "tokens of an older key stay valid after rotation")
    }

    @Test("scopes nest by prefix; the city and province keep only their leading digits")
    func scopes() {
        #expect(Authorization.scope("510104", contains: "510104003001"))
        #expect(!Authorization.scope("510104", contains: "510105001"))
        #expect(Authorization.scope("510100", contains: "510105001"))
        #expect(Authorization.scope("510000", contains: "511302"))
        #expect(!Authorization.scope("510104003001", contains: "510104003002"))
        #expect(!Authorization.scope("", contains: "510104"))
        #expect(Authorization.permits(self.principal, .viewResidents, divisionCode: "510104003001"))
        #expect(!Authorization.permits(self.principal, .verifyResidents, divisionCode: "510104003001"))
        let staff = Principal(subject: "d", role: .departmentStaff, scope: "5101", level: 3)
        #expect(!Authorization.permits(staff, .viewResidents, divisionCode: "510104"))
    }

    @Test("phones, regions and passwords")
    func inputRules() {
        #expect(PhoneNumber.isValid("13912345678"))
        #expect(!PhoneNumber.isValid("12912345678"))
        #expect(!PhoneNumber.isValid("+8613912345678"))
        #expect(PhoneNumber.mask("13912345678") == "139****5678")
        #expect(RegionCode.isPlausible("510104"))
        #expect(RegionCode.isPlausible("510122"))  // 双流县, no longer a division but on real cards
        #expect(!RegionCode.isPlausible("990101"))
        #expect(!RegionCode.isPlausible("517501"))
        let policy = PasswordPolicy.shipped
        #expect(policy.listSize >= 300)
        #expect(policy.weakness(of: "Password123") == "common")
        #expect(policy.weakness(of: "aaaaaaaaaaaa") == "repetitive")
        #expect(policy.weakness(of: "Furong-Garden-42") == nil)
    }

    @Test(
        "an address is refused after its failures fill the window, on every node, and allowed again after it",
        arguments: TestBackend.available)
    func addressLimiter(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let nodeA = SignInLimiter(database: database, kind: "address", limit: 3, window: 60)
            let nodeB = SignInLimiter(database: database, kind: "address", limit: 3, window: 60)
            let start = Int64(Date().timeIntervalSince1970)
            for node in [nodeA, nodeB, nodeA] {
                #expect(try await node.allows("10.0.0.1", now: start))
                try await node.recordFailure("10.0.0.1", now: start)
            }
            #expect(try await !nodeB.allows("10.0.0.1", now: start + 1))
            #expect(try await nodeB.allows("10.0.0.2", now: start + 1))
            #expect(try await SignInLimiter(database: database, kind: "name", limit: 3).allows("10.0.0.1", now: start))
            #expect(try await nodeA.allows("10.0.0.1", now: start + 61))
            #expect(try await nodeA.allows(nil, now: start))
        }
    }

    @Test("base64url agrees with Foundation's base64 for every length, and refuses foreign characters")
    func base64url() throws {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let expected = Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            let encoded = Base64URL.encode(bytes)
            #expect(encoded == expected)
            #expect(Base64URL.decode(encoded) == Data(bytes))
        }
        #expect(Base64URL.decode("ab+c") == nil)
        #expect(Base64URL.decode("abcde") == nil)
        #expect(RandomToken.make().count == 43)
    }
}
