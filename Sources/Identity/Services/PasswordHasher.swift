import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing and verification on NIO's blocking thread pool, never on an event loop.
public struct PasswordHasher: Sendable {
    /// The bcrypt cost (2^cost rounds); 10 keeps a sign-in near 60–80 ms on one core.
    public let cost: UInt8
    private let pool: NIOThreadPool
    /// Verified against when an account does not exist, so the answer takes as long as for a real account.
    private let decoy: String

    public init(cost: UInt8 = 10, pool: NIOThreadPool = .singleton) {
        self.cost = cost
        self.pool = pool
        self.decoy = Bcrypt.hash("decoy password that matches nothing", cost: cost)
    }

    /// The bcrypt hash of `password`.
    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await self.pool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; with a nil hash it spends the same time and answers false.
    public func verify(_ password: String, hash: String?) async throws -> Bool {
        let target = hash ?? self.decoy
        let matches = try await self.pool.runIfActive { Bcrypt.verify(password, hash: target) }
        return hash != nil && matches
    }
}
