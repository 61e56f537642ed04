import Platform
import Testing

/// `multipart/form-data` as browsers send it, and the bodies that must be refused.
@Suite struct MultipartFormTests {
    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"

    static func body(_ parts: [String], close: Bool = true) -> [UInt8] {
        var text = parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined()
        if close { text += "--\(boundary)--\r\n" }
        return Array(text.utf8)
    }

    @Test func fieldsAndFiles() throws {
        var bytes = Self.body([
            "Content-Disposition: form-data; name=\"csrf\"\r\n\r\nabc",
            "Content-Disposition: form-data; name=\"description\"\r\n\r\n路灯不亮\r\n第二行",
            "Content-Disposition: form-data; name=\"photo\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n",
        ])
        // A file with bytes that look like a delimiter without the CRLF before it.
        let file: [UInt8] = [0xFF, 0xD8, 0xFF, 0x00, 0x0A] + Array("--\(Self.boundary)".utf8) + [0x0D, 0x0A, 0x2D]
        let part =
            Array(
                "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
                    .utf8) + file + Array("\r\n--\(Self.boundary)--\r\n".utf8)
        bytes = Array(bytes.dropLast("--\(Self.boundary)--\r\n".utf8.count)) + part
        let form = try MultipartForm(body: bytes, boundary: Self.boundary)
        #expect(form.fields == ["csrf": "abc", "description": "路灯不亮\r\n第二行"])
        #expect(form.files.count == 1)
        #expect(form.files.first?.name == "photo" && form.files.first?.filename == "a.jpg")
        #expect(form.files.first?.contentType == "image/jpeg")
        #expect(form.files.first?.bytes == file)
    }

    @Test func boundaryFromContentType() {
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=abc") == "abc")
        #expect(MultipartForm.boundary(of: "Multipart/Form-Data; charset=utf-8; boundary=\"a b\"") == "a b")
        #expect(MultipartForm.boundary(of: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartForm.boundary(of: "multipart/form-data") == nil)
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
    }

    @Test func refusesMalformedBodies() {
        let bad: [[UInt8]] = [
            [],
            Array("no delimiter at all".utf8),
            Self.body(["Content-Disposition: form-data; name=\"a\"\r\n\r\nvalue"], close: false).dropLast(4),
            Self.body(["Content-Disposition: attachment; name=\"a\"\r\n\r\nvalue"]),
            Self.body(["Content-Disposition: form-data\r\n\r\nvalue"]),
            Self.body(["No-Colon-Header\r\n\r\nvalue"]),
            Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n".utf8) + [0xFF, 0xFE]
                + Array("\r\n--\(Self.boundary)--".utf8),
            Self.body(Array(repeating: "Content-Disposition: form-data; name=\"a\"\r\n\r\nv", count: 65)),
        ]
        for body in bad {
            #expect(throws: Problem.self) { try MultipartForm(body: body, boundary: Self.boundary) }
        }
    }
}
