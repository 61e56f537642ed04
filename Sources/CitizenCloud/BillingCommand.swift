import App
import ArgumentParser
import Billing
import Foundation
import Platform

/// `citizen-cloud billing`: payment operations.
struct BillingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "billing",
        abstract: "Payment operations: the daily reconciliation with the provider; benchmark fixtures.",
        subcommands: [ReconcileCommand.self, BillingBenchFixtureCommand.self]
    )
}

/// `citizen-cloud billing reconcile --date YYYY-MM-DD`: compares one day of our ledger with the provider's.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Compare one day of payments and refunds with what the provider settled; exit status 2 on mismatches."
    )

    @Option(help: "The local day (China Standard Time), YYYY-MM-DD; default today.") var date: String?
    @Flag(help: "Print the report as JSON.") var json = false
    @OptionGroup var options: DatabaseOptions

    func run() async throws {
        let day = self.date ?? CityClock.localDate(CityClock.now())
        guard CityClock.startOfDay(day) != nil else {
            throw ValidationError("--date must be a real date, YYYY-MM-DD")
        }
        var balanced = true
        try await CommandSupport.failing {
            let logger = CommandSupport.logger(level: self.options.level)
            let report = try await CommandSupport.withDatabase(try self.options.url(), logger: logger) { database in
                try await Migrator(database: database, migrations: AppMigrations.all, logger: logger).migrate()
                return try await Reconciliation(
                    database: database, provider: SimulatedPaymentProvider(database: database)
                )
                .report(date: day)!
            }
            balanced = report.balanced
            FileHandle.standardOutput.write(Data((self.json ? try Self.json(report) : Self.text(report)).utf8))
        }
        if !balanced { throw ExitCode(2) }
    }

    static func json(_ report: Reconciliation.Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    static func text(_ report: Reconciliation.Report) -> String {
        func line(_ name: String, _ totals: Reconciliation.Totals) -> String {
            "\(name)  charges \(totals.charges) (\(Fen.format(totals.chargesFen)))  refunds \(totals.refunds) "
                + "(\(Fen.format(totals.refundsFen)))  net \(Fen.format(totals.netFen))\n"
        }
        var out = "Reconciliation \(report.date) (China Standard Time)\n"
        out += line("ledger  ", report.ledger)
        out += line("provider", report.provider)
        out += "matched \(report.matched), mismatches \(report.mismatches.count)\n"
        for item in report.mismatches {
            out +=
                "  \(item.problem)  \(item.kind.rawValue)  \(item.merchantRef)  ledger "
                + "\(item.ledgerFen.map(Fen.format) ?? "—")  provider \(item.providerFen.map(Fen.format) ?? "—")\n"
        }
        out += report.balanced ? "BALANCED\n" : "NOT BALANCED\n"
        return out
    }
}
