import Platform

/// The cases context's schema: categories (Open311 service codes) with their deadline and department, routing
/// rules, the cases keyed by the division that owns them, their history, photos, followers, revisit calls,
/// joint meetings, Open311 API keys and the holiday calendar.
public enum CasesMigrations {
    public static let all: [any Migration] = [
        SQLMigration(id: "cases.0001.categories") { _ in
            [
                """
                CREATE TABLE cases_categories (
                    code TEXT PRIMARY KEY,
                    name_zh TEXT NOT NULL,
                    name_en TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    deadline_days INTEGER NOT NULL CHECK (deadline_days >= 0),
                    department_id TEXT NOT NULL,
                    position INTEGER NOT NULL
                )
                """,
                """
                CREATE TABLE cases_routing_rules (
                    id TEXT PRIMARY KEY,
                    category_code TEXT NOT NULL REFERENCES cases_categories (code),
                    division_prefix TEXT NOT NULL,
                    department_id TEXT NOT NULL,
                    note TEXT NOT NULL,
                    updated_by TEXT NOT NULL,
                    updated_at BIGINT NOT NULL,
                    UNIQUE (category_code, division_prefix)
                )
                """,
                """
                CREATE TABLE cases_holidays (
                    day TEXT PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
                    name TEXT NOT NULL
                )
                """,
            ] + CaseCategorySeed.statements + CaseCategorySeed.holidayStatements
        },
        SQLMigration(id: "cases.0002.cases") { kind in
            let key = kind == .postgres ? "BIGSERIAL" : "INTEGER"
            let blob = kind == .postgres ? "BYTEA" : "BLOB"
            return [
                """
                CREATE TABLE cases (
                    id TEXT PRIMARY KEY,
                    division_code TEXT NOT NULL,
                    owner_code TEXT NOT NULL,
                    owner_level TEXT NOT NULL CHECK (owner_level IN ('community', 'street', 'district', 'city')),
                    department_id TEXT NOT NULL,
                    category_code TEXT NOT NULL REFERENCES cases_categories (code),
                    routing_rule_id TEXT NOT NULL,
                    status TEXT NOT NULL,
                    version INTEGER NOT NULL CHECK (version >= 1),
                    description TEXT NOT NULL,
                    address TEXT NOT NULL,
                    lat DOUBLE PRECISION,
                    lon DOUBLE PRECISION,
                    source TEXT NOT NULL,
                    reporter_account_id TEXT,
                    contact_enc \(blob),
                    media_url TEXT,
                    escalations INTEGER NOT NULL DEFAULT 0,
                    rating INTEGER CHECK (rating BETWEEN 1 AND 5),
                    rating_comment TEXT,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL,
                    promised_at BIGINT NOT NULL,
                    due_at BIGINT NOT NULL,
                    resolved_at BIGINT,
                    closed_at BIGINT,
                    reminded_at BIGINT
                )
                """,
                "CREATE INDEX cases_owner_due ON cases (owner_code, status, due_at)",
                "CREATE INDEX cases_division_created ON cases (division_code, created_at)",
                "CREATE INDEX cases_department_due ON cases (department_id, status, due_at)",
                "CREATE INDEX cases_reporter ON cases (reporter_account_id, created_at)",
                "CREATE INDEX cases_created ON cases (created_at, id)",
                """
                CREATE TABLE cases_events (
                    case_id TEXT NOT NULL REFERENCES cases (id),
                    seq INTEGER NOT NULL,
                    command TEXT NOT NULL,
                    from_status TEXT,
                    to_status TEXT NOT NULL,
                    owner_code TEXT NOT NULL,
                    department_id TEXT NOT NULL,
                    actor_kind TEXT NOT NULL,
                    actor_id TEXT NOT NULL,
                    note TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (case_id, seq)
                )
                """,
                "CREATE INDEX cases_events_created ON cases_events (created_at)",
                """
                CREATE TABLE cases_photos (
                    case_id TEXT NOT NULL REFERENCES cases (id),
                    position INTEGER NOT NULL,
                    content_type TEXT NOT NULL,
                    bytes \(blob) NOT NULL,
                    PRIMARY KEY (case_id, position)
                )
                """,
                """
                CREATE TABLE cases_followers (
                    case_id TEXT NOT NULL REFERENCES cases (id),
                    account_id TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (case_id, account_id)
                )
                """,
                "CREATE INDEX cases_followers_account ON cases_followers (account_id, case_id)",
                """
                CREATE TABLE cases_revisits (
                    id \(key) PRIMARY KEY,
                    case_id TEXT NOT NULL REFERENCES cases (id),
                    official_id TEXT NOT NULL,
                    reached INTEGER NOT NULL,
                    satisfied INTEGER,
                    note TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX cases_revisits_case ON cases_revisits (case_id, id)",
            ]
        },
        SQLMigration(id: "cases.0003.meetings") { _ in
            [
                """
                CREATE TABLE cases_meetings (
                    id TEXT PRIMARY KEY,
                    division_code TEXT NOT NULL,
                    level TEXT NOT NULL,
                    title TEXT NOT NULL,
                    held_on TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('planned', 'published')),
                    minutes TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    published_at BIGINT
                )
                """,
                "CREATE INDEX cases_meetings_division ON cases_meetings (division_code, held_on)",
                """
                CREATE TABLE cases_meeting_items (
                    meeting_id TEXT NOT NULL REFERENCES cases_meetings (id),
                    case_id TEXT NOT NULL REFERENCES cases (id),
                    department_id TEXT,
                    office TEXT,
                    deadline_on TEXT,
                    decision TEXT,
                    decided_at BIGINT,
                    PRIMARY KEY (meeting_id, case_id)
                )
                """,
                "CREATE INDEX cases_meeting_items_case ON cases_meeting_items (case_id)",
                """
                CREATE TABLE cases_api_keys (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    key_hash TEXT NOT NULL UNIQUE,
                    created_at BIGINT NOT NULL,
                    revoked_at BIGINT
                )
                """,
            ]
        },
        SQLMigration(id: "cases.0004.figures") { _ in
            [
                """
                CREATE TABLE cases_figures (
                    scope TEXT NOT NULL,
                    grouped_by TEXT NOT NULL,
                    group_key TEXT NOT NULL,
                    volume BIGINT NOT NULL,
                    resolved BIGINT NOT NULL,
                    on_time BIGINT NOT NULL,
                    rated BIGINT NOT NULL,
                    rating_sum BIGINT NOT NULL,
                    escalated BIGINT NOT NULL,
                    closed BIGINT NOT NULL,
                    PRIMARY KEY (scope, grouped_by, group_key)
                )
                """,
                """
                CREATE TABLE cases_close_hours (
                    scope TEXT NOT NULL,
                    grouped_by TEXT NOT NULL,
                    group_key TEXT NOT NULL,
                    hours BIGINT NOT NULL,
                    n BIGINT NOT NULL,
                    PRIMARY KEY (scope, grouped_by, group_key, hours)
                )
                """,
            ] + StatisticsRepository.fillStatements
        },
    ]
}
