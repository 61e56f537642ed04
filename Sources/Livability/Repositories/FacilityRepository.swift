import Foundation
import HTTPTypes
import Platform
import SQLKit

/// Reads and writes the facilities registry. Every write bumps the facilities revision in its transaction.
public struct FacilityRepository: Sendable {
    private let database: Database
    static let columns = [
        "id", "community_code", "category", "name", "lon", "lat", "node_id", "opening_hours", "operator", "source",
        "created_at", "updated_at",
    ]

    public init(database: Database) {
        self.database = database
    }

    /// A facility ready to store: validated and snapped to a node.
    public struct Placed: Sendable {
        public let facility: NewFacility
        public let nodeID: Int64

        public init(_ facility: NewFacility, nodeID: Int64) {
            self.facility = facility
            self.nodeID = nodeID
        }
    }

    /// The facility with this id, or nil.
    public func find(_ id: String) async throws -> Facility? {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.columns).from("livability_facilities").where("id", .equal, id).first()
        }.map(Self.facility(from:))
    }

    /// Facilities of a community (optionally one category) in id order after `after`; whether more follow.
    public func list(
        community: String, category: FacilityCategory?, after: String?, limit: Int
    ) async throws -> (items: [Facility], more: Bool) {
        let rows = try await self.database.withConnection { sql in
            let query = sql.select().columns(Self.columns).from("livability_facilities")
                .where("community_code", .equal, community)
            if let category { query.where("category", .equal, category.rawValue) }
            if let after { query.where("id", .greaterThan, after) }
            return try await query.orderBy("id").limit(limit + 1).all()
        }
        return (try rows.prefix(limit).map(Self.facility(from:)), rows.count > limit)
    }

    /// Every facility (for the index), in id order.
    public func all() async throws -> [Facility] {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.columns).from("livability_facilities").orderBy("id").all()
        }.map(Self.facility(from:))
    }

    /// Stores a new facility and returns it.
    public func insert(_ placed: Placed) async throws -> Facility {
        let now = CityClock.now()
        let id = Self.newID()
        try await self.database.transaction { sql in
            try await Self.insert(placed, id: id, now: now, on: sql)
            try await NetworkRepository.bump("facilities", on: sql)
        }
        return Self.facility(placed, id: id, created: now, updated: now)
    }

    /// Replaces the stored fields of facility `id` (its community and source stay); nil when it does not exist.
    public func update(_ id: String, to placed: Placed) async throws -> Facility? {
        let now = CityClock.now()
        return try await self.database.transaction { sql in
            guard
                let existing = try await sql.select().columns(Self.columns).from("livability_facilities")
                    .where("id", .equal, id).first().map(Self.facility(from:))
            else { return nil }
            let new = placed.facility
            try await sql.update("livability_facilities")
                .set("category", to: new.category.rawValue).set("name", to: new.name).set("lon", to: new.lon)
                .set("lat", to: new.lat).set("node_id", to: placed.nodeID).set("opening_hours", to: new.openingHours)
                .set("operator", to: new.operator).set("updated_at", to: now)
                .where("id", .equal, id).run()
            try await NetworkRepository.bump("facilities", on: sql)
            return Facility(
                id: id, communityCode: existing.communityCode, category: new.category, name: new.name, lon: new.lon,
                lat: new.lat, nodeID: placed.nodeID, openingHours: new.openingHours, operator: new.operator,
                source: existing.source, createdAt: existing.createdAt, updatedAt: now)
        }
    }

    /// Deletes facility `id`; returns whether it existed.
    public func delete(_ id: String) async throws -> Bool {
        try await self.database.transaction { sql in
            guard
                try await sql.select().column("id").from("livability_facilities").where("id", .equal, id).first()
                    != nil
            else { return false }
            try await sql.delete(from: "livability_facilities").where("id", .equal, id).run()
            try await NetworkRepository.bump("facilities", on: sql)
            return true
        }
    }

    /// Imports facilities all-or-nothing: an entry whose (source, external ref) is stored already is updated,
    /// others are inserted. Returns (inserted, updated).
    public func importAll(_ placed: [Placed]) async throws -> (inserted: Int, updated: Int) {
        let now = CityClock.now()
        return try await self.database.transaction { sql in
            var inserted = 0
            var updated = 0
            for item in placed {
                let new = item.facility
                if let ref = new.externalRef,
                    let id = try await sql.select().column("id").from("livability_facilities")
                        .where("source", .equal, new.source.rawValue).where("external_ref", .equal, ref)
                        .first(decodingColumn: "id", as: String.self)
                {
                    try await sql.update("livability_facilities")
                        .set("community_code", to: new.communityCode).set("category", to: new.category.rawValue)
                        .set("name", to: new.name).set("lon", to: new.lon).set("lat", to: new.lat)
                        .set("node_id", to: item.nodeID).set("opening_hours", to: new.openingHours)
                        .set("operator", to: new.operator).set("updated_at", to: now)
                        .where("id", .equal, id).run()
                    updated += 1
                } else {
                    try await Self.insert(item, id: Self.newID(), now: now, on: sql)
                    inserted += 1
                }
            }
            try await NetworkRepository.bump("facilities", on: sql)
            return (inserted, updated)
        }
    }

    /// Writes generated facilities with their own ids in bulk (the demo city), replacing the demo ones.
    public func replaceDemo(_ facilities: [(id: String, placed: Placed)]) async throws {
        let now = CityClock.now()
        try await self.database.transaction { sql in
            try await sql.delete(from: "livability_facilities").where("source", .equal, FacilitySource.demo.rawValue)
                .run()
            for chunk in facilities.chunked(into: 300) {
                let insert = sql.insert(into: "livability_facilities").columns(Self.columns + ["external_ref"])
                for (id, placed) in chunk { insert.values(Self.binds(placed, id: id, now: now)) }
                try await insert.run()
            }
            try await NetworkRepository.bump("facilities", on: sql)
        }
    }

    private static func insert(_ placed: Placed, id: String, now: Int64, on sql: any SQLDatabase) async throws {
        try await sql.insert(into: "livability_facilities").columns(Self.columns + ["external_ref"])
            .values(Self.binds(placed, id: id, now: now)).run()
    }

    private static func binds(_ placed: Placed, id: String, now: Int64) -> [any SQLExpression] {
        let new = placed.facility
        return [
            SQLBind(id), SQLBind(new.communityCode), SQLBind(new.category.rawValue), SQLBind(new.name),
            SQLBind(new.lon), SQLBind(new.lat), SQLBind(placed.nodeID), SQLBind(new.openingHours),
            SQLBind(new.operator), SQLBind(new.source.rawValue), SQLBind(now), SQLBind(now), SQLBind(new.externalRef),
        ]
    }

    /// `fac_` and 16 random hex digits.
    static func newID() -> String {
        "fac_" + (0..<8).map { _ in UInt8.random(in: 0...255) }.hexString
    }

    private static func facility(_ placed: Placed, id: String, created: Int64, updated: Int64) -> Facility {
        let new = placed.facility
        return Facility(
            id: id, communityCode: new.communityCode, category: new.category, name: new.name, lon: new.lon,
            lat: new.lat, nodeID: placed.nodeID, openingHours: new.openingHours, operator: new.operator,
            source: new.source, createdAt: created, updatedAt: updated)
    }

    /// A facility from a row of `livability_facilities` (`corrupt_facility` when its category or source is unknown).
    static func facility(from row: any SQLRow) throws -> Facility {
        let categoryText = try row.decode(column: "category", as: String.self)
        let sourceText = try row.decode(column: "source", as: String.self)
        guard let category = FacilityCategory(rawValue: categoryText), let source = FacilitySource(rawValue: sourceText)
        else {
            throw Problem(.internalServerError, code: "corrupt_facility", zh: "设施数据损坏。", en: "Corrupt facility row.")
        }
        return Facility(
            id: try row.decode(column: "id", as: String.self),
            communityCode: try row.decode(column: "community_code", as: String.self), category: category,
            name: try row.decode(column: "name", as: String.self), lon: try row.decode(column: "lon", as: Double.self),
            lat: try row.decode(column: "lat", as: Double.self),
            nodeID: try row.decode(column: "node_id", as: Int64.self),
            openingHours: try row.decode(column: "opening_hours", as: String?.self),
            operator: try row.decode(column: "operator", as: String?.self), source: source,
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }
}
