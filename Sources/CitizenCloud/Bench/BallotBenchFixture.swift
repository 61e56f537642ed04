import Foundation
import Identity
import Logging
import Participation
import Platform
import Population
import SQLKit
import Territory

/// The ballot benchmark's data: a community, its voters (households, register entries and level-2 accounts with
/// phones `139` + 8 digits), an open vote for them, and a closed vote holding the ballots whose tally is timed.
struct BallotBenchFixture {
    let database: Database
    let cipher: PersonalDataCipher
    let logger: Logger

    static func phone(_ n: Int) -> String { "139" + String(String(n + 100_000_000).suffix(8)) }

    /// Returns the open vote and the vote to tally.
    func prepare(voters: Int, tallyBallots: Int) async throws -> (Vote, Vote) {
        try await DivisionRepository(database: self.database).upsert([
            Division(code: "510100", name: "成都市", level: .city, parentCode: nil),
            Division(code: "510104", name: "锦江区", level: .district, parentCode: "510100"),
            Division(code: "510104003", name: "春熙路街道", level: .street, parentCode: "510104"),
            Division(
                code: BallotBenchCommand.community, name: "压测社区", level: .community, parentCode: "510104003"),
        ])
        let hash = try await PasswordHasher(cost: 4).hash(BallotBenchCommand.password)
        let start = Int64(9_000_000)
        let now = CityClock.now()
        for chunk in Array(0..<voters).chunked(into: 500) {
            try await self.database.transaction { sql in
                let households = sql.insert(into: "households").columns("id", "community_code", "address", "size")
                let residents = sql.insert(into: "residents").columns(
                    "id", "household_id", "community_code", "name", "gender", "birth_date", "relation",
                    "id_number_hash", "id_number_enc", "synthetic")
                let accounts = sql.insert(into: "identity_accounts").columns(
                    "id", "role", "name", "id_number_hash", "id_number_enc", "phone_hash", "phone_enc",
                    "password_hash", "level", "community_code", "created_at")
                for n in chunk {
                    let id = start + Int64(n)
                    // Stands in for an ID number: only its keyed hash links the account to the register entry.
                    let unique = "bench-voter-\(n)"
                    households.values(
                        SQLBind(id), SQLBind(BallotBenchCommand.community), SQLBind("\(n % 30 + 1)栋\(n)号"), SQLBind(1))
                    residents.values(
                        SQLBind(id), SQLBind(id), SQLBind(BallotBenchCommand.community), SQLBind("选民\(n)"),
                        SQLBind("F"), SQLBind("1970-01-01"), SQLBind("head"), SQLBind(self.cipher.lookupHash(unique)),
                        SQLBind(Data(self.cipher.seal(unique))), SQLBind(1))
                    accounts.values(
                        SQLBind("bench-voter-\(n)"), SQLBind("resident"), SQLBind("选民\(n)"),
                        SQLBind(self.cipher.lookupHash(unique)), SQLBind(Data(self.cipher.seal(unique))),
                        SQLBind(self.cipher.lookupHash(Self.phone(n))), SQLBind(Data(self.cipher.seal(Self.phone(n)))),
                        SQLBind(hash), SQLBind(2), SQLBind(BallotBenchCommand.community), SQLBind(now))
                }
                try await households.run()
                try await residents.run()
                try await accounts.run()
            }
        }
        let platform = PlatformServices(
            database: self.database, logger: self.logger, cipher: self.cipher, issuer: "http://bench",
            secureCookies: false, passwordCost: 4, trustForwardedFor: false)
        let register = RegisterRepository(database: self.database)
        let votes = VoteService(
            platform: platform,
            eligibility: EligibilityChecker(
                registration: ResidentRegistration(
                    accounts: AccountRepository(database: self.database, cipher: self.cipher), register: register,
                    cipher: self.cipher),
                register: register, bodies: BodyRepository(database: self.database)),
            register: register)
        let official = Principal(
            subject: "bench", role: .communityWorker, scope: BallotBenchCommand.community, level: 3)
        func request(_ title: String, closes: Int64) -> VoteService.NewVote {
            VoteService.NewVote(
                titleZh: title, titleEn: title, description: "", kind: .single,
                options: (1...4).map { LocalizedText(zh: "方案\($0)", en: "Plan \($0)") }, maxChoices: nil,
                unit: .person, eligibility: nil, opensAt: CityClock.rfc3339(now - 60),
                closesAt: CityClock.rfc3339(closes), quorumPercent: 0, threshold: .simpleMajority)
        }
        let vote = try await votes.create(
            community: BallotBenchCommand.community, request: request("压测表决", closes: now + 86_400), by: official)
        let tally = try await votes.create(
            community: BallotBenchCommand.community, request: request("计票压测", closes: now + 86_400), by: official)
        // Stored ballots of the tallied vote: random token hashes, choices spread over the options.
        for chunk in Array(0..<tallyBallots).chunked(into: 20_000) {
            try await self.database.transaction { sql in
                var random = SystemRandomNumberGenerator()
                for rows in chunk.chunked(into: 500) {
                    let insert = sql.insert(into: "participation_ballots").columns("vote_id", "token_hash", "choice")
                    for _ in rows {
                        let hash = (0..<32).map { _ in UInt8.random(in: 0...255, using: &random) }.hexString
                        insert.values(SQLBind(tally.id), SQLBind(hash), SQLBind(String(Int.random(in: 0..<4))))
                    }
                    try await insert.run()
                }
            }
        }
        return (vote, tally)
    }
}
