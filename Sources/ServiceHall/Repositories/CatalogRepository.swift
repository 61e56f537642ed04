import Foundation
import Platform
import SQLKit

/// The imported catalog in the database: replaced as a whole by an import, read as a whole by the search index.
public struct CatalogRepository: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What an import wrote.
    public struct Summary: Sendable, Equatable {
        public let themes: Int
        public let departments: Int
        public let services: Int
        /// The catalog version after the import (1 for the first import, then counting up).
        public let version: Int64
    }

    /// Replaces the whole catalog in one transaction: a reader sees the old catalog or the new one, never a mix.
    public func replace(with catalog: Catalog, at now: Int64) async throws -> Summary {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let definitions = try catalog.services.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        return try await self.database.transaction { sql in
            for table in ["servicehall_services", "servicehall_departments", "servicehall_themes"] {
                try await sql.delete(from: table).run()
            }
            for chunk in Array(catalog.themes.enumerated()).chunked(into: 100) {
                var insert = sql.insert(into: "servicehall_themes").columns("id", "name_zh", "name_en", "position")
                for (position, theme) in chunk {
                    insert = insert.values(
                        SQLBind(theme.id), SQLBind(theme.name.zh), SQLBind(theme.name.en), SQLBind(position))
                }
                try await insert.run()
            }
            for chunk in Array(catalog.departments.enumerated()).chunked(into: 100) {
                var insert = sql.insert(into: "servicehall_departments").columns("id", "name_zh", "name_en", "position")
                for (position, department) in chunk {
                    insert = insert.values(
                        SQLBind(department.id), SQLBind(department.name.zh), SQLBind(department.name.en),
                        SQLBind(position))
                }
                try await insert.run()
            }
            for chunk in Array(zip(catalog.services, definitions).enumerated()).chunked(into: 50) {
                var insert = sql.insert(into: "servicehall_services").columns(
                    "id", "department_id", "theme_id", "kind", "level", "promised_days", "position", "definition")
                for (position, (service, definition)) in chunk {
                    insert = insert.values(
                        SQLBind(service.id), SQLBind(service.department), SQLBind(service.theme),
                        SQLBind(service.kind.rawValue), SQLBind(service.level), SQLBind(service.promisedDays),
                        SQLBind(position), SQLBind(definition))
                }
                try await insert.run()
            }
            let previous =
                try await sql.select().column("version").from("servicehall_catalog_meta").where("id", .equal, 1)
                .first(decodingColumn: "version", as: Int64.self) ?? 0
            try await sql.delete(from: "servicehall_catalog_meta").run()
            try await sql.insert(into: "servicehall_catalog_meta").columns("id", "version", "imported_at")
                .values(SQLBind(1), SQLBind(previous + 1), SQLBind(now)).run()
            return Summary(
                themes: catalog.themes.count, departments: catalog.departments.count,
                services: catalog.services.count, version: previous + 1)
        }
    }

    /// The version of the stored catalog, nil before the first import.
    public func version() async throws -> Int64? {
        try await self.database.withConnection { sql in
            try await sql.select().column("version").from("servicehall_catalog_meta").where("id", .equal, 1)
                .first(decodingColumn: "version", as: Int64.self)
        }
    }

    /// The stored catalog and its version, nil before the first import.
    public func load() async throws -> (catalog: Catalog, version: Int64)? {
        try await self.database.withConnection { sql in
            guard
                let version = try await sql.select().column("version").from("servicehall_catalog_meta")
                    .where("id", .equal, 1).first(decodingColumn: "version", as: Int64.self)
            else { return nil }
            let themes = try await sql.select().columns("id", "name_zh", "name_en").from("servicehall_themes")
                .orderBy("position").all().map { row in
                    Theme(
                        id: try row.decode(column: "id", as: String.self),
                        name: LocalizedText(
                            zh: try row.decode(column: "name_zh", as: String.self),
                            en: try row.decode(column: "name_en", as: String.self)))
                }
            let departments = try await sql.select().columns("id", "name_zh", "name_en")
                .from("servicehall_departments").orderBy("position").all().map { row in
                    Department(
                        id: try row.decode(column: "id", as: String.self),
                        name: LocalizedText(
                            zh: try row.decode(column: "name_zh", as: String.self),
                            en: try row.decode(column: "name_en", as: String.self)))
                }
            let decoder = JSONDecoder()
            let services = try await sql.select().column("definition").from("servicehall_services")
                .orderBy("position").all(decodingColumn: "definition", as: String.self)
                .map { try decoder.decode(CatalogService.self, from: Data($0.utf8)) }
            return (Catalog(version: 1, themes: themes, departments: departments, services: services), version)
        }
    }
}
