import Platform

/// The life circle's schema: the walking network, where households live on it, the facilities registry and a
/// revision counter that tells every server process when its in-memory index is out of date.
///
/// Node ids are dense integers chosen by the writer (the demo generator or an import); every node belongs to the
/// smallest division known for it (a community for the demo city, a street or district for an imported network).
public enum LivabilityMigrations {
    public static let all: [any Migration] = [
        SQLMigration(id: "livability.0001.network") { kind in
            let key = kind == .postgres ? "BIGINT" : "INTEGER"
            return [
                """
                CREATE TABLE livability_nodes (
                    id \(key) PRIMARY KEY,
                    division_code TEXT NOT NULL,
                    lon DOUBLE PRECISION NOT NULL,
                    lat DOUBLE PRECISION NOT NULL
                )
                """,
                "CREATE INDEX livability_nodes_division ON livability_nodes (division_code, id)",
                """
                CREATE TABLE livability_edges (
                    from_node \(key) NOT NULL,
                    to_node \(key) NOT NULL,
                    meters DOUBLE PRECISION NOT NULL CHECK (meters >= 0),
                    PRIMARY KEY (from_node, to_node)
                )
                """,
                """
                CREATE TABLE livability_dwellings (
                    household_id \(key) PRIMARY KEY,
                    community_code TEXT NOT NULL,
                    node_id \(key) NOT NULL,
                    lon DOUBLE PRECISION NOT NULL,
                    lat DOUBLE PRECISION NOT NULL
                )
                """,
                "CREATE INDEX livability_dwellings_community ON livability_dwellings (community_code, household_id)",
                """
                CREATE TABLE livability_revision (
                    id INTEGER PRIMARY KEY,
                    network BIGINT NOT NULL,
                    facilities BIGINT NOT NULL
                )
                """,
                "INSERT INTO livability_revision (id, network, facilities) VALUES (1, 0, 0)",
            ]
        },
        SQLMigration(id: "livability.0002.facilities") { kind in
            let key = kind == .postgres ? "BIGINT" : "INTEGER"
            return [
                """
                CREATE TABLE livability_facilities (
                    id TEXT PRIMARY KEY,
                    community_code TEXT NOT NULL,
                    category TEXT NOT NULL,
                    name TEXT NOT NULL,
                    lon DOUBLE PRECISION NOT NULL,
                    lat DOUBLE PRECISION NOT NULL,
                    node_id \(key) NOT NULL,
                    opening_hours TEXT,
                    operator TEXT,
                    source TEXT NOT NULL CHECK (source IN ('demo', 'osm', 'csv', 'manual')),
                    external_ref TEXT,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX livability_facilities_community ON livability_facilities (community_code, id)",
                "CREATE UNIQUE INDEX livability_facilities_ref ON livability_facilities (source, external_ref)",
            ]
        },
        // Where the network came from: maps drawn from an OpenStreetMap extract must credit it (ODbL).
        SQLMigration(id: "livability.0003.network_source") { _ in
            ["ALTER TABLE livability_revision ADD COLUMN network_source TEXT NOT NULL DEFAULT 'generated'"]
        },
    ]
}
