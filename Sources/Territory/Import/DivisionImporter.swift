import Foundation
import Platform

/// Loads the official division list (`code,name,level,parent_code`) into the territory tree.
///
/// The whole file is checked before anything is written, then written in one transaction: a bad row is reported
/// with its line number and nothing is imported. Re-importing the same file changes nothing.
public struct DivisionImporter: Sendable {
    private let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What an import did.
    public struct Summary: Sendable, Equatable {
        public let rows: Int
        public let byLevel: [DivisionLevel: Int]
    }

    /// Parses and validates `text`, then upserts every row. Throws ``DivisionImportError`` for a bad file.
    @discardableResult
    public func importCSV(_ text: String, fileName: String) async throws -> Summary {
        let divisions = try Self.parse(text, fileName: fileName)
        try await self.database.transaction { sql in
            try await DivisionRepository.upsert(divisions, on: sql)
        }
        var byLevel: [DivisionLevel: Int] = [:]
        for division in divisions { byLevel[division.level, default: 0] += 1 }
        return Summary(rows: divisions.count, byLevel: byLevel)
    }

    /// Parses and validates the file without touching the database; parents come before children in the result.
    public static func parse(_ text: String, fileName: String) throws -> [Division] {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.records(in: text)
        } catch let error as CSVReader.SyntaxError {
            throw DivisionImportError(file: fileName, line: error.line, reason: error.reason)
        }
        guard let header = records.first else {
            throw DivisionImportError(file: fileName, line: 1, reason: "the file is empty")
        }
        guard header.fields == ["code", "name", "level", "parent_code"] else {
            throw DivisionImportError(
                file: fileName, line: header.line, reason: "the header must be code,name,level,parent_code"
            )
        }
        var byCode: [String: Division] = [:]
        var ordered: [Division] = []
        for record in records.dropFirst() {
            let division = try Self.division(from: record, known: byCode, fileName: fileName)
            byCode[division.code] = division
            ordered.append(division)
        }
        guard !ordered.isEmpty else {
            throw DivisionImportError(file: fileName, line: header.line, reason: "the file has no rows")
        }
        return ordered.sorted { ($0.level.depth, $0.code) < ($1.level.depth, $1.code) }
    }

    private static func division(
        from record: CSVReader.Record, known: [String: Division], fileName: String
    ) throws -> Division {
        func fail(_ reason: String) -> DivisionImportError {
            DivisionImportError(file: fileName, line: record.line, reason: reason)
        }
        guard record.fields.count == 4 else { throw fail("expected 4 fields, found \(record.fields.count)") }
        let code = record.fields[0]
        let name = record.fields[1].trimmingCharacters(in: .whitespaces)
        let parentCode = record.fields[3].isEmpty ? nil : record.fields[3]
        guard let level = DivisionLevel(rawValue: record.fields[2]) else {
            throw fail("unknown level \"\(record.fields[2])\" (city, district, street or community)")
        }
        guard DivisionCode.isWellFormed(code), code.utf8.count == level.codeLength else {
            throw fail("code \"\(code)\" is not a \(level.codeLength)-digit \(level.rawValue) code")
        }
        guard DivisionCode.impliedLevel(of: code) == level else {
            throw fail(level == .city ? "a city's code must end in 00" : "only a city's code ends in 00")
        }
        guard !name.isEmpty, name.count <= 100 else { throw fail("the name is empty or longer than 100 characters") }
        guard known[code] == nil else { throw fail("code \(code) appears twice") }
        if level == .city {
            guard parentCode == nil else { throw fail("the city has no parent") }
        } else {
            guard let parentCode else { throw fail("a \(level.rawValue) needs a parent_code") }
            guard let parent = known[parentCode] else {
                throw fail("parent \(parentCode) is not defined on an earlier line")
            }
            guard parent.level.depth == level.depth - 1 else {
                throw fail("parent \(parentCode) is a \(parent.level.rawValue), not one level above")
            }
            guard DivisionCode.contains(root: parent.code, rootLevel: parent.level, code: code) else {
                throw fail("code \(code) does not start with its parent's code \(parentCode)")
            }
        }
        return Division(code: code, name: name, level: level, parentCode: parentCode)
    }
}

/// A division file that cannot be imported, with the line at fault.
public struct DivisionImportError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let reason: String
    public var description: String { "\(self.file):\(self.line): \(self.reason)" }

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }
}
