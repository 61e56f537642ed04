import Crypto
import Foundation
import Platform
import Testing

@Suite("Shared values")
struct ValueTests {
    @Test("CSV records keep their line numbers, quotes and CRLF")
    func csv() throws {
        let text = "\u{FEFF}a,b\r\n1,\"x, \"\"y\"\"\"\r\n\n2,\"multi\nline\"\n3,z"
        let records = try CSVReader.records(in: text)
        #expect(records.map(\.line) == [1, 2, 4, 6])
        #expect(records[1].fields == ["1", "x, \"y\""])
        #expect(records[2].fields == ["2", "multi\nline"])
        #expect(throws: CSVReader.SyntaxError(line: 1, reason: "a quoted field is not closed")) {
            try CSVReader.records(in: "\"open")
        }
        #expect(throws: CSVReader.SyntaxError.self) { try CSVReader.records(in: "a\"b,c") }
    }

    @Test("ID numbers: check digit, dates, masking")
    func idNumbers() throws {
        let made = IDNumber(region: "510104", year: 1990, month: 2, day: 28, sequence: 123)
        #expect(made.value.count == 18)
        #expect(try IDNumber(validating: made.value) == made)
        #expect(made.birthDate == "1990-02-28")
        #expect(made.isMale)
        #expect(made.masked == "510***********" + made.value.suffix(4))
        // A well-known valid sample (GB 11643 example) and corrupted variants.
        #expect(try IDNumber(validating: "11010519491231002x").value == "11010519491231002X")
        #expect(throws: IDNumber.Invalid.checkDigit) { try IDNumber(validating: "110105194912310021") }
        #expect(throws: IDNumber.Invalid.birthDate) { try IDNumber(validating: "110105194902300020") }
        #expect(throws: IDNumber.Invalid.length) { try IDNumber(validating: "1101051949") }
        #expect(throws: IDNumber.Invalid.characters) { try IDNumber(validating: "11010519491231002Y") }
    }

    @Test("cursors round-trip and reject tampering")
    func cursors() throws {
        let cursor = Cursor(after: "510104003")
        #expect(try Cursor(token: cursor.token) == cursor)
        #expect(!cursor.token.contains("="))
        #expect(throws: Problem.self) { try Cursor(token: "not a cursor") }
        #expect(throws: Problem.self) { try Cursor(token: "eHl6") }
    }

    @Test("personal data is sealed, opened under rotated keys, and hashed for look-up")
    func cipher() throws {
        let first = SymmetricKey(size: .bits256)
        let second = SymmetricKey(size: .bits256)
        let old = PersonalDataCipher(keys: [1: first], current: 1)
        let rotated = PersonalDataCipher(keys: [1: first, 2: second], current: 2)
        let sealed = old.seal("510104199002281234")
        #expect(sealed.first == 1)
        #expect(try rotated.open(sealed) == "510104199002281234")
        #expect(rotated.seal("x").first == 2)
        #expect(old.seal("same") != old.seal("same"))
        #expect(old.lookupHash("same") == rotated.lookupHash("same"))
        var tampered = sealed
        tampered[tampered.count - 1] ^= 1
        #expect(throws: PersonalDataCipher.Failure.self) { try old.open(tampered) }
    }

    @Test("key files are created once and reloaded")
    func keyFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cc-key-\(UUID())/k.key").path
        let created = try PersonalDataCipher.loadOrCreate(keyFile: path)
        let loaded = try PersonalDataCipher.loadOrCreate(keyFile: path)
        #expect(try loaded.open(created.seal("hello")) == "hello")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        try "1:short\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: KeyFileError.self) { try PersonalDataCipher.loadOrCreate(keyFile: path) }
    }
}
