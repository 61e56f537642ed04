import Foundation

/// A `multipart/form-data` body (RFC 7578): the text fields and the files of an HTML form with
/// `enctype="multipart/form-data"`.
///
/// Strict and bounded: the boundary must be announced in the content type, each part needs a `Content-Disposition:
/// form-data` header with a name, part headers are at most 8 KiB, text fields must be UTF-8 and a body holds at most
/// ``maximumParts`` parts. A file input left empty (no file name, no bytes) is skipped. Anything else is
/// ``WebForm/malformed``.
public struct MultipartForm: Sendable {
    /// One uploaded file.
    public struct File: Sendable, Equatable {
        /// The form field's name.
        public let name: String
        /// The name the browser gave (never used as a path).
        public let filename: String
        /// The type the browser declared (check the bytes, not this).
        public let contentType: String
        public let bytes: [UInt8]
    }

    /// The text fields; a field sent twice keeps its last value.
    public private(set) var fields: [String: String] = [:]
    /// The files, in the order sent.
    public private(set) var files: [File] = []

    public static let maximumParts = 64

    /// The boundary of a `multipart/form-data` content type, nil for any other type.
    public static func boundary(of contentType: String) -> String? {
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data" else { return nil }
        for parameter in parameters.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value =
                pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                ? String(pair[1].dropFirst().dropLast()) : pair[1]
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }

    /// Reads `body`, whose parts are separated by `boundary`.
    public init(body: [UInt8], boundary: String) throws {
        let delimiter = Array("--\(boundary)".utf8)
        guard var position = Self.find(delimiter, in: body, from: 0) else { throw WebForm.malformed }
        var parts = 0
        while true {
            position += delimiter.count
            if body[position...].starts(with: [0x2D, 0x2D]) { return }  // "--": the closing delimiter
            guard body[position...].starts(with: [0x0D, 0x0A]) else { throw WebForm.malformed }
            position += 2
            parts += 1
            guard parts <= Self.maximumParts,
                let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: position),
                headerEnd - position <= 8192,
                let next = Self.find([0x0D, 0x0A] + delimiter, in: body, from: headerEnd + 4)
            else { throw WebForm.malformed }
            let headers = try Self.headers(Array(body[position..<headerEnd]))
            try self.add(headers, content: Array(body[(headerEnd + 4)..<next]))
            position = next + 2
        }
    }

    private mutating func add(_ headers: [String: String], content: [UInt8]) throws {
        guard let disposition = headers["content-disposition"],
            disposition.lowercased().hasPrefix("form-data"),
            let name = Self.parameter("name", in: disposition)
        else { throw WebForm.malformed }
        if let filename = Self.parameter("filename", in: disposition) {
            if filename.isEmpty && content.isEmpty { return }
            self.files.append(
                File(
                    name: name, filename: filename,
                    contentType: headers["content-type"] ?? "application/octet-stream", bytes: content))
        } else {
            guard let text = String(validating: content, as: UTF8.self) else { throw WebForm.malformed }
            self.fields[name] = text
        }
    }

    /// Header lines `Name: value`, names lower-cased.
    static func headers(_ bytes: [UInt8]) throws -> [String: String] {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw WebForm.malformed }
        var headers: [String: String] = [:]
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { throw WebForm.malformed }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return headers
    }

    /// The value of `name="…"` in a `Content-Disposition` header (quoted, with `\"` unescaped).
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces)
            guard value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 else { return value }
            return String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
        }
        return nil
    }

    /// The index of the first occurrence of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
