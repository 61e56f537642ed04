import Platform

/// The community-affairs context's schema: certificate requests with their timeline, the registry of issued
/// certificates (canonical content, signature, key id, revocation), the per-community number counters and the
/// signing keys (private halves sealed by the platform cipher).
public enum CommunityAffairsMigrations {
    public static let all: [any Migration] = [
        SQLMigration(id: "communityaffairs.0001.certificates") { kind in
            let key = kind == .postgres ? "BIGSERIAL" : "INTEGER"
            let blob = kind == .postgres ? "BYTEA" : "BLOB"
            return [
                """
                CREATE TABLE ca_certificate_keys (
                    kid TEXT PRIMARY KEY,
                    public_key \(blob) NOT NULL,
                    private_key_enc \(blob) NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE ca_certificate_requests (
                    id TEXT PRIMARY KEY,
                    kind_id TEXT NOT NULL,
                    account_id TEXT NOT NULL,
                    resident_id BIGINT NOT NULL,
                    household_id BIGINT NOT NULL,
                    community_code TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('submitted', 'needs_more', 'issued', 'rejected')),
                    inputs TEXT NOT NULL,
                    note TEXT,
                    certificate_number TEXT,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL,
                    due_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX ca_requests_account ON ca_certificate_requests (account_id, created_at)",
                "CREATE INDEX ca_requests_queue ON ca_certificate_requests (community_code, status, due_at)",
                """
                CREATE TABLE ca_request_events (
                    id \(key) PRIMARY KEY,
                    request_id TEXT NOT NULL REFERENCES ca_certificate_requests (id),
                    action TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    note TEXT,
                    at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX ca_request_events_request ON ca_request_events (request_id, id)",
                """
                CREATE TABLE ca_number_counters (
                    scope TEXT PRIMARY KEY,
                    last_value BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE ca_certificates (
                    number TEXT PRIMARY KEY,
                    request_id TEXT NOT NULL UNIQUE REFERENCES ca_certificate_requests (id),
                    account_id TEXT NOT NULL,
                    community_code TEXT NOT NULL,
                    kind_id TEXT NOT NULL,
                    content TEXT NOT NULL,
                    signature \(blob) NOT NULL,
                    key_id TEXT NOT NULL REFERENCES ca_certificate_keys (kid),
                    issued_at BIGINT NOT NULL,
                    issued_by TEXT NOT NULL,
                    revoked_at BIGINT,
                    revoked_by TEXT,
                    revoked_reason TEXT
                )
                """,
                "CREATE INDEX ca_certificates_community ON ca_certificates (community_code, issued_at)",
                "CREATE INDEX ca_certificates_account ON ca_certificates (account_id, issued_at)",
            ]
        }
    ]
}
