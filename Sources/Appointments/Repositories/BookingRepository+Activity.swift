import Platform
import SQLKit

extension BookingRepository {
    /// An account's appointments in order of last change (booked, moved or cancelled), newest first, without
    /// timelines: one query on the `account_id` index.
    ///
    /// `open` keeps only bookings that still hold a place in a slot that has not ended at `now` (`true`), or only
    /// the others: cancelled or over (`false`); `after` continues a listing; at most `limit` items.
    public func activity(
        accountID: String, open: Bool? = nil, now: Int64 = CityClock.now(), after bound: ActivityBound?, limit: Int
    ) async throws -> [Activity<Appointment>] {
        try await self.database.withConnection { sql in
            let booked = Appointment.Status.booked.rawValue
            var inner =
                SQLQueryString("SELECT b.updated_at AS activity_at, " + Self.joinedColumns + " " + Self.joinedTables)
                + " WHERE b.account_id = \(bind: accountID)"
            if let open {
                inner =
                    inner
                    + (open
                        ? " AND b.status = \(bind: booked) AND s.ends_at > \(bind: now)"
                        : " AND (b.status <> \(bind: booked) OR s.ends_at <= \(bind: now))")
            }
            var query: SQLQueryString = "SELECT * FROM (" + inner + ") x"
            if let bound { query = query + " WHERE " + bound.condition(time: "activity_at", id: "b_id") }
            query = query + " ORDER BY activity_at DESC, b_id DESC LIMIT \(bind: limit)"
            return try await sql.raw(query).all().map { row in
                Activity(item: try Self.appointment(row), at: try row.decode(column: "activity_at", as: Int64.self))
            }
        }
    }
}
