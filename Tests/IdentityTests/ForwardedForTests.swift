import App
import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import SQLKit
import TestSupport
import Testing

@Suite("Client addresses behind a reverse proxy (--trust-forwarded-for)")
struct ForwardedForTests {
    /// `--trust-forwarded-for`.
    static func behindProxy(_ configuration: inout AppConfiguration) {
        configuration.trustForwardedFor = true
    }

    static let forwarded: HTTPFields = [
        .contentType: "application/json", .xForwardedFor: "203.0.113.7, 198.51.100.9",
    ]

    /// Signs person 1 in once with the wrong password and once with the right one, both with `X-Forwarded-For`.
    static func signIns(_ client: some TestClientProtocol) async throws {
        #expect(try await client.registerResident(1).status == .created)
        for password in ["wrong-password-1", IdentityFixture.password] {
            _ = try await client.execute(
                uri: "/api/v1/auth/login", method: .post, headers: Self.forwarded,
                body: ByteBuffer(
                    string: #"{"username":"\#(IdentityFixture.phone(1))","password":"\#(password)"}"#))
        }
    }

    /// The addresses the audit log and the sign-in limiter recorded.
    static func recorded(_ database: Database) async throws -> (audit: [String], limits: [String]) {
        try await database.withConnection { sql in
            let audit = try await sql.select().column("address").from("audit_log").where(
                "address", .isNot, SQLLiteral.null
            )
            .all(decodingColumn: "address", as: String.self)
            let limits = try await sql.select().column("key").from("identity_signin_failures")
                .where("kind", .equal, "address").all(decodingColumn: "key", as: String.self)
            return (audit, limits)
        }
    }

    @Test(
        "with the flag, the audit log and the sign-in limits use the proxy's last hop", arguments: TestBackend.available
    )
    func trusted(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, configure: Self.behindProxy, prepare: IdentityFixture.prepare) {
            client, database in
            try await Self.signIns(client)
            let (audit, limits) = try await Self.recorded(database)
            #expect(!audit.isEmpty && audit.allSatisfy { $0 == "198.51.100.9" }, "\(audit)")
            #expect(limits == ["198.51.100.9"])
            // A forged, non-address entry is not taken.
            _ = try await client.execute(
                uri: "/api/v1/auth/login", method: .post,
                headers: [.contentType: "application/json", .xForwardedFor: "not-an-address"],
                body: ByteBuffer(string: #"{"username":"nobody","password":"wrong-password-1"}"#))
            #expect(try await Self.recorded(database).limits == ["198.51.100.9"])
        }
    }

    @Test("without the flag, the header is ignored", arguments: TestBackend.available)
    func untrusted(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: IdentityFixture.prepare) { client, database in
            try await Self.signIns(client)
            let (audit, limits) = try await Self.recorded(database)
            #expect(!audit.contains("198.51.100.9") && !audit.contains("203.0.113.7"))
            #expect(!limits.contains("198.51.100.9") && !limits.contains("203.0.113.7"))
        }
    }
}
