import Platform

/// The identity context's schema: accounts (residents and officials), refresh tokens, console sessions and the
/// keys that sign access tokens.
///
/// Personal data (ID and phone numbers, TOTP secrets, signing keys) is stored only encrypted (`*_enc`), with keyed
/// hashes (`*_hash`) for look-ups and uniqueness, as in the household register.
public enum IdentityMigrations {
    public static let all: [any Migration] = [
        SQLMigration(id: "identity.0001.accounts") { kind in
            let blob = kind == .postgres ? "BYTEA" : "BLOB"
            return [
                """
                CREATE TABLE identity_accounts (
                    id TEXT PRIMARY KEY,
                    role TEXT NOT NULL,
                    username TEXT,
                    name TEXT NOT NULL,
                    id_number_hash TEXT,
                    id_number_enc \(blob),
                    phone_hash TEXT,
                    phone_enc \(blob),
                    password_hash TEXT NOT NULL,
                    level INTEGER NOT NULL,
                    community_code TEXT,
                    scope TEXT,
                    totp_secret_enc \(blob),
                    failed_attempts INTEGER NOT NULL DEFAULT 0,
                    locked_until BIGINT NOT NULL DEFAULT 0,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX identity_accounts_username ON identity_accounts (username)",
                "CREATE UNIQUE INDEX identity_accounts_id_number ON identity_accounts (id_number_hash)",
                "CREATE UNIQUE INDEX identity_accounts_phone ON identity_accounts (phone_hash)",
                "CREATE INDEX identity_accounts_community ON identity_accounts (community_code, id)",
                """
                CREATE TABLE identity_refresh_tokens (
                    token_hash TEXT PRIMARY KEY,
                    family_id TEXT NOT NULL,
                    account_id TEXT NOT NULL REFERENCES identity_accounts(id),
                    expires_at BIGINT NOT NULL,
                    used INTEGER NOT NULL DEFAULT 0,
                    revoked INTEGER NOT NULL DEFAULT 0
                )
                """,
                "CREATE INDEX identity_refresh_family ON identity_refresh_tokens (family_id)",
                """
                CREATE TABLE identity_console_sessions (
                    token_hash TEXT PRIMARY KEY,
                    account_id TEXT NOT NULL REFERENCES identity_accounts(id),
                    expires_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE identity_signing_keys (
                    kid TEXT PRIMARY KEY,
                    private_key_enc \(blob) NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
            ]
        },
        SQLMigration(id: "identity.0002.oidc") { _ in
            [
                """
                CREATE TABLE oidc_clients (
                    client_id TEXT PRIMARY KEY,
                    secret_hash TEXT,
                    name TEXT NOT NULL,
                    redirect_uris TEXT NOT NULL,
                    post_logout_redirect_uris TEXT NOT NULL,
                    scopes TEXT NOT NULL,
                    pairwise INTEGER NOT NULL,
                    sector TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE oidc_codes (
                    code_hash TEXT PRIMARY KEY,
                    client_id TEXT NOT NULL REFERENCES oidc_clients(client_id),
                    account_id TEXT NOT NULL REFERENCES identity_accounts(id),
                    redirect_uri TEXT NOT NULL,
                    scope TEXT NOT NULL,
                    nonce TEXT,
                    code_challenge TEXT NOT NULL,
                    auth_time BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL,
                    used INTEGER NOT NULL DEFAULT 0
                )
                """,
                """
                CREATE TABLE oidc_consents (
                    account_id TEXT NOT NULL REFERENCES identity_accounts(id),
                    client_id TEXT NOT NULL REFERENCES oidc_clients(client_id),
                    scope TEXT NOT NULL,
                    PRIMARY KEY (account_id, client_id)
                )
                """,
                """
                CREATE TABLE oidc_subjects (
                    sector TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    account_id TEXT NOT NULL REFERENCES identity_accounts(id),
                    PRIMARY KEY (sector, subject)
                )
                """,
                "ALTER TABLE identity_refresh_tokens ADD COLUMN client_id TEXT",
                "ALTER TABLE identity_refresh_tokens ADD COLUMN scope TEXT",
            ]
        },
        SQLMigration(id: "identity.0003.backchannel_logout") { kind in
            let key = kind == .postgres ? "BIGINT GENERATED BY DEFAULT AS IDENTITY" : "INTEGER"
            return [
                "ALTER TABLE oidc_codes ADD COLUMN sid TEXT",
                "CREATE INDEX oidc_codes_sid ON oidc_codes (sid)",
                "ALTER TABLE oidc_clients ADD COLUMN backchannel_logout_uri TEXT",
                """
                CREATE TABLE oidc_logout_outbox (
                    id \(key) PRIMARY KEY,
                    client_id TEXT NOT NULL,
                    uri TEXT NOT NULL,
                    logout_token TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at BIGINT NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending'
                )
                """,
                "CREATE INDEX oidc_logout_outbox_due ON oidc_logout_outbox (state, next_attempt_at)",
            ]
        },
        SQLMigration(id: "identity.0004.rs256_and_client_options") { kind in
            let blob = kind == .postgres ? "BYTEA" : "BLOB"
            return [
                """
                CREATE TABLE identity_rsa_signing_keys (
                    kid TEXT PRIMARY KEY,
                    private_key_enc \(blob) NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "ALTER TABLE oidc_clients ADD COLUMN id_token_alg TEXT NOT NULL DEFAULT 'RS256'",
                "ALTER TABLE oidc_clients ADD COLUMN trusted INTEGER NOT NULL DEFAULT 0",
            ]
        },
        SQLMigration(id: "identity.0005.private_key_jwt") { _ in
            [
                "ALTER TABLE oidc_clients ADD COLUMN jwks TEXT",
                """
                CREATE TABLE oidc_client_assertions (
                    client_id TEXT NOT NULL,
                    jti TEXT NOT NULL,
                    expires_at BIGINT NOT NULL,
                    PRIMARY KEY (client_id, jti)
                )
                """,
                "CREATE INDEX oidc_client_assertions_expiry ON oidc_client_assertions (expires_at)",
            ]
        },
        SQLMigration(id: "identity.0006.real_name_clients") { _ in
            ["ALTER TABLE oidc_clients ADD COLUMN allow_real_name INTEGER NOT NULL DEFAULT 0"]
        },
        // The refresh-token family a code was exchanged for, so replaying the code can revoke it.
        SQLMigration(id: "identity.0007.code_refresh_family") { _ in
            ["ALTER TABLE oidc_codes ADD COLUMN refresh_family TEXT"]
        },
        SQLMigration(id: "identity.0008.totp_last_step") { _ in
            ["ALTER TABLE identity_accounts ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0"]
        },
        SQLMigration(id: "identity.0009.access_token_revocations") { kind in
            let key = kind == .postgres ? "BIGINT GENERATED BY DEFAULT AS IDENTITY" : "INTEGER"
            return [
                """
                CREATE TABLE identity_revocations (
                    id \(key) PRIMARY KEY,
                    kind TEXT NOT NULL,
                    value TEXT NOT NULL,
                    not_before BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX identity_revocations_expiry ON identity_revocations (expires_at)",
            ]
        },
        SQLMigration(id: "identity.0010.signin_failures") { _ in
            [
                "CREATE TABLE identity_signin_failures (kind TEXT NOT NULL, key TEXT NOT NULL, at BIGINT NOT NULL)",
                "CREATE INDEX identity_signin_failures_key ON identity_signin_failures (kind, key, at)",
                "CREATE INDEX identity_signin_failures_at ON identity_signin_failures (at)",
            ]
        },
        SQLMigration(id: "identity.0011.sms_codes") { kind in
            let key = kind == .postgres ? "BIGINT GENERATED BY DEFAULT AS IDENTITY" : "INTEGER"
            return [
                """
                CREATE TABLE identity_sms_codes (
                    id \(key) PRIMARY KEY,
                    purpose TEXT NOT NULL,
                    phone_hash TEXT NOT NULL,
                    address_hash TEXT,
                    code_hash TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    used_at BIGINT
                )
                """,
                "CREATE INDEX identity_sms_codes_phone ON identity_sms_codes (phone_hash, created_at)",
                "CREATE INDEX identity_sms_codes_address ON identity_sms_codes (address_hash, created_at)",
            ]
        },
    ]
}
