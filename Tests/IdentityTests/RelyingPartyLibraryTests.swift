import App
import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import Platform
import Synchronization
import TestSupport
import Testing

/// Runs a standard relying-party library (Python Authlib, `scripts/oidc-relying-party.py`) against the live server.
@Suite("Standard relying party (Authlib)")
struct RelyingPartyLibraryTests {
    /// The script, found from this file's path (the package root is two levels up).
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/oidc-relying-party.py").path

    /// Whether `python3` with Authlib is installed (`scripts/test` installs it with pip when it is missing).
    static let authlibAvailable: Bool = {
        (try? run(["python3", "-c", "import authlib, requests"]).status) == 0
    }()

    /// Runs a command; returns its exit status and standard output and error.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(
        "discovery, authorize with PKCE, token, ID token verified against the JWKS, userinfo, refresh, private_key_jwt",
        .enabled(if: authlibAvailable, "python3 with authlib is not installed: python3 -m pip install authlib"))
    func authlib() async throws {
        let registered = Mutex<(id: String, secret: String)?>(nil)
        let keyClient = Mutex<String?>(nil)
        let key = P256.Signing.PrivateKey()
        let pemFile = FileManager.default.temporaryDirectory.appendingPathComponent("rp-\(UUID().uuidString).pem")
        try key.pemRepresentation.write(to: pemFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: pemFile) }
        let raw = key.publicKey.rawRepresentation
        let jwks = """
            {"keys":[{"kty":"EC","crv":"P-256","use":"sig","x":"\(OIDCFixture.base64URL(Array(raw.prefix(32))))",\
            "y":"\(OIDCFixture.base64URL(Array(raw.suffix(32))))"}]}
            """
        let redirect = "https://rp.example/cb"
        let prepare: @Sendable (Database) async throws -> Void = { database in
            try await IdentityFixture.prepare(database)
            let (client, secret) = try await ClientRepository(database: database).create(
                name: "rp", redirectURIs: [redirect], scopes: ["openid", "profile", "offline_access"],
                confidential: true, pairwise: true)
            registered.withLock { $0 = (client.clientID, secret!) }
            let (service, _) = try await ClientRepository(database: database).create(
                name: "service", redirectURIs: [], scopes: ["api"], confidential: true, pairwise: false, jwks: jwks)
            keyClient.withLock { $0 = service.clientID }
        }
        try await TestApp.with(.sqlite, framework: .live, prepare: prepare) { client in
            #expect(try await client.registerResident(1).status == .created)
            let base = "http://127.0.0.1:\(try #require(client.port))"
            let (id, secret) = try #require(registered.withLock { $0 })
            let arguments = [
                "python3", Self.script, base, id, secret, redirect, IdentityFixture.phone(1), IdentityFixture.password,
                try #require(keyClient.withLock { $0 }), pemFile.path,
            ]
            // The script blocks on the server's answers: run it off the cooperative pool.
            let (status, output) = try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread {
                    continuation.resume(with: Result { try Self.run(arguments) })
                }
            }
            #expect(status == 0, "\(output)")
            let line = try #require(output.split(separator: "\n").last { $0.hasPrefix("{") })
            let result = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(result["alg"] as? String == "RS256")
            #expect(result["name"] as? String == "居民1")
            #expect(result["refreshed"] as? Bool == true)
            #expect(result["private_key_jwt"] as? Bool == true)
        }
    }
}
