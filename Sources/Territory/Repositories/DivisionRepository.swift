import HTTPTypes
import Platform
import SQLKit

/// Reads and writes the territory tree.
public struct DivisionRepository: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// A filter for ``list(_:after:limit:)``.
    public struct Filter: Sendable {
        public var level: DivisionLevel?
        public var parentCode: String?
        /// Part of the name to look for.
        public var text: String?

        public init(level: DivisionLevel? = nil, parentCode: String? = nil, text: String? = nil) {
            self.level = level
            self.parentCode = parentCode
            self.text = text
        }
    }

    /// One page of divisions matching `filter`, in code order, starting after `after`.
    /// Returns up to `limit` items and whether more follow.
    public func list(_ filter: Filter, after: String?, limit: Int) async throws -> (items: [Division], more: Bool) {
        let kind = self.database.kind
        let rows = try await self.database.withConnection { sql in
            var query = sql.select().columns("code", "name", "level", "parent_code").from("divisions")
            if let level = filter.level { query = query.where("level", .equal, level.rawValue) }
            if let parent = filter.parentCode { query = query.where("parent_code", .equal, parent) }
            if let text = filter.text {
                // Substring search without LIKE, so `%` and `_` in the text are plain characters.
                let function = kind == .postgres ? "strpos" : "instr"
                query = query.where(
                    SQLFunction(function, args: SQLColumn("name"), SQLBind(text)), .greaterThan, SQLLiteral.numeric("0")
                )
            }
            if let after { query = query.where("code", .greaterThan, after) }
            return try await query.orderBy("code").limit(limit + 1).all()
        }
        let divisions = try rows.prefix(limit).map(Self.division(from:))
        return (divisions, rows.count > limit)
    }

    /// The division with this code, or nil.
    public func find(_ code: String) async throws -> Division? {
        try await self.database.withConnection { sql in
            try await sql.select().columns("code", "name", "level", "parent_code").from("divisions")
                .where("code", .equal, code).first()
        }.map(Self.division(from:))
    }

    /// A division with its ancestors and subtree counts, in one query; nil when the code does not exist.
    ///
    /// Ancestors come from the code itself (codes nest), the counts from a range scan of the subtree on the
    /// primary key: codes are fixed-width digits, so `[prefix, prefix + ":")` is exactly the subtree.
    public func detail(_ code: String) async throws -> DivisionDetail? {
        guard let level = DivisionCode.impliedLevel(of: code) else { return nil }
        let codes = DivisionCode.ancestorCodes(of: code) + [code]
        let prefix = DivisionCode.scopePrefix(of: code, level: level)
        let rows = try await self.database.withConnection { sql in
            try await sql.raw(
                """
                SELECT code, name, level, parent_code, 0 AS n, 0 AS direct FROM divisions WHERE code IN (\(binds: codes))
                UNION ALL
                SELECT '' AS code, '' AS name, level, NULL AS parent_code, COUNT(*) AS n,
                    SUM(CASE WHEN parent_code = \(bind: code) THEN 1 ELSE 0 END) AS direct
                FROM divisions
                WHERE code >= \(bind: prefix) AND code < \(bind: prefix + ":") AND code <> \(bind: code)
                GROUP BY level
                """
            ).all()
        }
        var chain: [Division] = []
        var direct = 0
        var byLevel: [DivisionLevel: Int] = [:]
        for row in rows {
            if try row.decode(column: "code", as: String.self).isEmpty {
                guard let rowLevel = DivisionLevel(rawValue: try row.decode(column: "level", as: String.self)) else {
                    continue
                }
                byLevel[rowLevel] = try row.decode(column: "n", as: Int.self)
                direct += try row.decode(column: "direct", as: Int.self)
            } else {
                chain.append(try Self.division(from: row))
            }
        }
        chain.sort { $0.level < $1.level }
        guard let division = chain.last, division.code == code else { return nil }
        return DivisionDetail(
            division: division, ancestors: Array(chain.dropLast()),
            childCounts: .init(
                children: direct, districts: byLevel[.district] ?? 0, streets: byLevel[.street] ?? 0,
                communities: byLevel[.community] ?? 0
            )
        )
    }

    /// Number of divisions at each level in the whole tree.
    public func countByLevel() async throws -> [DivisionLevel: Int] {
        let rows = try await self.database.withConnection { sql in
            try await sql.select().column("level").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("divisions").groupBy("level").all()
        }
        var counts: [DivisionLevel: Int] = [:]
        for row in rows {
            if let level = DivisionLevel(rawValue: try row.decode(column: "level", as: String.self)) {
                counts[level] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }

    /// Inserts or updates divisions (parents before children) inside the caller's transaction.
    public static func upsert(_ divisions: some Collection<Division>, on sql: any SQLDatabase) async throws {
        for chunk in divisions.chunked(into: 200) {
            var insert = sql.insert(into: "divisions").columns("code", "name", "level", "parent_code")
            for division in chunk {
                insert = insert.values(
                    SQLBind(division.code), SQLBind(division.name), SQLBind(division.level.rawValue),
                    SQLBind(division.parentCode)
                )
            }
            try await insert.onConflict(with: ["code"]) { conflict in
                conflict.set(excludedValueOf: "name").set(excludedValueOf: "level").set(excludedValueOf: "parent_code")
            }.run()
        }
    }

    /// Inserts or updates divisions in one transaction.
    public func upsert(_ divisions: [Division]) async throws {
        try await self.database.transaction { sql in
            try await Self.upsert(divisions, on: sql)
        }
    }

    static func division(from row: any SQLRow) throws -> Division {
        let levelText = try row.decode(column: "level", as: String.self)
        guard let level = DivisionLevel(rawValue: levelText) else {
            throw Problem(.internalServerError, code: "corrupt_division", zh: "区划数据损坏。", en: "Corrupt division row.")
        }
        return Division(
            code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            level: level,
            parentCode: try row.decode(column: "parent_code", as: String?.self)
        )
    }
}
