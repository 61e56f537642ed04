import Foundation
import Platform
import Testing

@Suite("Signed pagination cursors")
struct CursorTests {
    static func base64url(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    @Test("a cursor reads back as itself")
    func roundTrip() throws {
        for key in ["510104", "1700000000|abc", "中文|x", ""] {
            #expect(try Cursor(token: Cursor(after: key).token).after == key)
        }
    }

    @Test("forged, altered and truncated cursors are invalid_cursor")
    func tampered() throws {
        let token = Cursor(after: "510104").token
        let parts = token.split(separator: ".").map(String.init)
        let (payload, signature) = (parts[0], parts[1])
        let other: String = Self.base64url("k:510105")
        var forged: [String] = [other]  // unsigned, as cursors used to be
        forged.append(other + "." + signature)  // another key with this one's signature
        forged.append(payload + "." + String(signature.dropLast(2)))  // truncated signature
        forged.append(payload + "." + String(signature.reversed()))
        forged += [payload + ".", "." + signature, token + ".x", "", "k:510104", token + "="]
        forged.append(String(repeating: "A", count: 600))
        for text in forged {
            #expect(throws: (any Error).self, "\(text)") { try Cursor(token: text) }
            do {
                _ = try Cursor(token: text)
            } catch let problem as Problem {
                #expect(problem.code == "invalid_cursor")
            }
        }
    }
}
