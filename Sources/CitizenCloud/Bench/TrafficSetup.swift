import Foundation
import NIOCore
import Platform

/// Prepares a replay: signs the fixture's residents in, registers the accounts that sign in with a password during
/// the replay, and reads the service ids and division codes the requests pick from.
struct TrafficSetup: Sendable {
    let client: LoadClient

    /// The JSON of `billing bench-fixture`.
    typealias Fixture = BillingBenchFixtureCommand.Output

    /// Everything the requests are made of.
    func material(fixture text: String, signInAccounts: Int, seed: UInt64) async throws -> TrafficReplay.Material {
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(text.utf8))
        guard !fixture.residents.isEmpty else { throw CommandFailure("the fixture has no residents") }
        let residents = try await self.signIn(fixture)
        let names = try await self.register(count: max(1, signInAccounts), password: fixture.password, seed: seed)
        let catalog = try Self.serviceIDs(CommandSupport.dataDirectory() + "/service-catalog.json")
        let divisions = try CommandSupport.readText(CommandSupport.dataDirectory() + "/chengdu-divisions.csv")
            .split(separator: "\n").dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
        return TrafficReplay.Material(
            residents: TrafficResidents(residents), signInNames: names, password: fixture.password,
            serviceIDs: catalog, divisionCodes: divisions,
            searchTerms: ["医保", "ybcx", "公积金", "社保", "driving licence", "户口", "water", "passport", "gjj", "预约"],
            applicationService: "residence-permit",
            applicationBody: #"{"form":{"address":"成都市锦江区春熙路 1 号","since":"2024-03-01","basis":"work","#
                + #""phone":"13800138000","consent":true}}"#)
    }

    /// Signs every fixture resident in, eight at a time; each gets every slot to book and its bills to pay.
    private func signIn(_ fixture: Fixture) async throws -> [TrafficResidents.Resident] {
        var result: [TrafficResidents.Resident] = []
        for batch in Array(fixture.residents.enumerated()).chunked(into: 8) {
            let signed = try await withThrowingTaskGroup(of: (Int, TrafficResidents.Resident).self) { group in
                for (index, resident) in batch {
                    group.addTask {
                        let tokens = try await self.login(resident.phone, fixture.password)
                        let bills = zip(resident.bills, resident.amounts).map { (id: $0, amountFen: $1) }
                        return (
                            index,
                            .init(
                                access: tokens.access, refresh: tokens.refresh, bills: bills,
                                slots: fixture.slots.shuffled())
                        )
                    }
                }
                return try await group.reduce(into: [(Int, TrafficResidents.Resident)]()) { $0.append($1) }
            }
            result += signed.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return result
    }

    /// Registers `count` residents through the API (so their passwords use the server's cost) and returns the
    /// phones that sign in.
    private func register(count: Int, password: String, seed: UInt64) async throws -> [String] {
        var names: [String] = []
        for index in 0..<count {
            let phone = "136" + String(format: "%08d", (Int(seed % 10_000) * 1_000 + index) % 100_000_000)
            let id = IDNumber(
                region: "510121", year: 1960 + index % 40, month: 1 + index % 12, day: 1 + index % 28,
                sequence: 900 + Int(seed % 50) + index / 1_000)
            let body = #"{"name":"压测居民","idNumber":"\#(id.value)","phone":"\#(phone)","password":"\#(password)"}"#
            _ = await self.client.send(TrafficReplay.post("/api/v1/residents", json: body))
            // Registered now or by an earlier run on the same database: keep the phones that sign in.
            if (try? await self.login(phone, password)) != nil { names.append(phone) }
        }
        guard !names.isEmpty else { throw CommandFailure("no account for password sign-ins could be registered") }
        return names
    }

    private func login(_ name: String, _ password: String) async throws -> (access: String, refresh: String) {
        let response = await self.client.send(
            TrafficReplay.post("/api/v1/auth/login", json: TrafficReplay.login(name, password)))
        guard response.status == 200, let tokens = TrafficReplay.tokens(response.body) else {
            let reason = response.failure ?? "\(response.status) \(String(buffer: response.body))"
            throw CommandFailure("sign-in of \(name) failed: \(reason)")
        }
        return tokens
    }

    /// The ids of the shipped catalog's services.
    static func serviceIDs(_ path: String) throws -> [String] {
        struct Catalog: Decodable {
            struct Service: Decodable { let id: String }
            let services: [Service]
        }
        return try JSONDecoder().decode(Catalog.self, from: Data(CommandSupport.readText(path).utf8)).services.map(\.id)
    }
}
