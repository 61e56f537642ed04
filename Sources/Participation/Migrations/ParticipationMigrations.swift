import Platform

/// The participation context's schema, in order.
///
/// Secret ballots: `participation_ballots` holds only the vote, the SHA-256 of the unblinded token and the choice,
/// keyed by the token hash (random, so neither key order nor any column follows the order of casting or names a
/// voter). Who received a token is in `participation_issuances`, which holds no token, no time and nothing that
/// blind signing lets one tie to a ballot. Both tables are stored in key order (SQLite `WITHOUT ROWID`; on
/// PostgreSQL, whose heap keeps insertion order, certification rewrites them in key order with `CLUSTER`).
public enum ParticipationMigrations {
    public static let all: [any Migration] = [
        SQLMigration(id: "participation.0001.bodies_votes") { kind in
            let blob = kind == .postgres ? "BYTEA" : "BLOB"
            // SQLite's hidden rowid would number rows in insertion order; these tables are stored by key instead.
            let keyOrdered = kind == .postgres ? "" : " WITHOUT ROWID"
            return [
                """
                CREATE TABLE participation_bodies (
                    id TEXT PRIMARY KEY,
                    community_code TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('council', 'committee')),
                    name_zh TEXT NOT NULL,
                    name_en TEXT NOT NULL,
                    term_start TEXT NOT NULL,
                    term_end TEXT NOT NULL,
                    chosen_how TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX participation_bodies_community ON participation_bodies (community_code, kind)",
                """
                CREATE TABLE participation_members (
                    id TEXT PRIMARY KEY,
                    body_id TEXT NOT NULL REFERENCES participation_bodies(id),
                    name TEXT NOT NULL,
                    position TEXT NOT NULL CHECK (position IN ('chair', 'vice_chair', 'secretary', 'member')),
                    account_id TEXT,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX participation_members_body ON participation_members (body_id, id)",
                "CREATE INDEX participation_members_account ON participation_members (account_id)",
                """
                CREATE TABLE participation_votes (
                    id TEXT PRIMARY KEY,
                    community_code TEXT NOT NULL,
                    title_zh TEXT NOT NULL,
                    title_en TEXT NOT NULL,
                    description TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('single', 'yes_no_abstain', 'approval')),
                    options TEXT NOT NULL,
                    max_choices INTEGER NOT NULL CHECK (max_choices >= 1),
                    unit TEXT NOT NULL CHECK (unit IN ('person', 'household')),
                    eligibility TEXT NOT NULL,
                    opens_at BIGINT NOT NULL,
                    closes_at BIGINT NOT NULL,
                    quorum_percent INTEGER NOT NULL CHECK (quorum_percent BETWEEN 0 AND 100),
                    threshold TEXT NOT NULL
                        CHECK (threshold IN ('simple_majority', 'two_thirds_cast', 'two_thirds_eligible')),
                    eligible_count INTEGER NOT NULL,
                    public_key TEXT NOT NULL,
                    private_key_enc \(blob) NOT NULL,
                    created_by TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    certified_at BIGINT,
                    certified_by TEXT,
                    CHECK (closes_at > opens_at)
                )
                """,
                "CREATE INDEX participation_votes_community ON participation_votes (community_code, closes_at)",
                """
                CREATE TABLE participation_issuances (
                    vote_id TEXT NOT NULL REFERENCES participation_votes(id),
                    voter_key TEXT NOT NULL,
                    channel TEXT NOT NULL CHECK (channel IN ('online', 'paper')),
                    blinded_hash TEXT,
                    PRIMARY KEY (vote_id, voter_key)
                )\(keyOrdered)
                """,
                """
                CREATE TABLE participation_ballots (
                    vote_id TEXT NOT NULL REFERENCES participation_votes(id),
                    token_hash TEXT NOT NULL,
                    choice TEXT NOT NULL,
                    PRIMARY KEY (vote_id, token_hash)
                )\(keyOrdered)
                """,
                """
                CREATE TABLE participation_paper_batches (
                    id TEXT PRIMARY KEY,
                    vote_id TEXT NOT NULL REFERENCES participation_votes(id),
                    station TEXT NOT NULL,
                    counts TEXT NOT NULL,
                    ballots INTEGER NOT NULL CHECK (ballots >= 0),
                    voters TEXT NOT NULL,
                    voter_count INTEGER NOT NULL CHECK (voter_count >= 0),
                    first_by TEXT NOT NULL,
                    second_by TEXT,
                    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed')),
                    created_at BIGINT NOT NULL,
                    UNIQUE (vote_id, station)
                )
                """,
            ]
        },
        SQLMigration(id: "participation.0002.campaigns_proposals") { _ in
            [
                """
                CREATE TABLE participation_campaigns (
                    id TEXT PRIMARY KEY,
                    community_code TEXT NOT NULL,
                    title_zh TEXT NOT NULL,
                    title_en TEXT NOT NULL,
                    description TEXT NOT NULL,
                    buildings TEXT NOT NULL,
                    threshold_percent INTEGER NOT NULL CHECK (threshold_percent BETWEEN 1 AND 100),
                    opens_at BIGINT NOT NULL,
                    deadline BIGINT NOT NULL,
                    household_count INTEGER NOT NULL CHECK (household_count > 0),
                    changes BIGINT NOT NULL DEFAULT 0,
                    outcome TEXT CHECK (outcome IN ('succeeded', 'failed')),
                    signed_at_deadline INTEGER,
                    decided_at BIGINT,
                    created_by TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    CHECK (deadline > opens_at)
                )
                """,
                "CREATE INDEX participation_campaigns_community ON participation_campaigns (community_code, deadline)",
                "CREATE INDEX participation_campaigns_due ON participation_campaigns (outcome, deadline)",
                """
                CREATE TABLE participation_campaign_households (
                    campaign_id TEXT NOT NULL REFERENCES participation_campaigns(id),
                    household_id BIGINT NOT NULL,
                    building TEXT,
                    signed INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1)),
                    changed_by TEXT,
                    changed_at BIGINT,
                    PRIMARY KEY (campaign_id, household_id)
                )
                """,
                "CREATE INDEX participation_campaign_households_signed ON participation_campaign_households (campaign_id, signed)",
                """
                CREATE TABLE participation_proposals (
                    id TEXT PRIMARY KEY,
                    community_code TEXT NOT NULL,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    place TEXT NOT NULL,
                    cost_fen BIGINT NOT NULL CHECK (cost_fen >= 0),
                    author_id TEXT NOT NULL,
                    support_threshold INTEGER NOT NULL CHECK (support_threshold >= 1),
                    status TEXT NOT NULL CHECK (status IN ('open', 'on_agenda', 'accepted', 'rejected', 'merged')),
                    answer_reason TEXT,
                    merged_into TEXT REFERENCES participation_proposals(id),
                    answered_by TEXT,
                    answered_at BIGINT,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX participation_proposals_community ON participation_proposals (community_code, status, id)",
                """
                CREATE TABLE participation_supports (
                    proposal_id TEXT NOT NULL REFERENCES participation_proposals(id),
                    account_id TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (proposal_id, account_id)
                )
                """,
            ]
        },
        SQLMigration(id: "participation.0003.meetings") { _ in
            [
                """
                CREATE TABLE participation_meetings (
                    id TEXT PRIMARY KEY,
                    community_code TEXT NOT NULL,
                    title TEXT NOT NULL,
                    starts_at BIGINT NOT NULL,
                    place TEXT NOT NULL,
                    quorum INTEGER NOT NULL CHECK (quorum >= 1),
                    status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'published')),
                    registered INTEGER NOT NULL DEFAULT 0 CHECK (registered >= 0),
                    present INTEGER CHECK (present >= 0),
                    minutes TEXT,
                    created_by TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    published_at BIGINT
                )
                """,
                "CREATE INDEX participation_meetings_community ON participation_meetings (community_code, starts_at)",
                """
                CREATE TABLE participation_meeting_items (
                    meeting_id TEXT NOT NULL REFERENCES participation_meetings(id),
                    position INTEGER NOT NULL,
                    proposal_id TEXT REFERENCES participation_proposals(id),
                    title TEXT NOT NULL,
                    decision TEXT,
                    votes_for INTEGER,
                    votes_against INTEGER,
                    votes_abstain INTEGER,
                    passed INTEGER CHECK (passed IN (0, 1)),
                    decided_by TEXT,
                    decided_at BIGINT,
                    PRIMARY KEY (meeting_id, position)
                )
                """,
                """
                CREATE TABLE participation_meeting_registrations (
                    meeting_id TEXT NOT NULL REFERENCES participation_meetings(id),
                    account_id TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (meeting_id, account_id)
                )
                """,
            ]
        },
        SQLMigration(id: "participation.0004.reviews") { _ in
            [
                """
                CREATE TABLE participation_reviews (
                    id TEXT PRIMARY KEY,
                    community_code TEXT NOT NULL,
                    subject_kind TEXT NOT NULL CHECK (subject_kind IN ('vote', 'campaign', 'meeting')),
                    subject_id TEXT NOT NULL,
                    subject_title TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    finding TEXT,
                    flagged_by TEXT NOT NULL,
                    flagged_at BIGINT NOT NULL,
                    published_by TEXT,
                    published_at BIGINT
                )
                """,
                "CREATE INDEX participation_reviews_community ON participation_reviews (community_code, flagged_at)",
                "CREATE INDEX participation_reviews_subject ON participation_reviews (subject_kind, subject_id)",
            ]
        },
    ]
}
