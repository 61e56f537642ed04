import Foundation
import HTTPTypes
import Platform
import Testing

/// The problem document keeps RFC 9457's members: an extension named like one of them never replaces it.
@Suite struct ProblemDocumentTests {
    @Test func extensionsNeverReplaceStandardMembers() throws {
        let document = ProblemDocument(
            status: .conflict, code: "invalid_transition", detail: "no", instance: "/x", requestId: "r",
            extensions: ["status": "received", "code": "other", "caseStatus": "received"])
        let json = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(document)) as? [String: Any])
        #expect(json["status"] as? Int == 409)
        #expect(json["code"] as? String == "invalid_transition")
        #expect(json["caseStatus"] as? String == "received")
    }
}
