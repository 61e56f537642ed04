import Foundation
import Logging
import Synchronization

/// A `LogHandler` that writes one JSON object per line: time, level, label, message and metadata.
///
/// Personal data must never be passed as metadata; callers log ids and masked values only.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let sink: LogSink

    /// A handler writing to standard error (the default) or to any ``LogSink``.
    public init(label: String, level: Logger.Level = .info, sink: LogSink = .standardError) {
        self.label = label
        self.logLevel = level
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: Any] = [
            "time": Self.timestamp(),
            "level": event.level.rawValue,
            "logger": self.label,
            "message": event.message.description,
        ]
        var merged = self.metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        for (key, value) in merged {
            object[key] = Self.plain(value)
        }
        guard
            var data = try? JSONSerialization.data(
                withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return }
        data.append(0x0A)
        self.sink.write(data)
    }

    private static func plain(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let string): string
        case .stringConvertible(let convertible): convertible.description
        case .array(let array): array.map(Self.plain)
        case .dictionary(let dictionary): dictionary.mapValues(Self.plain)
        }
    }

    private static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
    }
}

/// Where log lines go; serialised so concurrent lines never interleave.
public final class LogSink: Sendable {
    private let handle: Mutex<FileHandle>

    public init(handle: FileHandle) {
        self.handle = Mutex(handle)
    }

    /// Standard error, the conventional place for a server's logs.
    public static let standardError = LogSink(handle: .standardError)

    func write(_ data: Data) {
        self.handle.withLock { $0.write(data) }
    }
}
