import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// bcrypt hashing and verification on a thread pool of their own, never on an event loop.
///
/// The pool has half the cores (at least one thread): a burst of sign-ins then waits among itself instead of
/// taking every core from the event loops, so the requests around it keep their latency (measured with
/// `Benchmarks/traffic/replay.sh`, where sign-ins are a fifth of one percent of the requests and two fifths of
/// the CPU).
public struct PasswordHasher: Sendable {
    /// The bcrypt cost (2^cost rounds); 10 keeps a sign-in near 60–80 ms on one core.
    public let cost: UInt8
    private let pool: NIOThreadPool
    /// Verified against when an account does not exist, so the answer takes as long as for a real account.
    private let decoy: String

    /// The process's bcrypt threads.
    public static let sharedPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(1, System.coreCount / 2))
        pool.start()
        return pool
    }()

    public init(cost: UInt8 = 10, pool: NIOThreadPool = PasswordHasher.sharedPool) {
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
