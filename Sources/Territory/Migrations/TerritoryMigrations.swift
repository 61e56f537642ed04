import Platform

/// The territory context's schema, in order.
public enum TerritoryMigrations {
    public static let all: [any Migration] = [
        SQLMigration(
            id: "territory.0001.divisions",
            statements: [
                """
                CREATE TABLE divisions (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    level TEXT NOT NULL CHECK (level IN ('city', 'district', 'street', 'community')),
                    parent_code TEXT REFERENCES divisions(code)
                )
                """,
                "CREATE INDEX divisions_parent ON divisions (parent_code, code)",
                "CREATE INDEX divisions_level ON divisions (level, code)",
            ]
        )
    ]
}
