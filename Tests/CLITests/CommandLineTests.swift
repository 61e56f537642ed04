import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The result of running the `citizen-cloud` executable.
private struct Outcome {
    let status: Int32
    let output: String
    let errors: String
}

/// Runs the debug build of `citizen-cloud` (built with the tests) with `arguments` in the repository folder.
private func run(_ arguments: [String]) throws -> Outcome {
    let executable = TestApp.repositoryRoot.appendingPathComponent(".build/debug/citizen-cloud")
    try #require(FileManager.default.isExecutableFile(atPath: executable.path), "build the executable first")
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = TestApp.repositoryRoot
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
        status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
        errors: String(decoding: errData, as: UTF8.self)
    )
}

/// A fresh folder for one test's files.
private func scratch() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cc-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Starts `serve` on a random port with a database in `folder` and waits until it answers `/healthz`.
private func startServer(in folder: URL) async throws -> (process: Process, port: Int, errors: Pipe) {
    let port = Int.random(in: 20_000...40_000)
    let process = Process()
    process.executableURL = TestApp.repositoryRoot.appendingPathComponent(".build/debug/citizen-cloud")
    process.arguments = [
        "serve", "--port", String(port), "--database", "sqlite://\(folder.path)/s.sqlite", "--key-file",
        "\(folder.path)/k.key", "--log-level", "error",
    ]
    process.currentDirectoryURL = TestApp.repositoryRoot
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = Pipe()
    try process.run()
    var healthy = false
    for _ in 0..<100 where !healthy {
        try await Task.sleep(for: .milliseconds(100))
        let url = URL(string: "http://127.0.0.1:\(port)/healthz")!
        healthy =
            (try? await URLSession.shared.data(from: url)).map { ($0.1 as? HTTPURLResponse)?.statusCode == 200 }
            ?? false
    }
    try #require(healthy, "serve did not answer /healthz")
    return (process, port, errors)
}

@Suite("Command line", .serialized)
struct CommandLineTests {
    @Test("serve answers /healthz and stops cleanly with status 0 on SIGTERM")
    func gracefulShutdown() async throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, _, errors) = try await startServer(in: folder)
        // Let the background services (outboxes, revocation feed) go through a cycle first.
        try await Task.sleep(for: .milliseconds(1500))
        process.terminate()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(!stderr.contains("error"), "\(stderr)")
    }

    @Test("bench traffic replays a minute of the model day against a live server, every kind of request answered")
    func trafficReplay() async throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = ["--database", "sqlite://\(folder.path)/s.sqlite", "--key-file", "\(folder.path)/k.key"]
        let fixture = try run(
            ["billing", "bench-fixture", "--residents", "5", "--bills", "4", "--slots", "3"] + database)
        #expect(fixture.status == 0, "\(fixture.errors)")
        try fixture.output.write(to: folder.appendingPathComponent("fixture.json"), atomically: true, encoding: .utf8)
        #expect(try run(["import", "catalog", "data/service-catalog.json"] + database).status == 0)
        let (server, port, _) = try await startServer(in: folder)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        // 60,000 daily active residents: about 900 requests in the 6 seconds that 10:00–10:01 takes at 10×.
        let replay = try run([
            "bench", "traffic", "--url", "http://127.0.0.1:\(port)", "--fixture", "\(folder.path)/fixture.json",
            "--daily-active", "60000", "--from", "10:00", "--to", "10:01", "--sign-in-accounts", "2",
        ])
        #expect(replay.status == 0, "\(replay.errors)")
        #expect(replay.output.contains("error rate 0.0%"), "\(replay.output)")
        for kind in [
            "refresh", "me", "unread-count", "hot-services", "search", "service-detail", "my-bills", "division",
        ] {
            #expect(replay.output.contains("| \(kind) |"), "\(kind) missing from \(replay.output)")
        }
    }

    @Test("import divisions loads the real file and says what it did")
    func importDivisions() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = "sqlite://\(folder.path)/c.sqlite"
        let first = try run(["import", "divisions", "data/chengdu-divisions.csv", "--database", database])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("Imported 282 divisions: 1 city, 20 district, 261 street"))
        let again = try run(["import", "divisions", "data/chengdu-divisions.csv", "--database", database])
        #expect(again.status == 0)
    }

    @Test("a broken file is reported with its line and exit status 1")
    func brokenFile() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.csv")
        try "code,name,level,parent_code\n510100,成都市,city,\n510104,锦江区,district\n".write(
            to: file, atomically: true, encoding: .utf8
        )
        let outcome = try run(["import", "divisions", file.path, "--database", "sqlite://\(folder.path)/c.sqlite"])
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("bad.csv:3: expected 4 fields, found 3"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("c.sqlite").path))
        let missing = try run(["import", "divisions", folder.appendingPathComponent("none.csv").path])
        #expect(missing.status == 1)
        #expect(missing.errors.contains("cannot read"))
    }

    @Test("an unreachable or malformed database gives a clear error and exit status 1")
    func unreachableDatabase() throws {
        let unreachable = try run(["migrate", "--database", "postgres://nobody:pw@127.0.0.1:1/none"])
        #expect(unreachable.status == 1)
        #expect(unreachable.errors.contains("cannot reach the database postgres://nobody:***@127.0.0.1:1/none"))
        #expect(!unreachable.errors.contains("pw@"))
        let serve = try run(["serve", "--port", "0", "--database", "postgres://nobody:pw@127.0.0.1:1/none"])
        #expect(serve.status == 1)
        #expect(serve.errors.contains("cannot reach the database"))
        let malformed = try run(["migrate", "--database", "mysql://x"])
        #expect(malformed.status == 1)
        #expect(malformed.errors.contains("invalid database URL"))
    }

    @Test("seed refuses a scale out of range")
    func seedScale() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try run([
            "seed", "--scale", "5", "--database", "sqlite://\(folder.path)/c.sqlite", "--key-file",
            folder.appendingPathComponent("k.key").path,
        ])
        #expect(outcome.status == 1)
        #expect(outcome.errors.contains("scale must be greater than 0 and at most 2"))
    }

    @Test("clients create takes the ID token algorithm, trust, real-name and JWKS flags; keys rotate adds two keys")
    func clientsCreate() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let common = [
            "--database", "sqlite://\(folder.path)/c.sqlite", "--key-file", folder.appendingPathComponent("k.key").path,
        ]
        let jwks = folder.appendingPathComponent("jwks.json")
        try """
        {"keys":[{"kty":"EC","crv":"P-256","kid":"k1","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",\
        "y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}
        """.write(to: jwks, atomically: true, encoding: .utf8)
        let base = ["clients", "create", "--name", "公安", "--redirect-uri", "https://police.example/cb"]
        let created = try run(
            base + [
                "--id-token-alg", "ES256", "--trusted", "--allow-real-name", "--scope", "openid profile",
                "--jwks-file", jwks.path,
            ] + common)
        #expect(created.status == 0, "\(created.errors)")
        #expect(created.output.contains("client_id: c_"))
        #expect(!created.output.contains("client_secret"), "a client with a JWKS uses private_key_jwt, no secret")
        let secret = try run(base + common)
        #expect(secret.output.contains("client_secret (shown once): "))
        let badAlgorithm = try run(base + ["--id-token-alg", "HS256"] + common)
        #expect(badAlgorithm.status == 1)
        #expect(badAlgorithm.errors.contains("--id-token-alg must be RS256 or ES256"))
        let badJWKS = try run(base + ["--jwks-file", folder.appendingPathComponent("none.json").path] + common)
        #expect(badJWKS.status == 1)
        #expect(badJWKS.errors.contains("cannot read the JWKS file"))
        let rotated = try run(["keys", "rotate"] + common)
        #expect(rotated.status == 0, "\(rotated.errors)")
        #expect(rotated.output.contains("current keys: k") && rotated.output.contains(", r"))
    }
}
