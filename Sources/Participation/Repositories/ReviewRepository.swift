import Platform
import SQLKit

/// Stores the supervisory committee's reviews.
public struct ReviewRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    static let columns = [
        "id", "community_code", "subject_kind", "subject_id", "subject_title", "reason", "finding", "flagged_at",
        "published_at",
    ]

    func insert(_ review: Review, by account: String) async throws {
        try await self.database.withConnection { sql in
            try await sql.insert(into: "participation_reviews").columns(Self.columns + ["flagged_by"])
                .values(
                    SQLBind(review.id), SQLBind(review.communityCode), SQLBind(review.subjectKind.rawValue),
                    SQLBind(review.subjectID), SQLBind(review.subjectTitle), SQLBind(review.reason),
                    SQLBind(review.finding), SQLBind(review.flaggedAt), SQLBind(review.publishedAt), SQLBind(account)
                ).run()
        }
    }

    /// Publishes the finding of an open review; false when it was published already.
    func publish(_ id: String, finding: String, by account: String, at time: Int64) async throws -> Bool {
        try await self.database.withConnection { sql in
            try await sql.raw(
                """
                UPDATE participation_reviews SET finding = \(bind: finding), published_by = \(bind: account),
                published_at = \(bind: time) WHERE id = \(bind: id) AND finding IS NULL RETURNING id
                """
            ).all().count == 1
        }
    }

    /// One review, nil when unknown.
    public func find(_ id: String) async throws -> Review? {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.columns.map { SQLIdentifier($0) }).from("participation_reviews")
                .where("id", .equal, id).first().map(Self.review)
        }
    }

    /// The reviews of a community, newest first.
    public func reviews(community: String, limit: Int = 50) async throws -> [Review] {
        try await self.database.withConnection { sql in
            try await sql.select().columns(Self.columns.map { SQLIdentifier($0) }).from("participation_reviews")
                .where("community_code", .equal, community).orderBy("flagged_at", .descending).orderBy(
                    "id", .descending
                )
                .limit(limit).all().map(Self.review)
        }
    }

    static func review(_ row: any SQLRow) throws -> Review {
        Review(
            id: try row.decode(column: "id", as: String.self),
            communityCode: try row.decode(column: "community_code", as: String.self),
            subjectKind: Review.Subject(rawValue: try row.decode(column: "subject_kind", as: String.self)) ?? .vote,
            subjectID: try row.decode(column: "subject_id", as: String.self),
            subjectTitle: try row.decode(column: "subject_title", as: String.self),
            reason: try row.decode(column: "reason", as: String.self),
            finding: try row.decode(column: "finding", as: String?.self),
            flaggedAt: try row.decode(column: "flagged_at", as: Int64.self),
            publishedAt: try row.decode(column: "published_at", as: Int64?.self))
    }
}
