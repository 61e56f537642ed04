import Foundation
import Platform
import Territory

extension OIDCProvider {
    /// The userinfo claims (besides `sub` and `acr`) that `scopes` release to `client`.
    ///
    /// - `profile`: `name`.
    /// - `phone`: `phone_number` (E.164); audited.
    /// - `real_name` (clients allowed it only): `name` and `id_number`, the 18-character resident ID number (a
    ///   private claim name: OpenID Connect defines none for national ID numbers); audited as an ID number release.
    ///   Released only from level 2 (name and number matched with the household register): at level 1 the pair is
    ///   merely what the resident typed, and a department must not take it for a verified real name. The `acr`
    ///   claim tells the client which level it got.
    /// - `address`: `address`, an OpenID Connect address object for the community where the household register
    ///   lists the resident (`formatted`, `region` the city, `locality` the district, `street_address` the street
    ///   and community, `country` `CN`, and the private member `community_code`); absent until the resident is
    ///   matched with the register (level 2).
    func userinfoClaims(
        account: Account, client: OAuthClient, scopes: Set<String>, clientAddress: String?
    ) async throws -> [String: JSONValue] {
        var body: [String: JSONValue] = [:]
        if scopes.contains("profile") { body["name"] = .string(account.name) }
        var released: [String] = []
        if scopes.contains("phone"), let phone = account.phone {
            body["phone_number"] = .string("+86" + phone)
            released.append("phone")
        }
        if scopes.contains("real_name"), client.allowRealName, account.level >= 2 {
            body["name"] = .string(account.name)
            if let idNumber = account.idNumber {
                body["id_number"] = .string(idNumber)
                released.append("id_number")
            }
        }
        if scopes.contains("address"), let code = account.communityCode,
            let address = try await self.address(communityCode: code)
        {
            body["address"] = .object(address)
        }
        for detail in released {
            try await self.identity.audit.record(
                AuditEvent(
                    actor: account.id, action: "personal_data.release", target: client.clientID,
                    address: clientAddress, detail: detail))
        }
        return body
    }

    /// The address object for a community: its chain of divisions from the city down.
    func address(communityCode: String) async throws -> [String: String]? {
        let divisions = DivisionRepository(database: self.database)
        var chain: [Division] = []
        var next: String? = communityCode
        while let code = next, chain.count < 6, let division = try await divisions.find(code) {
            chain.insert(division, at: 0)
            next = division.parentCode
        }
        guard let community = chain.last, community.code == communityCode else { return nil }
        let named = { (level: DivisionLevel) in chain.first { $0.level == level }?.name }
        var address = [
            "formatted": chain.map(\.name).joined(), "country": "CN", "community_code": community.code,
            "street_address": [named(.street), named(.community)].compactMap { $0 }.joined(),
        ]
        address["region"] = named(.city)
        address["locality"] = named(.district)
        return address
    }
}
