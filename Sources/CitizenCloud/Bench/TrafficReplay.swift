import Accessibility
import Foundation
import NIOCore
import NIOHTTP1

/// Sends a plan's arrivals to a running server at their times (open loop: a slow answer never delays the next
/// request) and records what happened in ``TrafficStats``.
struct TrafficReplay: Sendable {
    /// What the requests are made of, read before the replay starts.
    struct Material: Sendable {
        let residents: TrafficResidents
        /// Accounts that sign in with their password (made with the server's own password cost).
        let signInNames: [String]
        let password: String
        let serviceIDs: [String]
        let divisionCodes: [String]
        let searchTerms: [String]
        let applicationService: String
        let applicationBody: String
    }

    let client: LoadClient
    let material: Material
    let stats = TrafficStats()

    /// Replays `arrivals` (offsets in seconds from now); returns when every request was answered or failed.
    func run(_ arrivals: [(offset: Double, kind: TrafficKind)], seed: UInt64) async -> TrafficReport {
        let clock = ContinuousClock()
        let start = clock.now
        var random = SplitMix64(seed: seed)
        await withDiscardingTaskGroup { group in
            var index = 0
            while index < arrivals.count {
                let elapsed = (clock.now - start).seconds
                while index < arrivals.count, arrivals[index].offset <= elapsed {
                    let (offset, kind) = arrivals[index]
                    index += 1
                    let resident = Int.random(in: 0..<self.material.residents.count, using: &random)
                    let pick = Int(truncatingIfNeeded: random.next() >> 1)
                    let due = start + .seconds(offset)
                    group.addTask { await self.send(kind, resident: resident, pick: pick, due: due) }
                }
                if index < arrivals.count {
                    try? await Task.sleep(
                        until: start + .seconds(arrivals[index].offset), tolerance: .microseconds(200), clock: clock)
                }
            }
        }
        return self.stats.report(seconds: (clock.now - start).seconds)
    }

    private func send(_ planned: TrafficKind, resident: Int, pick: Int, due: ContinuousClock.Instant) async {
        let (kind, request, refreshing) = self.request(planned, resident: resident, pick: pick)
        if kind != planned { self.stats.substituted(planned) }
        var failure: String?
        var tokens: (access: String, refresh: String)?
        let response = await self.client.send(request)
        if let problem = response.failure {
            failure = "\(request.path): \(problem)"
        } else if (200..<300).contains(response.status) {
            if kind == .refresh { tokens = Self.tokens(response.body) }
        } else {
            failure = "\(response.status) \(request.path): \(String(buffer: response.body).prefix(160))"
        }
        if refreshing { self.material.residents.endRefresh(resident, tokens: tokens) }
        self.stats.record(kind, milliseconds: (ContinuousClock.now - due).seconds * 1000, failure: failure)
    }

    /// The request for `kind`, or for a stand-in read when the resident has nothing left to pay or book or is
    /// refreshing already; whether a refresh was begun.
    private func request(_ kind: TrafficKind, resident: Int, pick: Int) -> (TrafficKind, LoadRequest, Bool) {
        let material = self.material
        let token = material.residents.access(resident)
        switch kind {
        case .signIn:
            let name = material.signInNames[pick % material.signInNames.count]
            return (kind, Self.post("/api/v1/auth/login", json: Self.login(name, material.password)), false)
        case .refresh:
            guard let refresh = material.residents.beginRefresh(resident) else {
                return (.profile, Self.get("/api/v1/me", token: token), false)
            }
            return (kind, Self.post("/api/v1/auth/refresh", json: #"{"refreshToken":"\#(refresh)"}"#), true)
        case .profile: return (kind, Self.get("/api/v1/me", token: token), false)
        case .unread: return (kind, Self.get("/api/v1/me/notifications/unread-count", token: token), false)
        case .hotServices: return (kind, Self.get("/api/v1/services/hot", token: token), false)
        case .search:
            let term = material.searchTerms[pick % material.searchTerms.count]
            let query = term.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? term
            return (kind, Self.get("/api/v1/services?q=\(query)", token: token), false)
        case .serviceDetail:
            let id = material.serviceIDs[pick % material.serviceIDs.count]
            return (kind, Self.get("/api/v1/services/\(id)", token: token), false)
        case .myApplications: return (kind, Self.get("/api/v1/me/applications", token: token), false)
        case .myBills: return (kind, Self.get("/api/v1/me/bills", token: token), false)
        case .places: return (kind, Self.get("/api/v1/places", token: token), false)
        case .division:
            let code = material.divisionCodes[pick % material.divisionCodes.count]
            return (kind, Self.get("/api/v1/divisions/\(code)", token: nil), false)
        case .book:
            guard let slot = material.residents.takeSlot(resident) else {
                return (.places, Self.get("/api/v1/places", token: token), false)
            }
            return (kind, Self.post("/api/v1/slots/\(slot)/bookings", json: "", token: token), false)
        case .pay:
            guard let bill = material.residents.takeBill(resident) else {
                return (.myBills, Self.get("/api/v1/me/bills", token: token), false)
            }
            let request = Self.post(
                "/api/v1/bills/\(bill.id)/payments", json: #"{"amountFen":\#(bill.amountFen)}"#, token: token,
                key: "traffic-\(UUID().uuidString)")
            return (kind, request, false)
        case .apply:
            let request = Self.post(
                "/api/v1/services/\(material.applicationService)/applications", json: material.applicationBody,
                token: token, key: "traffic-\(UUID().uuidString)")
            return (kind, request, false)
        }
    }

    static func get(_ path: String, token: String?) -> LoadRequest {
        LoadRequest(path: path, headers: token.map { [("Authorization", "Bearer \($0)")] } ?? [])
    }

    static func post(_ path: String, json: String, token: String? = nil, key: String? = nil) -> LoadRequest {
        var request = Self.get(path, token: token)
        request.method = .POST
        request.headers.append(("Content-Type", "application/json"))
        if let key { request.headers.append(("Idempotency-Key", key)) }
        request.body = json
        return request
    }

    static func login(_ name: String, _ password: String) -> String {
        #"{"username":"\#(name)","password":"\#(password)"}"#
    }

    /// The two tokens of a sign-in or refresh answer.
    static func tokens(_ body: ByteBuffer) -> (access: String, refresh: String)? {
        struct Tokens: Decodable {
            let accessToken: String
            let refreshToken: String
        }
        guard let tokens = try? JSONDecoder().decode(Tokens.self, from: Data(body.readableBytesView)) else {
            return nil
        }
        return (tokens.accessToken, tokens.refreshToken)
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (seconds, attoseconds) = self.components
        return Double(seconds) + Double(attoseconds) * 1e-18
    }
}
