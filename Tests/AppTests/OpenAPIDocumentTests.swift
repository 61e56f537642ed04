import Platform
import Testing

@testable import App

@Suite("The OpenAPI document assembled from module fragments")
struct OpenAPIDocumentTests {
    static let base = """
        openapi: 3.1.0
        paths:
          /api/v1/a:
            get:
              operationId: getA

        components:
          schemas:
            A:
              type: object
          responses:
            Problem:
              description: x
        """

    @Test("a fragment's paths and schemas land in their sections")
    func merges() throws {
        let fragment = OpenAPIFragment(
            yaml: """
                paths:
                  /api/v1/b:
                    get:
                      operationId: getB
                schemas:
                  B:
                    type: string
                """)
        let merged = try OpenAPIDocument.merge(base: Self.base, fragments: [fragment])
        let lines = merged.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = try #require(lines.firstIndex(of: "  /api/v1/b:"))
        #expect(b > lines.firstIndex(of: "  /api/v1/a:")! && b < lines.firstIndex(of: "components:")!)
        let schema = try #require(lines.firstIndex(of: "    B:"))
        #expect(lines[schema + 1] == "      type: string")
        #expect(schema > lines.firstIndex(of: "    A:")! && schema < lines.firstIndex(of: "  responses:")!)
        #expect(try OpenAPIDocument.merge(base: Self.base, fragments: []) == Self.base)
    }

    @Test("a path defined twice, or an unknown key, is refused")
    func refuses() {
        #expect(throws: OpenAPIMergeError.self) {
            try OpenAPIDocument.merge(
                base: Self.base, fragments: [OpenAPIFragment(yaml: "paths:\n  /api/v1/a:\n    get: {}\n")])
        }
        #expect(throws: OpenAPIMergeError.self) {
            try OpenAPIDocument.merge(base: Self.base, fragments: [OpenAPIFragment(yaml: "info:\n  title: x\n")])
        }
    }
}
