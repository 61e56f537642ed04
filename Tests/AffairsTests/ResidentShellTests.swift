import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Platform
import SQLKit
import TestSupport
import Testing

/// The resident app shell: the tab bar on every resident page, the tab pages built from the modules' navigation
/// entries, the unread badge, and no tab bar on the console.
@Suite("Resident app shell")
struct ResidentShellTests {
    /// The tab bar of a page: the `<nav id="tabbar">` element's markup.
    static func tabBar(_ html: String) -> String? {
        guard let start = html.range(of: #"<nav class="tabbar""#),
            let end = html[start.upperBound...].range(of: "</nav>")
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test(
        "every resident page has the five tabs with the current one marked; the console has none",
        arguments: TestBackend.available)
    func tabBarOnPages(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AffairsFixture.prepare) { client in
            for (uri, current) in [
                ("/?lang=zh", "home"), ("/do", "services"), ("/services", "services"), ("/bills", nil),
                ("/affairs", "affairs"), ("/community", "community"), ("/divisions", "community"),
                ("/open/cases", "community"), ("/me", "me"), ("/signin", nil),
            ] as [(String, String?)] {
                let response = try await client.execute(uri: uri, method: .get)
                guard response.status == .ok else { continue }  // pages that need a session redirect
                let bar = try #require(Self.tabBar(String(buffer: response.body)), "\(uri)")
                for tab in ["home", "services", "affairs", "community", "me"] {
                    #expect(bar.contains(#"id="tabbar-\#(tab)""#), "\(uri) \(tab)")
                }
                let marked = bar.components(separatedBy: #"aria-current="page""#).count - 1
                #expect(marked == (current == nil ? 0 : 1), "\(uri)")
                if let current {
                    #expect(bar.contains(#"id="tabbar-\#(current)" aria-current="page""#), "\(uri)")
                }
                #expect(bar.contains("首页") && bar.contains("办事") && bar.contains("社区") && bar.contains("我的"))
            }
            let console = String(buffer: try await client.execute(uri: "/console", method: .get).body)
            #expect(console.contains("login-form") && Self.tabBar(console) == nil)
            #expect(!console.contains(#"id="tabbar""#))
        }
    }

    @Test(
        "a tab's page lists the entries of its tab; signed-in entries and sign-out only with a session",
        arguments: TestBackend.available)
    func tabPages(backend: TestBackend) async throws {
        try await TestApp.with(backend, prepare: AffairsFixture.prepare) { client in
            let community = String(buffer: try await client.execute(uri: "/community?lang=zh", method: .get).body)
            for id in ["nav-cases", "nav-open-cases", "nav-near-me", "nav-divisions"] {
                #expect(community.contains(#"id="\#(id)""#), "\(id)")
            }
            #expect(!community.contains(#"id="nav-participation""#) && !community.contains(#"id="nav-bills""#))
            let services = String(buffer: try await client.execute(uri: "/do", method: .get).body)
            for id in ["nav-services", "nav-appointments", "nav-bills"] { #expect(services.contains(#"id="\#(id)""#)) }
            let visitor = String(buffer: try await client.execute(uri: "/me?lang=zh", method: .get).body)
            #expect(visitor.contains(#"id="me-signin""#) && !visitor.contains(#"id="sign-out""#))
            #expect(!visitor.contains(#"id="nav-inbox""#))

            let cookie = try await AffairsPagesTests.session(client, phone: AffairsFixture.phone(1))
            let signedIn = try await AffairsPagesTests.page(client, "/community?lang=zh", cookie)
            #expect(signedIn.contains(#"id="nav-participation""#))
            let me = try await AffairsPagesTests.page(client, "/me?lang=zh", cookie)
            #expect(me.contains(#"id="sign-out""#) && me.contains(#"id="nav-inbox""#))
            #expect(me.contains(#"id="profile-phone">136****0001<"#) && me.contains(#"id="profile-level">L2"#))
            #expect(me.contains(#"id="profile-community">社区甲<"#))
            #expect(!me.contains(AffairsFixture.phone(1)))
        }
    }

    @Test(
        "the me tab shows the number of unread messages, and none once they are read",
        arguments: TestBackend.available)
    func unreadBadge(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend, prepare: AffairsFixture.prepare) { client, database in
            let cookie = try await AffairsPagesTests.session(client, phone: AffairsFixture.phone(1))
            try await database.withConnection { sql in
                try await sql.update("notifications").set("read_at", to: CityClock.now()).run()
            }
            let before = try await AffairsPagesTests.page(client, "/?lang=zh", cookie)
            #expect(!before.contains("tabbar-me-badge"))
            try await database.withConnection { sql in
                for (n, account) in [(1, "resident-1"), (2, "resident-1"), (3, "resident-3")] {
                    try await sql.insert(into: "notifications")
                        .columns(
                            "account_id", "topic", "title_zh", "title_en", "body_zh", "body_en", "created_at"
                        )
                        .values(
                            SQLBind(account), SQLBind("test.\(n)"), SQLBind("标题"), SQLBind("Title"), SQLBind("正文"),
                            SQLBind("Body"), SQLBind(CityClock.now())
                        )
                        .run()
                }
            }
            let home = try await AffairsPagesTests.page(client, "/?lang=zh", cookie)
            #expect(home.contains(#"id="tabbar-me-badge">2<"#))
            let me = try await AffairsPagesTests.page(client, "/me?lang=zh", cookie)
            #expect(me.contains(#"<b class="badge">2<"#))
            try await database.withConnection { sql in
                try await sql.update("notifications").set("read_at", to: CityClock.now()).run()
            }
            let after = try await AffairsPagesTests.page(client, "/?lang=zh", cookie)
            #expect(!after.contains("tabbar-me-badge"))
        }
    }
}
