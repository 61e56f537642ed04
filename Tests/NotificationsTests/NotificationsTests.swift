import App
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import NIOFoundationCompat
import Notifications
import Platform
import SQLKit
import TestSupport
import Testing

@Suite("Notifications")
struct NotificationsTests {
    static let password = "Furong-Garden-42"

    /// Registers the n-th resident and returns (account id, access token).
    static func resident(_ client: some TestClientProtocol, _ n: Int) async throws -> (id: String, token: String) {
        let idNumber = IDNumber(region: "510104", year: 1985, month: 3, day: n, sequence: 200 + n).value
        let registered = try await client.execute(
            uri: "/api/v1/residents", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(
                string: #"{"name":"居民\#(n)","idNumber":"\#(idNumber)","phone":"1380000000\#(n)","#
                    + #""password":"\#(Self.password)"}"#))
        #expect(registered.status == .created)
        let id = try #require(Self.object(registered)["id"] as? String)
        let login = try await client.execute(
            uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"username":"1380000000\#(n)","password":"\#(Self.password)"}"#))
        return (id, try #require(Self.object(login)["accessToken"] as? String))
    }

    static func object(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:]
    }

    static func draft(_ accountID: String, _ n: Int, channels: Set<NotificationChannel> = [.inbox]) -> NotificationDraft
    {
        NotificationDraft(
            accountID: accountID, topic: "test.event", titleZh: "通知\(n)", titleEn: "Notice \(n)",
            bodyZh: "正文\(n)", bodyEn: "Body \(n)", link: "/services", channels: channels)
    }

    @Test("a notification exists only when the transaction that wrote it commits", arguments: TestBackend.available)
    func transactional(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            struct Boom: Error {}
            await #expect(throws: Boom.self) {
                try await database.transaction { sql in
                    try await Notifier().enqueue(Self.draft("acct-1", 1, channels: [.inbox, .sms]), on: sql)
                    throw Boom()
                }
            }
            try await database.transaction { sql in
                try await Notifier().enqueue(Self.draft("acct-1", 2, channels: [.inbox, .sms, .email]), on: sql)
            }
            let inbox = InboxRepository(database: database)
            #expect(try await inbox.unreadCount(accountID: "acct-1") == 1)
            #expect(try await DeliveryOutbox(database: database).counts() == ["pending": 2])
        }
    }

    /// Fails the first `failures` sends, then records what it sends.
    actor FlakySender: NotificationSender {
        var failures: Int
        var sent: [OutgoingMessage] = []
        init(failures: Int) { self.failures = failures }
        struct GatewayDown: Error {}
        func send(_ message: OutgoingMessage) async throws {
            if self.failures > 0 {
                self.failures -= 1
                throw GatewayDown()
            }
            self.sent.append(message)
        }
    }

    @Test("SMS and email are retried until the sender accepts them, and sent once", arguments: TestBackend.available)
    func deliveryRetries(backend: TestBackend) async throws {
        try await TestDatabase.with(backend, migrations: AppMigrations.all) { database in
            try await database.transaction { sql in
                try await Notifier().enqueue(Self.draft("acct-1", 1, channels: [.sms]), on: sql)
            }
            let sender = FlakySender(failures: 1)
            let service = NotificationDeliveryService(database: database, sender: sender, logger: Logger(label: "t"))
            #expect(try await service.deliverDue() == 0)
            #expect(try await DeliveryOutbox(database: database).counts() == ["pending": 1])
            // The retry is scheduled 2 s later; make it due now.
            try await database.withConnection { sql in
                try await sql.update("notification_deliveries").set("next_attempt_at", to: 0).run()
            }
            #expect(try await service.deliverDue() == 1)
            #expect(try await service.deliverDue() == 0)
            #expect(await sender.sent.map(\.title) == ["通知1"])
            #expect(try await DeliveryOutbox(database: database).counts() == ["sent": 1])
            // SMS-only notifications do not count as unread in the inbox.
            #expect(try await InboxRepository(database: database).unreadCount(accountID: "acct-1") == 0)
        }
    }

    @Test("the API lists only the caller's inbox, pages it and marks read", arguments: TestBackend.available)
    func api(backend: TestBackend) async throws {
        try await TestApp.withDatabase(backend) { client, database in
            let alice = try await Self.resident(client, 1)
            let bob = try await Self.resident(client, 2)
            try await database.transaction { sql in
                for n in 1...3 { try await Notifier().enqueue(Self.draft(alice.id, n), on: sql) }
                try await Notifier().enqueue(Self.draft(bob.id, 9), on: sql)
            }
            let auth: HTTPFields = [.authorization: "Bearer \(alice.token)"]
            let first = try await client.execute(uri: "/api/v1/me/notifications?limit=2", method: .get, headers: auth)
            #expect(first.status == .ok)
            let items = try #require(Self.object(first)["items"] as? [[String: Any]])
            #expect(items.map { $0["title"] as? String } == ["通知3", "通知2"])
            let cursor = try #require(Self.object(first)["nextCursor"] as? String)
            let second = try await client.execute(
                uri: "/api/v1/me/notifications?limit=2&lang=en&cursor=\(cursor)", method: .get, headers: auth)
            let rest = try #require(Self.object(second)["items"] as? [[String: Any]])
            #expect(rest.map { $0["title"] as? String } == ["Notice 1"])
            #expect(Self.object(second)["nextCursor"] is NSNull)

            let id = try #require(items.first?["id"] as? String)
            let bobAuth: HTTPFields = [.authorization: "Bearer \(bob.token)"]
            let foreign = try await client.execute(
                uri: "/api/v1/me/notifications/\(id)/read", method: .post, headers: bobAuth)
            #expect(foreign.status == .notFound)
            #expect(Self.object(foreign)["code"] as? String == "notification_not_found")
            let read = try await client.execute(
                uri: "/api/v1/me/notifications/\(id)/read", method: .post, headers: auth)
            #expect(read.status == .noContent)
            let count = try await client.execute(
                uri: "/api/v1/me/notifications/unread-count", method: .get, headers: auth)
            #expect(Self.object(count)["unread"] as? Int == 2)
            let unread = try await client.execute(
                uri: "/api/v1/me/notifications?unread=true", method: .get, headers: auth)
            #expect((Self.object(unread)["items"] as? [Any])?.count == 2)
            let all = try await client.execute(uri: "/api/v1/me/notifications/read", method: .post, headers: auth)
            #expect(all.status == .noContent)
            #expect(try await InboxRepository(database: database).unreadCount(accountID: alice.id) == 0)
            #expect(try await InboxRepository(database: database).unreadCount(accountID: bob.id) == 1)

            let anonymous = try await client.execute(uri: "/api/v1/me/notifications", method: .get)
            #expect(anonymous.status == .unauthorized)
            let badFlag = try await client.execute(
                uri: "/api/v1/me/notifications?unread=maybe", method: .get, headers: auth)
            #expect(badFlag.status == .badRequest)
            let badCursor = try await client.execute(
                uri: "/api/v1/me/notifications?cursor=%21%21", method: .get, headers: auth)
            #expect(Self.object(badCursor)["code"] as? String == "invalid_cursor")
        }
    }
}
