import Crypto
import Foundation
import Platform
import SQLKit
import Synchronization

/// Signs and verifies provider callbacks: `X-Payment-Signature: t=UNIX,v1=HEX`, where HEX is the HMAC-SHA256 of
/// `UNIX.BODY` under the shared secret. A signature older or newer than five minutes is refused, so a captured
/// callback cannot be replayed later (and processing is idempotent anyway).
public struct CallbackSignature: Sendable {
    /// The header carrying the signature.
    public static let header = "X-Payment-Signature"
    /// How far the signing time may be from now.
    public static let tolerance: Int64 = 300
    private let secretBytes: [UInt8]

    public init(secret: String) {
        self.secretBytes = Array(secret.utf8)
    }

    private var secret: SymmetricKey { SymmetricKey(data: self.secretBytes) }

    /// The header value for `body` signed at `time`.
    public func sign(_ body: String, at time: Int64 = CityClock.now()) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(time).\(body)".utf8), using: self.secret)
        return "t=\(time),v1=\(Array(mac).hexString)"
    }

    /// Whether `header` is a valid, fresh signature of `body`.
    public func verify(_ body: String, header: String?, now: Int64 = CityClock.now()) -> Bool {
        guard let header else { return false }
        var time: Int64?
        var signature: [UInt8]?
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { time = Int64(pair[1]) }
            if pair[0] == "v1" { signature = Self.bytes(hex: pair[1]) }
        }
        guard let time, let signature, abs(now - time) <= Self.tolerance else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(
            signature, authenticating: Data("\(time).\(body)".utf8), using: self.secret)
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count == 64 else { return nil }
        var out: [UInt8] = []
        for index in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
                return nil
            }
            out.append(byte)
        }
        return out
    }
}

/// The simulator's callback secret, created once and kept in its own table (a real provider's would be
/// configuration shared out of band).
public final class SimulatorSecret: Sendable {
    private let database: Database
    private let cached = Mutex<String?>(nil)

    public init(database: Database) {
        self.database = database
    }

    /// The secret, created on first use.
    public func value() async throws -> String {
        if let value = self.cached.withLock({ $0 }) { return value }
        let fresh = Array(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }).hexString
        let stored = try await self.database.transaction { sql in
            if let existing = try await sql.select().column("secret").from("billing_sim_secrets")
                .where("id", .equal, 1).first(decodingColumn: "secret", as: String.self)
            {
                return existing
            }
            try await sql.insert(into: "billing_sim_secrets").columns("id", "secret")
                .values(SQLBind(1), SQLBind(fresh)).run()
            return fresh
        }
        self.cached.withLock { $0 = stored }
        return stored
    }
}
