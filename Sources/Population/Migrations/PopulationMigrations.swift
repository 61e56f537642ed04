import Platform

/// The household register's schema: households and the residents registered in them.
///
/// ID and phone numbers are stored only encrypted (`*_enc`) with a keyed hash (`*_hash`) for look-ups.
public enum PopulationMigrations {
    public static let all: [any Migration] = [
        SQLMigration(id: "population.0001.register") { kind in
            let blob = kind == .postgres ? "BYTEA" : "BLOB"
            let key = kind == .postgres ? "BIGINT" : "INTEGER"
            return [
                """
                CREATE TABLE households (
                    id \(key) PRIMARY KEY,
                    community_code TEXT NOT NULL REFERENCES divisions(code),
                    address TEXT NOT NULL,
                    size INTEGER NOT NULL
                )
                """,
                "CREATE INDEX households_community ON households (community_code, id)",
                """
                CREATE TABLE residents (
                    id \(key) PRIMARY KEY,
                    household_id \(key) NOT NULL REFERENCES households(id),
                    community_code TEXT NOT NULL,
                    name TEXT NOT NULL,
                    gender TEXT NOT NULL CHECK (gender IN ('F', 'M')),
                    birth_date TEXT NOT NULL,
                    relation TEXT NOT NULL,
                    id_number_hash TEXT NOT NULL,
                    id_number_enc \(blob) NOT NULL,
                    phone_hash TEXT,
                    phone_enc \(blob),
                    synthetic INTEGER NOT NULL DEFAULT 0
                )
                """,
                "CREATE UNIQUE INDEX residents_id_number ON residents (id_number_hash)",
                "CREATE INDEX residents_community ON residents (community_code, id)",
            ]
        }
    ]
}
