import SQLKit

/// One versioned, forward-only change to the schema, owned by a context.
///
/// Each migration runs inside its own transaction together with the row that records it, so a crash halfway leaves
/// the database as it was before the migration began. `id` must be unique and never change once released; prefix
/// it with the owning context (`territory.0001.divisions`). Migrations run in the order the contexts list them.
public protocol Migration: Sendable {
    /// Stable identifier recorded in the `schema_migrations` table.
    var id: String { get }
    /// Applies the change. `kind` tells the engine where the SQL must differ.
    func apply(on database: any SQLDatabase, kind: DatabaseKind) async throws
}

/// A migration made of plain statements, optionally different per engine.
public struct SQLMigration: Migration {
    public let id: String
    private let statements: @Sendable (DatabaseKind) -> [String]

    /// A migration running the same statements on every engine.
    public init(id: String, statements: [String]) {
        self.id = id
        self.statements = { _ in statements }
    }

    /// A migration whose statements depend on the engine.
    public init(id: String, statements: @escaping @Sendable (DatabaseKind) -> [String]) {
        self.id = id
        self.statements = statements
    }

    public func apply(on database: any SQLDatabase, kind: DatabaseKind) async throws {
        for statement in self.statements(kind) {
            try await database.raw(SQLQueryString(statement)).run()
        }
    }
}
