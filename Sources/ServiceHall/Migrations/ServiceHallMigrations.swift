import Platform

/// The service hall's schema: the imported catalog, applications with their timeline and ratings, favourites and
/// recently used services, and the usage figures (uses per service and day, active residents per day).
///
/// The catalog tables are replaced as a whole by each import; applications keep a copy of their service's name and
/// department so that a later catalog without that service still shows them.
public enum ServiceHallMigrations {
    public static let all: [any Migration] = [
        SQLMigration(id: "servicehall.0001.catalog") { _ in
            [
                """
                CREATE TABLE servicehall_catalog_meta (
                    id INTEGER PRIMARY KEY,
                    version BIGINT NOT NULL,
                    imported_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE servicehall_themes (
                    id TEXT PRIMARY KEY,
                    name_zh TEXT NOT NULL,
                    name_en TEXT NOT NULL,
                    position INTEGER NOT NULL
                )
                """,
                """
                CREATE TABLE servicehall_departments (
                    id TEXT PRIMARY KEY,
                    name_zh TEXT NOT NULL,
                    name_en TEXT NOT NULL,
                    position INTEGER NOT NULL
                )
                """,
                """
                CREATE TABLE servicehall_services (
                    id TEXT PRIMARY KEY,
                    department_id TEXT NOT NULL,
                    theme_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    level INTEGER NOT NULL,
                    promised_days INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    definition TEXT NOT NULL
                )
                """,
            ]
        },
        SQLMigration(id: "servicehall.0002.applications") { _ in
            [
                """
                CREATE TABLE servicehall_applications (
                    id TEXT PRIMARY KEY,
                    service_id TEXT NOT NULL,
                    department_id TEXT NOT NULL,
                    service_name_zh TEXT NOT NULL,
                    service_name_en TEXT NOT NULL,
                    account_id TEXT NOT NULL,
                    status TEXT NOT NULL,
                    form TEXT NOT NULL,
                    idempotency_key TEXT NOT NULL,
                    request_hash TEXT NOT NULL,
                    submitted_at BIGINT NOT NULL,
                    due_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL,
                    finished_at BIGINT,
                    reason TEXT
                )
                """,
                """
                CREATE UNIQUE INDEX servicehall_applications_idempotency
                    ON servicehall_applications (account_id, idempotency_key)
                """,
                "CREATE INDEX servicehall_applications_queue ON servicehall_applications (department_id, status, due_at)",
                "CREATE INDEX servicehall_applications_mine ON servicehall_applications (account_id, submitted_at)",
                """
                CREATE TABLE servicehall_application_steps (
                    application_id TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    at BIGINT NOT NULL,
                    handler_id TEXT,
                    note TEXT,
                    PRIMARY KEY (application_id, seq)
                )
                """,
                """
                CREATE TABLE servicehall_ratings (
                    application_id TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL,
                    department_id TEXT NOT NULL,
                    service_id TEXT NOT NULL,
                    stars INTEGER NOT NULL,
                    comment TEXT NOT NULL,
                    rated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX servicehall_ratings_department ON servicehall_ratings (department_id, rated_at)",
            ]
        },
        SQLMigration(id: "servicehall.0003.usage") { _ in
            [
                """
                CREATE TABLE servicehall_favourites (
                    account_id TEXT NOT NULL,
                    service_id TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (account_id, service_id)
                )
                """,
                """
                CREATE TABLE servicehall_recent_uses (
                    account_id TEXT NOT NULL,
                    service_id TEXT NOT NULL,
                    used_at BIGINT NOT NULL,
                    PRIMARY KEY (account_id, service_id)
                )
                """,
                "CREATE INDEX servicehall_recent_uses_account ON servicehall_recent_uses (account_id, used_at)",
                """
                CREATE TABLE servicehall_use_days (
                    service_id TEXT NOT NULL,
                    day INTEGER NOT NULL,
                    uses BIGINT NOT NULL,
                    PRIMARY KEY (service_id, day)
                )
                """,
                """
                CREATE TABLE servicehall_active_days (
                    day INTEGER NOT NULL,
                    account_id TEXT NOT NULL,
                    PRIMARY KEY (day, account_id)
                )
                """,
            ]
        },
    ]
}
