import App
import CommunityAffairs
import Foundation
import Platform
import SQLKit
import Territory
import TestSupport
import Testing

/// Concurrent issuing: numbers are never reused, one request never yields two certificates, and rotating the
/// signing key leaves earlier certificates verifiable.
@Suite struct CertificateRaceTests {
    /// Every test resident lives in community A; facts come from a fixed household.
    struct Subjects: CertificateSubjects {
        func subject(of principal: Principal) async throws -> CertificateSubject {
            CertificateSubject(
                residentID: 1, householdID: 1, communityCode: AffairsCity.communityA, isHouseholdHead: true)
        }

        func facts(accountID: String, residentID: Int64, householdID: Int64) async throws -> SubjectFacts {
            SubjectFacts(
                name: "测试居民\(accountID)", idNumber: AffairsCity.idNumber(1), gender: "F", birthDate: "1990-01-01",
                address: "1栋1单元101号", members: [("测试居民", "户主")])
        }
    }

    static let worker = Principal(subject: "worker-a", role: .communityWorker, scope: AffairsCity.communityA, level: 3)

    static func service(_ database: Database) async throws -> CertificateService {
        let divisions = DivisionRepository(database: database)
        try await divisions.upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: AffairsCity.streetCode, name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(code: AffairsCity.communityA, name: "和平社区", level: .community, parentCode: AffairsCity.streetCode),
        ])
        return CertificateService(
            database: database, catalog: try CertificateCatalogParser.shipped(), cipher: try TestApp.cipher,
            divisions: divisions, subjects: Subjects(), services: nil)
    }

    static func requests(_ service: CertificateService, count: Int) async throws -> [String] {
        var ids: [String] = []
        for n in 0..<count {
            let resident = Principal(subject: "resident-\(n % 7)", role: .resident, scope: nil, level: 2)
            ids.append(
                try await service.request(
                    kind: "volunteer-service", inputs: ["hours": "\(n)", "service": "巡逻", "purpose": "评优"],
                    by: resident
                ).id)
        }
        return ids
    }

    @Test("concurrent approvals get distinct, gapless numbers", arguments: TestBackend.available)
    func numbersAreNeverReused(_ backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let service = try await Self.service(database)
            let ids = try await Self.requests(service, count: 60)
            let numbers = try await withThrowingTaskGroup(of: String?.self) { group in
                for id in ids {
                    group.addTask {
                        try await service.review(id, decision: .approve, note: nil, by: Self.worker).certificateNumber
                    }
                }
                return try await group.reduce(into: [String]()) { if let number = $1 { $0.append(number) } }
            }
            #expect(numbers.count == 60)
            #expect(Set(numbers).count == 60)
            let sequences = Set(numbers.compactMap { Int($0.split(separator: "-")[2]) })
            #expect(sequences == Set(1...60))
            for number in numbers.prefix(5) {
                #expect(try await service.verify(number).verdict == .genuine)
            }
        }
    }

    @Test("two workers approving the same request issue one certificate", arguments: TestBackend.available)
    func oneCertificatePerRequest(_ backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let service = try await Self.service(database)
            let ids = try await Self.requests(service, count: 15)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for id in ids {
                    for _ in 0..<2 {
                        group.addTask {
                            do {
                                _ = try await service.review(id, decision: .approve, note: nil, by: Self.worker)
                                return true
                            } catch let problem as Problem where problem.code == "certificate_request_state" {
                                return false
                            }
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 15)
            let issued = try await service.certificates.list(divisionPrefix: AffairsCity.communityA)
            #expect(issued.count == 15)
            #expect(Set(issued.map(\.requestID)) == Set(ids))
        }
    }

    @Test("a rotated key keeps earlier certificates genuine", arguments: TestBackend.available)
    func keyRotation(_ backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            let service = try await Self.service(database)
            let ids = try await Self.requests(service, count: 2)
            let first = try await service.review(ids[0], decision: .approve, note: nil, by: Self.worker)
            let city = Principal(subject: "city", role: .cityOfficer, scope: "510100", level: 3)
            let newKey = try await service.rotateKey(by: city)
            let second = try await service.review(ids[1], decision: .approve, note: nil, by: Self.worker)
            let firstNumber = try #require(first.certificateNumber)
            let secondNumber = try #require(second.certificateNumber)
            let one = try #require(try await service.certificates.find(firstNumber))
            let two = try #require(try await service.certificates.find(secondNumber))
            #expect(one.content.keyID != two.content.keyID)
            #expect(two.content.keyID == newKey)
            // A verifier started after the rotation (a fresh service, an empty key cache) knows both keys.
            let fresh = try await Self.service(database)
            #expect(try await fresh.verify(one.number).verdict == .genuine)
            #expect(try await fresh.verify(two.number).verdict == .genuine)
            #expect(try await fresh.signer.publicKeys().count == 2)
            // A signature by the other key over the same content is refused.
            #expect(try await fresh.verify(content: one.content, signature: two.signature).verdict == .altered)
        }
    }
}
