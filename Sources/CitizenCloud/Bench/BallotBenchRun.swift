import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Participation
import Platform
import Synchronization

/// One run of the ballot benchmark against the server started by ``BallotBenchCommand``.
struct BallotBenchRun: Sendable {
    let client: LoadClient
    let vote: Vote
    let tallyVote: Vote
    let connections: Int
    let database: DatabaseURL
    let logger: Logger

    /// Signs every voter in, then measures; returns the report as text.
    func measure(voters: Int, duringTally: Int, healthSeconds: Double) async throws -> String {
        let tokens = try await self.signIn(voters + duringTally)
        let health = await self.healthPerSecond(seconds: healthSeconds)
        let (ballotsPerSecond, latencies, failures) = await self.cast(Array(tokens.prefix(voters)))
        let tallySeconds = try await self.timeTally()
        let (duringLatencies, duringFailures, tallies) = try await self.castDuringTally(
            Array(tokens.suffix(duringTally)))
        return """
            database: \(self.database.description.hasPrefix("postgres") ? "postgres" : "sqlite")
            GET /healthz: \(Int(health)) requests/s
            secret ballots (token issue + cast, \(voters) voters, \(self.connections) at once): \
            \(String(format: "%.1f", ballotsPerSecond)) ballots/s = \(String(format: "%.3f", ballotsPerSecond / health)) × healthz, \
            p50 \(Self.percentile(latencies, 0.5)) ms, p99 \(Self.percentile(latencies, 0.99)) ms, failures \(failures)
            tally of \(self.tallyVote.id) (\(try await self.storedBallots()) ballots): \(String(format: "%.2f", tallySeconds)) s
            casting during tallies (\(duringTally) voters, \(tallies) tallies ran meanwhile): \
            p50 \(Self.percentile(duringLatencies, 0.5)) ms, p99 \(Self.percentile(duringLatencies, 0.99)) ms, failures \(duringFailures)
            """
    }

    static func percentile(_ values: [Double], _ p: Double) -> Int {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return Int(sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))].rounded())
    }

    func post(_ path: String, _ body: String, token: String? = nil) async -> LoadResponse {
        var headers = [("Content-Type", "application/json")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        return await self.client.send(LoadRequest(method: .POST, path: path, headers: headers, body: body))
    }

    /// Access tokens of the voters (sign-ins, not measured).
    func signIn(_ count: Int) async throws -> [String] {
        let tokens = SharedValue<[Int: String]>([:])
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<self.connections {
                group.addTask {
                    for n in stride(from: worker, to: count, by: self.connections) {
                        let response = await self.post(
                            "/api/v1/auth/login",
                            #"{"username":"\#(BallotBenchFixture.phone(n))","password":"\#(BallotBenchCommand.password)"}"#
                        )
                        let object =
                            try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
                            as? [String: Any]
                        if let token = object?["accessToken"] as? String { tokens.withLock { $0[n] = token } }
                    }
                }
            }
        }
        let all = tokens.withLock { $0 }
        guard all.count == count else { throw CommandFailure("only \(all.count) of \(count) voters signed in") }
        return (0..<count).map { all[$0]! }
    }

    func healthPerSecond(seconds: Double) async -> Double {
        let start = ContinuousClock.now
        let deadline = start + .milliseconds(Int(seconds * 1000))
        let done = SharedValue(0)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<self.connections {
                group.addTask {
                    while ContinuousClock.now < deadline {
                        let response = await self.client.send(LoadRequest(path: "/healthz"))
                        if response.status == 200 { done.withLock { $0 += 1 } }
                    }
                }
            }
        }
        return Double(done.withLock { $0 }) / Self.seconds(ContinuousClock.now - start)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// One voter's ballot: blind, token request, unblind, cast. Returns the latency in ms, nil on failure.
    func ballot(token: String, choice: Int) async -> Double? {
        let start = ContinuousClock.now
        guard let request = try? BallotClient.TokenRequest(voteID: self.vote.id, publicKeyPEM: self.vote.publicKeyPEM)
        else { return nil }
        let issued = await self.post(
            "/api/v1/participation/votes/\(self.vote.id)/tokens",
            #"{"blindedMessage":"\#(Base64URL.encode(request.blindedMessage))"}"#, token: token)
        guard issued.status == 200,
            let object = try? JSONSerialization.jsonObject(with: Data(issued.body.readableBytesView)) as? [String: Any],
            let signature = (object["blindSignature"] as? String).flatMap({ Base64URL.decode($0) }),
            let ballot = try? request.finalize(blindSignature: signature)
        else { return nil }
        let cast = await self.post(
            "/api/v1/participation/votes/\(self.vote.id)/ballots",
            """
            {"message":"\(Base64URL.encode(ballot.message))","signature":"\(Base64URL.encode(ballot.signature))",\
            "choices":[\(choice)]}
            """)
        guard cast.status == 201 else { return nil }
        return Self.seconds(ContinuousClock.now - start) * 1000
    }

    /// Every voter casts once, `connections` at a time; ballots per second, latencies, failures.
    func cast(_ tokens: [String]) async -> (Double, [Double], Int) {
        let start = ContinuousClock.now
        let results = SharedValue<[Double?]>([])
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<self.connections {
                group.addTask {
                    for n in stride(from: worker, to: tokens.count, by: self.connections) {
                        let latency = await self.ballot(token: tokens[n], choice: n % 4)
                        results.withLock { $0.append(latency) }
                    }
                }
            }
        }
        let elapsed = Self.seconds(ContinuousClock.now - start)
        let all = results.withLock { $0 }
        let ok = all.compactMap { $0 }
        return (Double(ok.count) / elapsed, ok, all.count - ok.count)
    }
}
