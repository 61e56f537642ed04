import Platform

/// The society context's schema, in order.
///
/// Sign-ups stay inside capacity without a lock table: every write on a shift first updates the shift's row
/// (`confirmed`, `waitlist_seq`), which takes its row lock on PostgreSQL and happens under the one writer on SQLite,
/// so concurrent sign-ups, cancellations and promotions of one shift run one after another. Statistics read the
/// rollups (`society_division_stats`, `society_division_months`), which every verification updates in its transaction.
public enum SocietyMigrations {
    public static let all: [any Migration] = [
        SQLMigration(id: "society.0001.organizations") { _ in
            [
                """
                CREATE TABLE society_organizations (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL
                        CHECK (kind IN ('social_organization', 'social_enterprise', 'community_self_organization')),
                    name TEXT NOT NULL,
                    credit_code TEXT UNIQUE,
                    legal_representative TEXT NOT NULL,
                    service_areas TEXT NOT NULL,
                    community_code TEXT NOT NULL,
                    communities_served TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'suspended')),
                    status_reason TEXT,
                    created_by TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX society_organizations_status ON society_organizations (status, community_code)",
                "CREATE INDEX society_organizations_community ON society_organizations (community_code)",
                """
                CREATE TABLE society_organization_managers (
                    organization_id TEXT NOT NULL REFERENCES society_organizations(id),
                    account_id TEXT NOT NULL,
                    PRIMARY KEY (organization_id, account_id)
                )
                """,
                "CREATE INDEX society_organization_managers_account ON society_organization_managers (account_id)",
                """
                CREATE TABLE society_organization_reports (
                    organization_id TEXT NOT NULL REFERENCES society_organizations(id),
                    year INTEGER NOT NULL,
                    summary TEXT NOT NULL,
                    volunteers INTEGER NOT NULL CHECK (volunteers >= 0),
                    income_fen BIGINT NOT NULL CHECK (income_fen >= 0),
                    submitted_at BIGINT NOT NULL,
                    PRIMARY KEY (organization_id, year)
                )
                """,
            ]
        },
        SQLMigration(id: "society.0002.volunteers") { _ in
            [
                """
                CREATE TABLE society_volunteers (
                    account_id TEXT PRIMARY KEY,
                    display_name TEXT NOT NULL,
                    community_code TEXT NOT NULL,
                    skills TEXT NOT NULL,
                    availability TEXT NOT NULL,
                    joined_at BIGINT NOT NULL,
                    verified_minutes BIGINT NOT NULL DEFAULT 0,
                    touched_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX society_volunteers_community ON society_volunteers (community_code)",
                """
                CREATE TABLE society_activities (
                    id TEXT PRIMARY KEY,
                    community_code TEXT NOT NULL,
                    organization_id TEXT REFERENCES society_organizations(id),
                    title TEXT NOT NULL,
                    description TEXT NOT NULL,
                    place TEXT NOT NULL,
                    lat DOUBLE PRECISION NOT NULL,
                    lon DOUBLE PRECISION NOT NULL,
                    skills TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX society_activities_community ON society_activities (community_code, created_at)",
                """
                CREATE TABLE society_shifts (
                    id TEXT PRIMARY KEY,
                    activity_id TEXT NOT NULL REFERENCES society_activities(id),
                    kind TEXT NOT NULL CHECK (kind IN ('fixed', 'window', 'ongoing')),
                    starts_at BIGINT NOT NULL,
                    ends_at BIGINT NOT NULL,
                    max_minutes INTEGER NOT NULL CHECK (max_minutes > 0),
                    capacity INTEGER NOT NULL CHECK (capacity > 0),
                    confirmed INTEGER NOT NULL DEFAULT 0,
                    waitlist_seq INTEGER NOT NULL DEFAULT 0,
                    checkin_code TEXT NOT NULL,
                    CHECK (ends_at > starts_at),
                    CHECK (confirmed >= 0 AND confirmed <= capacity)
                )
                """,
                "CREATE INDEX society_shifts_activity ON society_shifts (activity_id, starts_at)",
                "CREATE INDEX society_shifts_starts ON society_shifts (starts_at)",
                """
                CREATE TABLE society_signups (
                    id TEXT PRIMARY KEY,
                    shift_id TEXT NOT NULL REFERENCES society_shifts(id),
                    account_id TEXT NOT NULL REFERENCES society_volunteers(account_id),
                    status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
                    position INTEGER NOT NULL,
                    created_at BIGINT NOT NULL,
                    promoted_at BIGINT,
                    reminded_at BIGINT,
                    checked_in_at BIGINT,
                    checked_out_at BIGINT,
                    UNIQUE (shift_id, account_id)
                )
                """,
                "CREATE INDEX society_signups_queue ON society_signups (shift_id, status, position)",
                "CREATE INDEX society_signups_account ON society_signups (account_id, status)",
                """
                CREATE TABLE society_hours (
                    id TEXT PRIMARY KEY,
                    signup_id TEXT NOT NULL UNIQUE REFERENCES society_signups(id),
                    account_id TEXT NOT NULL,
                    activity_id TEXT NOT NULL,
                    community_code TEXT NOT NULL,
                    minutes INTEGER NOT NULL CHECK (minutes > 0),
                    status TEXT NOT NULL CHECK (status IN ('reported', 'verified', 'disputed')),
                    note TEXT NOT NULL,
                    reported_at BIGINT NOT NULL,
                    reviewed_by TEXT,
                    reviewed_at BIGINT,
                    review_note TEXT
                )
                """,
                "CREATE INDEX society_hours_account ON society_hours (account_id, reported_at)",
                "CREATE INDEX society_hours_review ON society_hours (status, activity_id)",
                """
                CREATE TABLE society_recognitions (
                    account_id TEXT NOT NULL,
                    hours INTEGER NOT NULL,
                    awarded_at BIGINT NOT NULL,
                    PRIMARY KEY (account_id, hours)
                )
                """,
            ]
        },
        SQLMigration(id: "society.0003.rollups") { _ in
            // One row per division at every level (community, street, district, city), so a division's figures,
            // its children's and its months are each one key lookup, whatever the number of hour records.
            [
                """
                CREATE TABLE society_division_stats (
                    division_code TEXT PRIMARY KEY,
                    parent_code TEXT,
                    organizations INTEGER NOT NULL DEFAULT 0,
                    volunteers INTEGER NOT NULL DEFAULT 0,
                    verified_minutes BIGINT NOT NULL DEFAULT 0
                )
                """,
                "CREATE INDEX society_division_stats_parent ON society_division_stats (parent_code, division_code)",
                """
                CREATE TABLE society_division_months (
                    division_code TEXT NOT NULL,
                    month TEXT NOT NULL,
                    verified_minutes BIGINT NOT NULL DEFAULT 0,
                    active_volunteers INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (division_code, month)
                )
                """,
                """
                CREATE TABLE society_volunteer_months (
                    account_id TEXT NOT NULL,
                    month TEXT NOT NULL,
                    PRIMARY KEY (account_id, month)
                )
                """,
            ]
        },
    ]
}
