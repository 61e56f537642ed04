import ArgumentParser
import Foundation
import NIOCore
import Platform

/// `citizen-cloud bench traffic`: replays a window of a day of city traffic against a running server, faster than
/// real time, and prints the error rate and latencies per kind of request.
struct TrafficCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "traffic",
        abstract: "Replay a window of a day of city traffic against a running server; print errors and latencies.",
        discussion: """
            The day is a model (TrafficModel.swift): about 9 requests per daily active resident, spread over the \
            hours like a city service app's day. Requests are sent when they are due whatever the server does \
            (open loop), and latencies count from that moment. The residents come from `billing bench-fixture` \
            (their bills are paid and their slots booked, each once).
            """
    )

    @Option(help: "Base URL of the server.") var url = "http://127.0.0.1:8080"
    @Option(help: "JSON printed by `citizen-cloud billing bench-fixture`.") var fixture: String?
    @Option(help: "Daily active residents of the modelled day.") var dailyActive = 2_100_000
    @Option(help: "How many times faster than real time to replay.") var speed = 10.0
    @Option(help: "Start of the window, HH:MM (Beijing time).") var from = "00:00"
    @Option(help: "End of the window, HH:MM (24:00 is midnight).") var to = "24:00"
    @Option(help: "Keep-alive connections to the server.") var connections = 64
    @Option(help: "Accounts registered for password sign-ins (with the server's password cost).")
    var signInAccounts = 20
    @Option(help: "Seed of the arrivals (the same seed replays the same requests).") var seed: UInt64 = 2018
    @Flag(help: "Print what the window holds (requests, payments, bookings, seconds) as JSON and stop.")
    var plan = false

    func run() async throws {
        try await CommandSupport.failing {
            let plan = TrafficPlan(
                dailyActive: self.dailyActive, speed: self.speed, start: try Self.seconds(self.from),
                end: try Self.seconds(self.to))
            guard plan.end > plan.start, plan.speed > 0 else {
                throw CommandFailure("--to must come after --from, and --speed must be positive")
            }
            if self.plan {
                let figures: [String: Double] = [
                    "requests": TrafficKind.allCases.reduce(0) { $0 + plan.expected($1) },
                    "pay": plan.expected(.pay), "book": plan.expected(.book), "seconds": plan.realSeconds,
                ]
                let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            guard let fixture = self.fixture else { throw CommandFailure("--fixture is required") }
            try await self.replay(plan, fixture: try CommandSupport.readText(fixture))
        }
    }

    private func replay(_ plan: TrafficPlan, fixture: String) async throws {
        let client = try LoadClient(base: self.url, connections: self.connections)
        let report = try await client.run {
            let material = try await TrafficSetup(client: client).material(
                fixture: fixture, signInAccounts: self.signInAccounts, seed: self.seed)
            let arrivals = plan.arrivals(seed: self.seed)
            print(
                "replaying \(self.from)–\(self.to) of a day of \(self.dailyActive) daily active residents at "
                    + "\(self.speed)×: \(arrivals.count) requests in \(TrafficReport.format(plan.realSeconds)) s, "
                    + "peak \(TrafficReport.format(Self.peakRate(plan)))/s, \(self.connections) connections")
            return await TrafficReplay(client: client, material: material).run(arrivals, seed: self.seed)
        }
        print(report.text)
    }

    /// The highest request rate of the window (per real second).
    static func peakRate(_ plan: TrafficPlan) -> Double {
        let hours = Int(plan.start / 3600)...Int((plan.end - 1) / 3600)
        return hours.map { plan.rate(at: Double($0) * 3600) }.max() ?? 0
    }

    /// Seconds since midnight of `HH:MM`.
    static func seconds(_ text: String) throws -> Double {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...24).contains(parts[0]), (0..<60).contains(parts[1]),
            parts[0] * 60 + parts[1] <= 24 * 60
        else { throw CommandFailure("\(text): expected a time HH:MM between 00:00 and 24:00") }
        return Double(parts[0] * 3600 + parts[1] * 60)
    }
}
