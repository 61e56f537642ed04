import ArgumentParser

/// `citizen-cloud access`: the 15-minute life-circle walking-accessibility tools.
struct AccessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Walking accessibility: street networks from OpenStreetMap and nearest-facility distances.",
        subcommands: [AccessNetworkCommand.self, AccessNearestCommand.self, AccessWhatIfBenchCommand.self]
    )
}
