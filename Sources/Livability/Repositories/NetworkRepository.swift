import Platform
import SQLKit

/// Reads and replaces the walking network and the households placed on it.
///
/// The network is written whole (by the demo generator or an import) and read whole (by ``LivabilityIndex``);
/// every write bumps the network revision in the same transaction so every process rebuilds its index.
public struct NetworkRepository: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A node of the walking network.
    public struct Node: Sendable, Equatable {
        public let id: Int64
        /// The smallest division known to contain the node (a community code in the demo city).
        public let divisionCode: String
        public let lon: Double
        public let lat: Double

        public init(id: Int64, divisionCode: String, lon: Double, lat: Double) {
            self.id = id
            self.divisionCode = divisionCode
            self.lon = lon
            self.lat = lat
        }
    }

    /// An undirected walkable edge.
    public struct Edge: Sendable, Equatable {
        public let from: Int64
        public let to: Int64
        public let meters: Double

        public init(from: Int64, to: Int64, meters: Double) {
            self.from = from
            self.to = to
            self.meters = meters
        }
    }

    /// Where a household of the register lives on the network.
    public struct Dwelling: Sendable, Equatable {
        public let householdID: Int64
        public let communityCode: String
        public let nodeID: Int64
        public let lon: Double
        public let lat: Double

        public init(householdID: Int64, communityCode: String, nodeID: Int64, lon: Double, lat: Double) {
            self.householdID = householdID
            self.communityCode = communityCode
            self.nodeID = nodeID
            self.lon = lon
            self.lat = lat
        }
    }

    /// Households living at one node, per community (the index needs counts, not the households).
    public struct DwellingCount: Sendable, Equatable {
        public let nodeID: Int64
        public let communityCode: String
        public let households: Int
    }

    /// Where a stored network came from.
    public enum Source: String, Sendable {
        /// Made by the demo generator (or a test): no attribution needed.
        case generated
        /// An OpenStreetMap extract: whatever shows it credits ``OSMAttribution``.
        case openStreetMap = "osm"
    }

    /// Where the stored network came from.
    public func source() async throws -> Source {
        try await self.database.withConnection { sql in
            try await sql.select().column("network_source").from("livability_revision").where("id", .equal, 1)
                .first(decodingColumn: "network_source", as: String.self)
        }.flatMap(Source.init(rawValue:)) ?? .generated
    }

    /// The revision counters: the network's and the facilities'.
    public func revision() async throws -> (network: Int64, facilities: Int64) {
        try await self.database.withConnection { sql in
            guard
                let row = try await sql.select().columns("network", "facilities").from("livability_revision")
                    .where("id", .equal, 1).first()
            else { return (0, 0) }
            return (
                try row.decode(column: "network", as: Int64.self), try row.decode(column: "facilities", as: Int64.self)
            )
        }
    }

    /// Whether any network has been stored.
    public func isEmpty() async throws -> Bool {
        try await self.database.withConnection { sql in
            try await sql.select().column("id").from("livability_nodes").limit(1).first() == nil
        }
    }

    /// Every node, in id order.
    public func nodes() async throws -> [Node] {
        try await self.database.withConnection { sql in
            try await sql.select().columns("id", "division_code", "lon", "lat").from("livability_nodes").orderBy("id")
                .all()
        }.map { row in
            Node(
                id: try row.decode(column: "id", as: Int64.self),
                divisionCode: try row.decode(column: "division_code", as: String.self),
                lon: try row.decode(column: "lon", as: Double.self), lat: try row.decode(column: "lat", as: Double.self)
            )
        }
    }

    /// Every edge.
    public func edges() async throws -> [Edge] {
        try await self.database.withConnection { sql in
            try await sql.select().columns("from_node", "to_node", "meters").from("livability_edges").all()
        }.map { row in
            Edge(
                from: try row.decode(column: "from_node", as: Int64.self),
                to: try row.decode(column: "to_node", as: Int64.self),
                meters: try row.decode(column: "meters", as: Double.self))
        }
    }

    /// Households per node and community.
    public func dwellingCounts() async throws -> [DwellingCount] {
        try await self.database.withConnection { sql in
            try await sql.select().columns("node_id", "community_code")
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("livability_dwellings").groupBy("node_id").groupBy("community_code").all()
        }.map { row in
            DwellingCount(
                nodeID: try row.decode(column: "node_id", as: Int64.self),
                communityCode: try row.decode(column: "community_code", as: String.self),
                households: try row.decode(column: "n", as: Int.self))
        }
    }

    /// The dwelling of a household, or nil.
    public func dwelling(householdID: Int64) async throws -> Dwelling? {
        try await self.database.withConnection { sql in
            try await sql.select().columns("household_id", "community_code", "node_id", "lon", "lat")
                .from("livability_dwellings").where("household_id", .equal, householdID).first()
        }.map(Self.dwelling(from:))
    }

    /// Dwellings of a community in household order, after `after`, at most `limit`.
    public func dwellings(community: String, after: Int64?, limit: Int) async throws -> [Dwelling] {
        try await self.database.withConnection { sql in
            let query = sql.select().columns("household_id", "community_code", "node_id", "lon", "lat")
                .from("livability_dwellings").where("community_code", .equal, community)
            if let after { query.where("household_id", .greaterThan, after) }
            return try await query.orderBy("household_id").limit(limit).all()
        }.map(Self.dwelling(from:))
    }

    private static func dwelling(from row: any SQLRow) throws -> Dwelling {
        Dwelling(
            householdID: try row.decode(column: "household_id", as: Int64.self),
            communityCode: try row.decode(column: "community_code", as: String.self),
            nodeID: try row.decode(column: "node_id", as: Int64.self),
            lon: try row.decode(column: "lon", as: Double.self), lat: try row.decode(column: "lat", as: Double.self))
    }

    /// Replaces the whole network and every dwelling in one transaction (facilities stay; callers re-snap them).
    public func replace(nodes: [Node], edges: [Edge], dwellings: [Dwelling], source: Source = .generated)
        async throws
    {
        try await self.database.transaction { sql in
            try await sql.delete(from: "livability_dwellings").run()
            try await sql.delete(from: "livability_edges").run()
            try await sql.delete(from: "livability_nodes").run()
            try await Self.insertNodes(nodes, on: sql)
            try await Self.insertEdges(edges, on: sql)
            try await Self.insertDwellings(dwellings, on: sql)
            try await sql.update("livability_revision").set("network_source", to: source.rawValue)
                .where("id", .equal, 1).run()
            try await Self.bump("network", on: sql)
        }
    }

    /// Adds (or moves) dwellings in one transaction.
    public func place(_ dwellings: [Dwelling]) async throws {
        try await self.database.transaction { sql in
            for chunk in dwellings.chunked(into: 400) {
                try await sql.delete(from: "livability_dwellings")
                    .where("household_id", .in, chunk.map(\.householdID)).run()
            }
            try await Self.insertDwellings(dwellings, on: sql)
            try await Self.bump("network", on: sql)
        }
    }

    /// Adds one to a revision counter (`network` or `facilities`) inside the caller's transaction.
    static func bump(_ counter: String, on sql: any SQLDatabase) async throws {
        try await sql.update("livability_revision")
            .set(SQLIdentifier(counter), to: SQLBinaryExpression(SQLIdentifier(counter), .add, SQLLiteral.numeric("1")))
            .where("id", .equal, 1).run()
    }

    private static func insertNodes(_ nodes: [Node], on sql: any SQLDatabase) async throws {
        for chunk in nodes.chunked(into: 500) {
            let insert = sql.insert(into: "livability_nodes").columns("id", "division_code", "lon", "lat")
            for node in chunk {
                insert.values(SQLBind(node.id), SQLBind(node.divisionCode), SQLBind(node.lon), SQLBind(node.lat))
            }
            try await insert.run()
        }
    }

    private static func insertEdges(_ edges: [Edge], on sql: any SQLDatabase) async throws {
        for chunk in edges.chunked(into: 500) {
            let insert = sql.insert(into: "livability_edges").columns("from_node", "to_node", "meters")
            for edge in chunk { insert.values(SQLBind(edge.from), SQLBind(edge.to), SQLBind(edge.meters)) }
            try await insert.run()
        }
    }

    private static func insertDwellings(_ dwellings: [Dwelling], on sql: any SQLDatabase) async throws {
        for chunk in dwellings.chunked(into: 500) {
            let insert = sql.insert(into: "livability_dwellings")
                .columns("household_id", "community_code", "node_id", "lon", "lat")
            for dwelling in chunk {
                insert.values(
                    SQLBind(dwelling.householdID), SQLBind(dwelling.communityCode), SQLBind(dwelling.nodeID),
                    SQLBind(dwelling.lon), SQLBind(dwelling.lat))
            }
            try await insert.run()
        }
    }
}
