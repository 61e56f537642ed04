import Foundation
import TestSupport
import Testing

@Suite("Command line: service catalog", .serialized)
struct CatalogCommandTests {
    /// Runs the debug build of `citizen-cloud` in the repository folder; returns status, output and errors.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let executable = TestApp.repositoryRoot.appendingPathComponent(".build/debug/citizen-cloud")
        try #require(FileManager.default.isExecutableFile(atPath: executable.path), "build the executable first")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = TestApp.repositoryRoot
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    @Test("import catalog loads the shipped file; a broken file names line and field, exits 1 and writes nothing")
    func importCatalog() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = "sqlite://\(folder.path)/c.sqlite"
        let keys = ["--key-file", folder.appendingPathComponent("k.key").path]
        let first = try Self.run(["import", "catalog", "data/service-catalog.json", "--database", database] + keys)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("Imported catalog version 1: 33 departments, 134 services, 14 themes"))

        let shipped = try TestApp.dataFile("service-catalog.json")
        let broken = shipped.replacingOccurrences(of: #""type": "phone""#, with: #""type": "telephone""#)
        let file = folder.appendingPathComponent("broken.json")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let refused = try Self.run(["import", "catalog", file.path, "--database", database] + keys)
        #expect(refused.status == 1)
        #expect(refused.errors.contains("broken.json:"))
        #expect(refused.errors.contains(#".type: unknown field type "telephone""#))
        let line = try #require(
            refused.errors.split(separator: "\n").first.flatMap { $0.split(separator: ":").dropFirst(2).first })
        #expect(Int(line) != nil)
        let again = try Self.run(["import", "catalog", "data/service-catalog.json", "--database", database] + keys)
        #expect(again.output.contains("Imported catalog version 2"))
    }
}
