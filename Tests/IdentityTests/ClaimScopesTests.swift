import App
import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import Synchronization
import TestSupport
import Testing

/// Clients for the real_name and address tests: both pairwise and in different sectors, only one allowed real_name.
final class ClaimClients: Sendable {
    let ids = Mutex<[String: (id: String, secret: String?)]>([:])

    subscript(_ name: String) -> (id: String, secret: String?) { self.ids.withLock { $0[name]! } }

    func register(_ database: Database) async throws {
        let repository = ClientRepository(database: database)
        for (name, allowRealName) in [("police", true), ("library", false)] {
            let (client, secret) = try await repository.create(
                name: name, redirectURIs: ["https://\(name).example/cb"], scopes: ["openid", "profile", "address"],
                confidential: true, pairwise: true, allowRealName: allowRealName)
            let stored = try #require(try await repository.find(client.clientID))
            #expect(stored.allowRealName == allowRealName)
            #expect(stored.scopes.contains("real_name") == allowRealName)
            self.ids.withLock { $0[name] = (client.clientID, secret) }
        }
    }
}

@Suite("real_name and address scopes")
struct ClaimScopesTests {
    /// Signs resident 1 in at `name`'s client with `scope` and returns the token response's JSON.
    static func tokens(
        _ client: any TestClientProtocol, _ clients: ClaimClients, _ name: String, scope: String
    ) async throws -> [String: Any] {
        let redirect = "https://\(name).example/cb"
        let approved = try await OIDCTests.signInAndApprove(
            client, clientID: clients[name].id, redirect: redirect, scope: scope)
        let code = try #require(OIDCFixture.parameters(of: approved)["code"])
        let response = try await OIDCTests.token(
            client,
            [
                "grant_type": "authorization_code", "code": code, "redirect_uri": redirect,
                "code_verifier": OIDCFixture.verifier,
            ], id: clients[name].id, secret: clients[name].secret)
        #expect(response.status == .ok, "\(String(buffer: response.body))")
        return OIDCFixture.object(response)
    }

    @Test(
        "real_name: name, ID number, public sub, audited; dropped for others; address is the registered community",
        arguments: TestBackend.available)
    func scopes(backend: TestBackend) async throws {
        let clients = ClaimClients()
        let prepare: @Sendable (Database) async throws -> Void = { database in
            try await IdentityFixture.prepare(database)
            try await clients.register(database)
        }
        try await TestApp.with(backend, prepare: prepare) { client in
            let registered = try await client.registerResident(1)
            #expect(registered.status == .created)
            let accountID = try #require(OIDCFixture.object(registered)["id"] as? String)
            let discovery = OIDCFixture.object(
                try await client.execute(uri: "/.well-known/openid-configuration", method: .get))
            #expect(Set(discovery["scopes_supported"] as? [String] ?? []).isSuperset(of: ["real_name", "address"]))

            // Allowed: name and ID number, the public sub (not pairwise), and an audit record of the release.
            let police = try await Self.tokens(client, clients, "police", scope: "openid real_name address")
            #expect(police["scope"] as? String == "address openid real_name")
            let policeInfo = OIDCFixture.object(
                try await client.get("/oauth/userinfo", token: try #require(police["access_token"] as? String)))
            #expect(policeInfo["sub"] as? String == accountID)
            #expect(policeInfo["name"] as? String == "居民1")
            #expect(policeInfo["id_number"] as? String == IdentityFixture.idNumber(1))
            let address = try #require(policeInfo["address"] as? [String: String])
            #expect(address["formatted"] == "成都市锦江区春熙路街道社区甲")
            #expect(address["region"] == "成都市")
            #expect(address["locality"] == "锦江区")
            #expect(address["street_address"] == "春熙路街道社区甲")
            #expect(address["country"] == "CN")
            #expect(address["community_code"] == IdentityFixture.communityA)

            let auditor = try await client.officialToken("auditor")
            let audit = String(buffer: try await client.get("/api/v1/audit?limit=200", token: auditor).body)
            #expect(audit.contains("personal_data.release") && audit.contains("id_number"))
            #expect(!audit.contains(IdentityFixture.idNumber(1)), "the audit log must not hold the number itself")

            // Not allowed: real_name is dropped without an error; the sub stays pairwise; address still works.
            let library = try await Self.tokens(client, clients, "library", scope: "openid real_name address")
            #expect(library["scope"] as? String == "address openid")
            let libraryInfo = OIDCFixture.object(
                try await client.get("/oauth/userinfo", token: try #require(library["access_token"] as? String)))
            #expect(libraryInfo["id_number"] == nil)
            #expect(libraryInfo["name"] == nil)
            #expect(libraryInfo["sub"] as? String != accountID)
            #expect((libraryInfo["address"] as? [String: String])?["community_code"] == IdentityFixture.communityA)
        }
    }

    @Test("real_name releases no ID number below level 2", arguments: TestBackend.available)
    func realNameNeedsLevelTwo(backend: TestBackend) async throws {
        let clients = ClaimClients()
        let prepare: @Sendable (Database) async throws -> Void = { database in
            try await IdentityFixture.prepare(database)
            try await clients.register(database)
        }
        try await TestApp.with(backend, prepare: prepare) { client in
            // A name that does not match the register: the account stays at level 1.
            let registered = try await client.registerResident(1, name: "张三")
            #expect(OIDCFixture.object(registered)["level"] as? Int == 1)
            let police = try await Self.tokens(client, clients, "police", scope: "openid real_name")
            let info = OIDCFixture.object(
                try await client.get("/oauth/userinfo", token: try #require(police["access_token"] as? String)))
            #expect(info["id_number"] == nil)
        }
    }
}
