import Foundation
import Platform

extension IdentityService {
    /// Checks a sign-in name, password and (for officials) TOTP code, and returns the account.
    ///
    /// Every failure answers `invalid_credentials` after a bcrypt verification, whether or not the account
    /// exists; a name or address with too many recent failures, or a locked account, answers `too_many_attempts`.
    public func authenticate(username: String, password: String, otp: String?, address: String?) async throws
        -> Account
    {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        let record = try await self.accounts.signInRecord(username: username)
        let locked = (record?.lockedUntil ?? 0) > AccountRepository.now()
        guard try await self.addressLimiter.allows(address), try await self.nameLimiter.allows(name), !locked else {
            _ = try await self.hasher.verify(password, hash: nil)
            try await self.audit.record(
                AuditEvent(
                    actor: record?.account.id, action: "auth.login", address: address, success: false,
                    detail: "throttled"))
            throw IdentityProblem.tooManyAttempts
        }
        let passwordMatches = try await self.hasher.verify(password, hash: record?.passwordHash)
        guard let record, passwordMatches else {
            try await self.failed(
                record, name: name, address: address, reason: record == nil ? "unknown_account" : "bad_password")
            throw IdentityProblem.invalidCredentials
        }
        if record.account.role.isOfficial {
            guard let secret = record.totpSecret else {
                try await self.failed(record, name: name, address: address, reason: "no_second_factor")
                throw IdentityProblem.invalidCredentials
            }
            guard let otp, !otp.isEmpty else { throw IdentityProblem.otpRequired }
            guard let step = TOTPCheck.matchingStep(otp, secret: secret) else {
                try await self.failed(record, name: name, address: address, reason: "bad_otp")
                throw IdentityProblem.invalidCredentials
            }
            guard try await self.accounts.claimTOTPStep(accountID: record.account.id, step: step) else {
                try await self.failed(record, name: name, address: address, reason: "replayed_otp")
                throw IdentityProblem.invalidCredentials
            }
        }
        try await self.accounts.recordSuccess(accountID: record.account.id)
        try await self.audit.record(
            AuditEvent(actor: record.account.id, action: "auth.login", target: record.account.id, address: address))
        return record.account
    }

    private func failed(_ record: SignInRecord?, name: String, address: String?, reason: String) async throws {
        try await self.addressLimiter.recordFailure(address)
        try await self.nameLimiter.recordFailure(name)
        if let record { try await self.accounts.recordFailure(accountID: record.account.id) }
        try await self.audit.record(
            AuditEvent(
                actor: record?.account.id, action: "auth.login", target: record?.account.id, address: address,
                success: false, detail: reason))
    }

    /// Signs in and returns a new access token and the first refresh token of a new family.
    public func signIn(username: String, password: String, otp: String?, address: String?) async throws
        -> TokenResponse
    {
        let account = try await self.authenticate(username: username, password: password, otp: otp, address: address)
        let refresh = try await self.refreshTokens.issue(accountID: account.id)
        return try await self.tokens(for: account, refresh: refresh)
    }

    /// Rotates a refresh token; replaying a used one revokes its family (and is audited).
    public func refresh(_ token: String, address: String?) async throws -> TokenResponse {
        switch try await self.refreshTokens.rotate(token, clientID: nil) {
        case .invalid:
            throw IdentityProblem.invalidGrant
        case .reused(let accountID):
            // A replayed refresh token means one of two parties holds a stolen token: withdraw the access tokens too.
            try await self.revocations.revokeAll(accountID: accountID)
            try await self.audit.record(
                AuditEvent(
                    actor: accountID, action: "auth.refresh", target: accountID, address: address, success: false,
                    detail: "reuse_revoked_family"))
            throw IdentityProblem.invalidGrant
        case .rotated(let next, let accountID, _, _):
            guard let account = try await self.accounts.find(id: accountID) else { throw IdentityProblem.invalidGrant }
            return try await self.tokens(for: account, refresh: next)
        }
    }

    /// Revokes the refresh token family of `token` and the access token the caller presented, if any; unknown
    /// tokens are ignored.
    public func signOut(refreshToken token: String, accessToken: String? = nil, address: String?) async throws {
        if let accessToken, let (_, claims) = try await self.verifiedClaims(accessToken) {
            try await self.revocations.revoke(jti: claims.jti, expires: claims.exp)
        }
        if let accountID = try await self.refreshTokens.revokeFamily(of: token) {
            try await self.audit.record(
                AuditEvent(actor: accountID, action: "auth.logout", target: accountID, address: address))
        }
    }

    /// The principal and claims of a first-party access token with a good signature, issuer and expiry (revoked or
    /// not).
    func verifiedClaims(_ token: String) async throws -> (Principal, AccessTokenClaims)? {
        if let cached = self.verifiedTokens.principal(for: token) { return cached }
        let signer = try await self.authority.signer(verifying: token)
        guard let claims = signer.verify(token), let principal = signer.principal(from: claims) else { return nil }
        return (principal, claims)
    }

    /// The principal an `Authorization: Bearer` token carries, nil when it is not valid or was revoked.
    public func principal(bearer token: String) async throws -> Principal? {
        if let (principal, claims) = self.verifiedTokens.principal(for: token) {
            return self.revocations.isRevoked(subject: claims.sub, jti: claims.jti, issuedAt: claims.iat)
                ? nil : principal
        }
        let signer = try await self.authority.signer(verifying: token)
        guard let claims = signer.verify(token), let principal = signer.principal(from: claims) else { return nil }
        self.verifiedTokens.store(token, principal: principal, claims: claims)
        return self.revocations.isRevoked(subject: claims.sub, jti: claims.jti, issuedAt: claims.iat) ? nil : principal
    }

    func tokens(for account: Account, refresh: String) async throws -> TokenResponse {
        let access = try await self.authority.signer().sign(account.principal)
        return TokenResponse(
            accessToken: access, refreshToken: refresh, expiresIn: TokenSigner.lifetime, tokenType: "Bearer")
    }
}
