import App
import Appointments
import ArgumentParser
import Billing
import Foundation
import Hummingbird
import Identity
import Livability
import Logging
import Platform
import Population
import ServiceHall
import ServiceLifecycle
import Territory
import UnixSignals

/// `citizen-cloud serve`: runs the HTTP server (migrating first).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Start the server (applies pending migrations first)."
    )

    @Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on.") var port: Int = 8080
    @OptionGroup var options: DatabaseOptions
    @Flag(help: "On an empty database: import the divisions and seed a small demo city.") var demo = false
    @Option(help: "Scale of the demo city when --demo seeds (1 = the whole city, ~21M residents).")
    var demoScale: Double = 0.002
    @Flag(help: "Send console cookies without the Secure flag (only for plain-HTTP development off localhost).")
    var insecureCookies = false
    @Option(help: "Public base URL of this server, the OpenID Connect issuer (default http://HOST:PORT).")
    var issuer: String?
    @Flag(help: "Take client addresses from X-Forwarded-For (only when every request comes through a reverse proxy).")
    var trustForwardedFor = false
    @Option(help: "Seconds a client has to send a request's headers before the connection is closed.")
    var headerTimeout: Double = 10
    @Option(help: "Seconds a request body may pause between two parts before the connection is closed.")
    var bodyTimeout: Double = 30
    @Option(help: "Seconds a kept-alive connection may stay silent between requests before it is closed.")
    var idleTimeout: Double = 120
    @Option(help: "Open connections at most; more clients wait until one closes.")
    var maxConnections: Int = 1000
    @Option(help: "SQLite durability: normal (fast; a power cut may undo the last commits) or full (durable).")
    var sqliteSynchronous: SQLiteSynchronous = .normal

    func run() async throws {
        try await CommandSupport.failing {
            let logger = CommandSupport.logger(level: self.options.level)
            let url = try self.options.url()
            if self.demo {
                try await self.prepareDemo(url: url, logger: logger)
            }
            // Fail fast with a clear message when the database is unreachable.
            try await CommandSupport.withDatabase(url, logger: logger) { _ in }
            var configuration = AppConfiguration(
                host: self.host, port: self.port, database: url, logLevel: self.options.level,
                personalDataKeyFile: self.options.keyFile, secureCookies: !self.insecureCookies,
                issuer: self.issuer ?? "http://\(self.host):\(self.port)",
                trustForwardedFor: self.trustForwardedFor
            )
            configuration.headerTimeout = self.headerTimeout
            configuration.bodyIdleTimeout = self.bodyTimeout
            configuration.idleTimeout = self.idleTimeout
            configuration.maxConnections = self.maxConnections
            configuration.sqliteSynchronous = self.sqliteSynchronous
            let app = try await buildApplication(configuration, logger: logger)
            logger.info("server.starting", metadata: ["url": "http://\(self.host):\(self.port)", "database": "\(url)"])
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
            logger.info("server.stopped")
        }
    }

    /// Migrates, imports the divisions and seeds when the database has no residents yet.
    private func prepareDemo(url: DatabaseURL, logger: Logger) async throws {
        let keyFile = self.options.keyFile
        let scale = self.demoScale
        try await CommandSupport.withDatabase(url, logger: logger) { database in
            try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
            if try await DivisionRepository(database: database).countByLevel()[.street] ?? 0 == 0 {
                let path = CommandSupport.dataDirectory() + "/chengdu-divisions.csv"
                try await DivisionImporter(database: database).importCSV(
                    try CommandSupport.readText(path), fileName: path
                )
            }
            if try await !RegisterRepository(database: database).hasResidents() {
                let legacy = try CommandSupport.readText(
                    CommandSupport.dataDirectory() + "/chengdu-communities-legacy.csv")
                let cipher = try PersonalDataCipher.loadOrCreate(keyFile: keyFile)
                let summary = try await DemoSeeder(database: database, cipher: cipher, logger: logger).seed(
                    scale: scale, seed: SeedCommand.defaultSeed, legacyCSV: legacy, replace: false
                )
                logger.info(
                    "demo.ready",
                    metadata: ["communities": "\(summary.communities)", "residents": "\(summary.residents)"]
                )
            }
            if let network = try await LivabilityDemoSeeder(database: database, logger: logger).seed(
                seed: SeedCommand.defaultSeed, replace: false)
            {
                logger.info(
                    "demo.life_circle",
                    metadata: ["nodes": "\(network.nodes)", "facilities": "\(network.facilities)"])
            }
            try await Self.seedOfficials(database: database, keyFile: keyFile)
            try await Self.seedServiceHall(database: database, keyFile: keyFile, logger: logger)
            if let (catalog, _) = try await CatalogRepository(database: database).load() {
                // Department systems don't exist in the demo: the platform's demo relying party plays each one.
                let systems = catalog.services.filter { $0.kind == .departmentSystem }.map { ($0.id, $0.name.zh) }
                let created = try await DemoDepartmentSystems.register(
                    systems, issuer: self.issuer ?? "http://\(self.host):\(self.port)",
                    clients: ClientRepository(database: database))
                logger.info("demo.department_systems", metadata: ["systems": "\(systems.count)", "new": "\(created)"])
            }
            let slots = try await AppointmentDemoSeeder(database: database).seed()
            let bills = try await BillingDemoSeeder(database: database).seed()
            logger.info("demo.services", metadata: ["new_slots": "\(slots)", "new_bills": "\(bills)"])
            // Each module adds its own demo data, in module order.
            let platform = PlatformServices(
                database: database, logger: logger, cipher: try PersonalDataCipher.loadOrCreate(keyFile: keyFile),
                issuer: self.issuer ?? "http://\(self.host):\(self.port)", secureCookies: !self.insecureCookies,
                passwordCost: 10, trustForwardedFor: false)
            for module in try await AppModules.build(platform).modules {
                try await module.seedDemo(seed: SeedCommand.defaultSeed)
            }
        }
    }

    /// Creates the demo officials (after the communities exist) and prints how to sign in as them.
    private static func seedOfficials(database: Database, keyFile: String) async throws {
        let cipher = try PersonalDataCipher.loadOrCreate(keyFile: keyFile)
        let service = IdentityService(database: database, cipher: cipher, hasher: PasswordHasher())
        let entries = try await DemoOfficials.seed(service: service, divisions: DivisionRepository(database: database))
        // Written straight to the file handle so it shows at once even when standard output is not a terminal.
        var text = "Demo officials (password \(DemoOfficials.password)); enrol the demo TOTP secret once:\n"
        text += "  " + TOTPCheck.enrolmentURI(secret: DemoOfficials.totpSecret, username: "demo") + "\n"
        for entry in entries {
            text += "  \(entry.username)  \(entry.role.rawValue)  \(entry.scope)\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Imports the shipped catalog when none is stored, and seeds demo residents and applications once.
    private static func seedServiceHall(database: Database, keyFile: String, logger: Logger) async throws {
        if try await CatalogRepository(database: database).version() == nil {
            let path = CommandSupport.dataDirectory() + "/service-catalog.json"
            try await CatalogImporter(database: database).importFile(try CommandSupport.readText(path), fileName: path)
        }
        guard let (catalog, _) = try await CatalogRepository(database: database).load() else { return }
        let cipher = try PersonalDataCipher.loadOrCreate(keyFile: keyFile)
        let service = IdentityService(database: database, cipher: cipher, hasher: PasswordHasher())
        let residents = try await DemoResidents.seed(service: service)
        var staff: [String: String] = [:]
        for entry in DemoOfficials.entries(community: "") where entry.role == .departmentStaff {
            if let id = try await service.accounts.find(signInName: entry.username)?.id { staff[entry.scope] = id }
        }
        let now = CityClock.now()
        if let summary = try await DemoServiceHall.seed(
            database: database, catalog: catalog, applicants: residents.map(\.id), staff: staff, now: now)
        {
            logger.info(
                "demo.service_hall",
                metadata: ["applications": "\(summary.applications)", "ratings": "\(summary.ratings)"])
        }
        // The first demo resident lives in a household of the register under 春熙路街道 and has bills to pay.
        let (communities, _) = try await DivisionRepository(database: database).list(
            .init(parentCode: "510104003"), after: nil, limit: 1)
        let payer = try await DemoPayerSeeder(database: database, identity: service, cipher: cipher).seed(
            accountID: residents[0].id, communityCode: communities.first?.code ?? "510104003")
        logger.info("demo.payer", metadata: ["new_bills": "\(payer.newBills)"])
        var text =
            "Demo resident (password \(DemoOfficials.password)): sign in with phone \(DemoResidents.firstPhone)"
        text += " (level 2, unpaid bills at /bills)\n"
        text += "Department staff handle applications at /console/applications: psb.staff, hpf.staff, medsec.staff, "
        text += "hrss.staff, hotline.staff; water.staff and traffic.staff issue bills at /console/bills/new\n"
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

extension SQLiteSynchronous: ExpressibleByArgument {}
