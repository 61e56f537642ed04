import Foundation
import HTTPTypes
import HummingbirdTesting
import Identity
import NIOCore
import Platform
import TestSupport
import Testing

@Suite("Resident registration")
struct RegistrationTests {
    /// One bad field each, with the problem code and reason it must produce.
    static let badInputs: [(String, String, String?)] = [
        (#"{"name":"","idNumber":"ID","phone":"13900000001","password":"P"}"#, "invalid_name", nil),
        (
            #"{"name":"张三","idNumber":"51010419900101","phone":"13900000001","password":"P"}"#, "invalid_id_number",
            "length"
        ),
        (
            #"{"name":"张三","idNumber":"51010419900101001A","phone":"13900000001","password":"P"}"#, "invalid_id_number",
            "characters"
        ),
        (#"{"name":"张三","idNumber":"ID+","phone":"13900000001","password":"P"}"#, "invalid_id_number", "check_digit"),
        (
            #"{"name":"张三","idNumber":"ID-DATE","phone":"13900000001","password":"P"}"#, "invalid_id_number",
            "birth_date"
        ),
        (#"{"name":"张三","idNumber":"ID-REGION","phone":"13900000001","password":"P"}"#, "invalid_id_number", "region"),
        (#"{"name":"张三","idNumber":"ID","phone":"12900000001","password":"P"}"#, "invalid_phone", nil),
        (#"{"name":"张三","idNumber":"ID","phone":"1390000000","password":"P"}"#, "invalid_phone", nil),
        (#"{"name":"张三","idNumber":"ID","phone":"13900000001","password":"short"}"#, "weak_password", "too_short"),
        (#"{"name":"张三","idNumber":"ID","phone":"13900000001","password":"qwertyuiop"}"#, "weak_password", "common"),
        (#"{"name":"张三","idNumber":"ID","phone":"13900000001","password":"woaini1314520"}"#, "weak_password", "common"),
        (
            #"{"name":"张三","idNumber":"ID","phone":"13900000001","password":"my13900000001"}"#, "weak_password",
            "personal_data"
        ),
    ]

    static func body(_ template: String) -> String {
        let valid = IdentityFixture.idNumber(7)
        var wrongCheck = Array(valid)
        wrongCheck[17] = wrongCheck[17] == "1" ? "2" : "1"
        let badDate = IDNumber(region: "510104", year: 1990, month: 2, day: 1, sequence: 1).value
        let feb30 = String(badDate.prefix(12)) + "30" + String(badDate.dropFirst(14))
        return template.replacingOccurrences(of: "ID-DATE", with: Self.fixCheck(feb30))
            .replacingOccurrences(
                of: "ID-REGION", with: IDNumber(region: "990101", year: 1990, month: 1, day: 1, sequence: 1).value
            )
            .replacingOccurrences(of: "ID+", with: String(wrongCheck))
            .replacingOccurrences(of: "\"ID\"", with: "\"\(valid)\"")
            .replacingOccurrences(of: "\"P\"", with: "\"Sufficiently-long-9\"")
    }

    /// Recomputes the check character so only the date is wrong.
    static func fixCheck(_ number: String) -> String {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let digits = number.prefix(17).map { Int(String($0))! }
        let sum = zip(digits, weights).map(*).reduce(0, +)
        return String(number.prefix(17)) + String(Array("10X98765432")[sum % 11])
    }

    @Test("each bad input is refused with its problem code", arguments: TestBackend.available)
    func badInputs(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            for (template, code, reason) in Self.badInputs {
                let response = try await client.post("/api/v1/residents", json: Self.body(template))
                #expect(response.status == .badRequest, "\(template)")
                #expect(response.problemCode == code, "\(template): \(String(buffer: response.body))")
                if let reason {
                    #expect(String(buffer: response.body).contains(#""reason":"\#(reason)""#), "\(template)")
                }
            }
        }
    }

    @Test("a resident in the register starts at L2, others at L1; duplicates are 409", arguments: TestBackend.available)
    func levelsAndDuplicates(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            let matched = try await client.registerResident(1)
            #expect(matched.status == .created, "\(String(buffer: matched.body))")
            let profile = try matched.json(ProfileBody.self)
            #expect(profile.level == 2)
            #expect(profile.communityCode == IdentityFixture.communityA)
            #expect(profile.idNumber == IDNumber.mask(IdentityFixture.idNumber(1)))

            let wrongName = try await client.registerResident(2, name: "别人")
            #expect(wrongName.status == .created)
            #expect(try wrongName.json(ProfileBody.self).level == 1)

            let stranger = try await client.registerResident(40)
            #expect(try stranger.json(ProfileBody.self).level == 1)

            let sameID = try await client.post(
                "/api/v1/residents",
                json: #"{"name":"居民1","idNumber":"\#(IdentityFixture.idNumber(1))","phone":"13911112222","#
                    + #""password":"\#(IdentityFixture.password)"}"#)
            #expect(sameID.status == .conflict)
            #expect(sameID.problemCode == "id_number_taken")
            let samePhone = try await client.post(
                "/api/v1/residents",
                json:
                    #"{"name":"某人","idNumber":"\#(IdentityFixture.idNumber(41))","phone":"\#(IdentityFixture.phone(1))","#
                    + #""password":"\#(IdentityFixture.password)"}"#)
            #expect(samePhone.status == .conflict)
            #expect(samePhone.problemCode == "phone_taken")
        }
    }

    @Test("concurrent registrations of one ID number create exactly one account", arguments: TestBackend.available)
    func concurrentDuplicates(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: IdentityFixture.prepare) { client in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for attempt in 0..<6 {
                    group.addTask {
                        try await client.post(
                            "/api/v1/residents",
                            json: #"{"name":"并发","idNumber":"\#(IdentityFixture.idNumber(50))","#
                                + #""phone":"\#(IdentityFixture.phone(500 + attempt))","password":"Sufficiently-long-9"}"#
                        ).status.code
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == 409 }.count == 5, "\(statuses)")
        }
    }
}

/// The profile as JSON.
struct ProfileBody: Decodable {
    let id: String
    let role: String
    let name: String
    let idNumber: String?
    let phone: String?
    let level: Int
    let communityCode: String?
    let scope: String?
}
