import Platform
import Testing

@Suite("Redirect targets after sign-in")
struct LocalPathTests {
    static let hostile = [
        "//example.com", "///example.com", "/\t/example.com", "/%09/example.com", "/%2F/example.com",
        "/%2f%2fexample.com", "/\\example.com", "/%5Cexample.com", "\\\\example.com", "https://example.com",
        "http:/example.com", "javascript:alert(1)", "example.com", "", " /", "/ /example.com", "/\n/example.com",
        "/%0a/example.com", "/%0d%0a/x", "/\u{0}x", "/%00x", "/\u{7F}x", "/\u{85}x", "/\u{A0}x", "/\u{2028}x",
        "/\u{202E}x", "/%E2%80%AEx", "/signin", "/signin?next=/x", "/signin/", "//signin?next=//evil",
        "/signout", "/console/login", "/" + String(repeating: "a", count: 3000), "/%", "/%zz",
    ]

    @Test("hostile and nesting values fall back to /", arguments: hostile)
    func refused(value: String) {
        #expect(WebForm.localPath(value) == "/")
    }

    @Test("local paths are kept", arguments: ["/", "/me/notifications", "/bills?service=water-bill", "/a/b#c"])
    func kept(value: String) {
        #expect(WebForm.localPath(value) == value)
    }

    @Test("nil falls back to the given fallback")
    func fallback() {
        #expect(WebForm.localPath(nil, fallback: "/me") == "/me")
        #expect(WebForm.localPath("//x", fallback: "/me") == "/me")
    }
}
