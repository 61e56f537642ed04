import Platform
import Territory

/// The life circle's use cases: the facilities registry (validated, snapped, authorized, indexed), coverage and
/// rankings, gap lists, what-if scenarios and "near me". Routes and pages call it.
public struct LivabilityService: Sendable {
    public let index: LivabilityIndex
    public let facilities: FacilityRepository
    public let networks: NetworkRepository
    let divisions: DivisionRepository
    let database: Database
    let households: (any ResidentHouseholds)?

    public init(database: Database, index: LivabilityIndex? = nil, households: (any ResidentHouseholds)? = nil) {
        self.index = index ?? LivabilityIndex(database: database)
        self.facilities = FacilityRepository(database: database)
        self.networks = NetworkRepository(database: database)
        self.divisions = DivisionRepository(database: database)
        self.households = households
        self.database = database
    }

    // MARK: - Facilities

    /// The community with this code, or `community_not_found`.
    public func community(_ code: String) async throws -> Division {
        guard DivisionCode.impliedLevel(of: code) == .community, let division = try await self.divisions.find(code),
            division.level == .community
        else { throw LivabilityProblem.communityNotFound(code) }
        return division
    }

    /// Adds a facility to a community for an official whose scope holds it.
    public func create(_ input: FacilityInput, community code: String, by principal: Principal?) async throws
        -> Facility
    {
        try Authorization.require(principal, .manageFacilities, divisionCode: code)
        _ = try await self.community(code)
        let new = try input.validated(community: code, source: .manual)
        let placed = try await self.place(new)
        let facility = try await self.facilities.insert(placed)
        try await self.index.refresh()
        return facility
    }

    /// Changes a facility for an official whose scope holds its community.
    public func update(_ id: String, with input: FacilityInput, by principal: Principal?) async throws -> Facility {
        let existing = try await self.facility(id)
        try Authorization.require(principal, .manageFacilities, divisionCode: existing.communityCode)
        let placed = try await self.place(try input.applied(to: existing))
        guard let facility = try await self.facilities.update(id, to: placed) else {
            throw LivabilityProblem.facilityNotFound(id)
        }
        try await self.index.refresh()
        return facility
    }

    /// Removes a facility for an official whose scope holds its community.
    public func delete(_ id: String, by principal: Principal?) async throws {
        let existing = try await self.facility(id)
        try Authorization.require(principal, .manageFacilities, divisionCode: existing.communityCode)
        guard try await self.facilities.delete(id) else { throw LivabilityProblem.facilityNotFound(id) }
        try await self.index.refresh()
    }

    /// The facility with this id, or `facility_not_found`.
    public func facility(_ id: String) async throws -> Facility {
        guard id.utf8.count <= 64, let facility = try await self.facilities.find(id) else {
            throw LivabilityProblem.facilityNotFound(id)
        }
        return facility
    }

    /// Snaps a validated facility to the network and checks it lies in its community.
    public func place(_ new: NewFacility) async throws -> FacilityRepository.Placed {
        try Self.place(new, on: try await self.index.current().network)
    }

    /// Snaps on a given network (the importers check a whole file against one snapshot).
    public static func place(_ new: NewFacility, on network: NetworkSnapshot) throws -> FacilityRepository.Placed {
        guard network.nodeCount > 0, let snapped = network.snap(lon: new.lon, lat: new.lat) else {
            throw LivabilityProblem.networkMissing
        }
        guard snapped.meters <= SnapRule.maxMeters else { throw LivabilityProblem.offNetwork(meters: snapped.meters) }
        let division = network.division(of: snapped.node)
        guard new.communityCode.hasPrefix(division) else {
            throw LivabilityProblem.outsideCommunity(new.communityCode, nodeDivision: division)
        }
        return FacilityRepository.Placed(new, nodeID: network.nodeIDs[Int(snapped.node)])
    }

    // MARK: - Coverage

    /// Coverage of any division (public: aggregated figures only).
    public func coverage(of code: String) async throws -> DivisionCoverage {
        guard DivisionCode.isWellFormed(code), let division = try await self.divisions.find(code) else {
            throw DivisionNotFound(code: code)
        }
        let snapshot = try await self.index.current()
        return DivisionCoverage(
            code: division.code, name: division.name, level: division.level.rawValue,
            figures: snapshot.access.figures(for: division.code))
    }

    /// The children of a division ranked by coverage of `category` (all categories at once when nil), best first;
    /// ties by code.
    public func ranking(of code: String, category: FacilityCategory?) async throws -> Ranking {
        guard DivisionCode.isWellFormed(code), let division = try await self.divisions.find(code) else {
            throw DivisionNotFound(code: code)
        }
        let snapshot = try await self.index.current()
        var children: [Division] = []
        var after: String? = nil
        while true {
            let page = try await self.divisions.list(.init(parentCode: division.code), after: after, limit: 200)
            children += page.items
            guard page.more, let last = page.items.last else { break }
            after = last.code
        }
        let entries = children.map { child in
            (child, snapshot.access.figures(for: child.code))
        }.sorted { a, b in
            let (left, right) = (a.1.share(category), b.1.share(category))
            return left != right ? left > right : a.0.code < b.0.code
        }
        return Ranking(
            code: division.code, name: division.name, category: category,
            items: entries.enumerated().map { offset, entry in
                Ranking.Item(
                    rank: offset + 1,
                    coverage: DivisionCoverage(
                        code: entry.0.code, name: entry.0.name, level: entry.0.level.rawValue, figures: entry.1))
            })
    }
}
