import Accessibility
import Foundation
import Platform
import Territory

/// Imports facilities into the registry from a CSV file of one community or from an OpenStreetMap extract, and
/// replaces the walking network with an extract's.
///
/// CSV imports are strict and all-or-nothing: every line is validated and placed on the network first, and any
/// problem fails the whole file with `file:line: reason` for each bad line. OSM extracts usually reach beyond the
/// network, so features that do not fall on it are skipped and counted instead. Re-importing a file updates the
/// entries it created (matched by source and id) instead of duplicating them.
public struct FacilityImporter: Sendable {
    private let service: LivabilityService
    private let database: Database

    public init(database: Database) {
        self.database = database
        self.service = LivabilityService(database: database)
    }

    /// What an import did.
    public struct Summary: Sendable, Equatable {
        public let inserted: Int
        public let updated: Int
        /// OSM features off the network or outside the community.
        public let skipped: Int

        public init(inserted: Int, updated: Int, skipped: Int) {
            self.inserted = inserted
            self.updated = updated
            self.skipped = skipped
        }
    }

    /// Import errors, each `file:line: reason`.
    public struct Failure: Error, CustomStringConvertible {
        public let lines: [String]
        public var description: String { self.lines.joined(separator: "\n") }
    }

    static let csvHeader = ["id", "category", "name", "lon", "lat"]
    static let csvOptional = ["opening_hours", "operator"]

    /// Parses `id,category,name,lon,lat[,opening_hours,operator]` for `community`; returns (line, facility) pairs.
    public static func parseCSV(_ text: String, fileName: String, community: String) throws -> [(Int, NewFacility)] {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(in: text)
        } catch let error as CSVReader.SyntaxError {
            throw Failure(lines: ["\(fileName):\(error.line): \(error.reason)"])
        }
        guard let header = records.first else { throw Failure(lines: ["\(fileName):1: the file is empty"]) }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard columns.count >= 5, Array(columns.prefix(5)) == Self.csvHeader,
            columns.dropFirst(5).allSatisfy(Self.csvOptional.contains)
        else {
            throw Failure(lines: [
                "\(fileName):\(header.line): the header must be id,category,name,lon,lat[,opening_hours][,operator]"
            ])
        }
        var errors: [String] = []
        var seen: [String: Int] = [:]
        var result: [(Int, NewFacility)] = []
        for record in records.dropFirst() {
            guard record.fields.count == columns.count else {
                errors.append("\(fileName):\(record.line): \(record.fields.count) fields, expected \(columns.count)")
                continue
            }
            var field: [String: String] = [:]
            for (name, value) in zip(columns, record.fields) { field[name] = value }
            let id = field["id"]!.trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty, id.count <= 64 else {
                errors.append("\(fileName):\(record.line): id: must have 1 to 64 characters")
                continue
            }
            if let first = seen[id] {
                errors.append("\(fileName):\(record.line): id: '\(id)' is used on line \(first) too")
                continue
            }
            seen[id] = record.line
            guard let lon = Double(field["lon"]!.trimmingCharacters(in: .whitespaces)),
                let lat = Double(field["lat"]!.trimmingCharacters(in: .whitespaces))
            else {
                errors.append("\(fileName):\(record.line): lon/lat: not numbers")
                continue
            }
            do {
                let input = FacilityInput(
                    category: field["category"]!.trimmingCharacters(in: .whitespaces), name: field["name"], lon: lon,
                    lat: lat, openingHours: field["opening_hours"], operator: field["operator"])
                result.append(
                    (
                        record.line,
                        try input.validated(community: community, source: .csv, externalRef: community + ":" + id)
                    ))
            } catch let problem as Problem {
                errors.append(
                    "\(fileName):\(record.line): \(problem.extensions["field"] ?? "field"): \(problem.detailEN)")
            }
        }
        if result.isEmpty && errors.isEmpty {
            errors.append("\(fileName):\(header.line): no facilities after the header")
        }
        guard errors.isEmpty else { throw Failure(lines: errors) }
        return result
    }

    /// Validates, places and stores a CSV file of one community, all or nothing.
    public func importCSV(_ text: String, fileName: String, community: String) async throws -> Summary {
        do {
            _ = try await self.service.community(community)
        } catch let problem as Problem {
            throw Failure(lines: ["\(fileName): \(problem.detailEN)"])
        }
        let parsed = try Self.parseCSV(text, fileName: fileName, community: community)
        let network = try await self.service.index.refresh().network
        var placed: [FacilityRepository.Placed] = []
        var errors: [String] = []
        for (line, facility) in parsed {
            do {
                placed.append(try LivabilityService.place(facility, on: network))
            } catch let problem as Problem {
                errors.append("\(fileName):\(line): \(problem.detailEN)")
            }
        }
        guard errors.isEmpty else { throw Failure(lines: errors) }
        let (inserted, updated) = try await self.service.facilities.importAll(placed)
        return Summary(inserted: inserted, updated: updated, skipped: 0)
    }

    /// Imports the facilities of an `.osm.pbf` extract: each goes to the community of the network node it lies on
    /// (or to `community` when given, keeping only those inside it).
    public func importOSM(path: String, community: String?) async throws -> Summary {
        let result = try self.readOSM(path)
        if let community { _ = try await self.service.community(community) }
        let network = try await self.service.index.refresh().network
        guard network.nodeCount > 0 else { throw LivabilityProblem.networkMissing }
        var placed: [FacilityRepository.Placed] = []
        var skipped = 0
        for (c, categoryName) in result.facilities.categories.enumerated() {
            guard let category = FacilityCategory(name: categoryName) else { continue }
            for id in result.facilities.ids[c] {
                guard let position = result.facilityPositions[id],
                    let snapped = network.snap(lon: position.lon, lat: position.lat),
                    snapped.meters <= SnapRule.maxMeters
                else {
                    skipped += 1
                    continue
                }
                let division = network.division(of: snapped.node)
                let target = community ?? division
                guard target.hasPrefix(division) || division.hasPrefix(target), target.count == 12 else {
                    skipped += 1
                    continue
                }
                let name = result.facilityNames[id].flatMap {
                    try? FacilityRules.text($0, field: "name", max: 80, required: true)
                }
                let facility = NewFacility(
                    communityCode: target, category: category,
                    name: name ?? category.name(.zh) + " (OSM \(id))", lon: position.lon, lat: position.lat,
                    source: .osm, externalRef: id)
                placed.append(.init(facility, nodeID: network.nodeIDs[Int(snapped.node)]))
            }
        }
        let (inserted, updated) = try await self.service.facilities.importAll(placed)
        return Summary(inserted: inserted, updated: updated, skipped: skipped)
    }

    /// Replaces the walking network with the walkable ways of an `.osm.pbf` extract, every node in `division`;
    /// dwellings are dropped (they belong to the old network). Returns (nodes, edges).
    public func importNetwork(osmPath: String, division: String) async throws -> (nodes: Int, edges: Int) {
        guard DivisionCode.isWellFormed(division),
            try await DivisionRepository(database: self.database).find(division) != nil
        else { throw Failure(lines: ["no division has the code '\(division)' (import the divisions first)"]) }
        let result = try self.readOSM(osmPath)
        let nodes = result.lon.indices.map {
            NetworkRepository.Node(id: Int64($0 + 1), divisionCode: division, lon: result.lon[$0], lat: result.lat[$0])
        }
        var edges: [NetworkRepository.Edge] = []
        let graph = result.graph
        for v in 0..<graph.nodeCount {
            for (u, meters) in graph.neighbours(of: v) where u > v {
                edges.append(.init(from: Int64(v + 1), to: Int64(u + 1), meters: Double(meters)))
            }
        }
        try await NetworkRepository(database: self.database).replace(
            nodes: nodes, edges: edges, dwellings: [], source: .openStreetMap)
        return (nodes.count, edges.count)
    }

    private func readOSM(_ path: String) throws -> OSMNetworkImporter.Result {
        do {
            return try OSMNetworkImporter().importFile(path)
        } catch {
            throw Failure(lines: [error.description])
        }
    }
}
