/// An input or output problem, reported as `file:line: reason` (line omitted when not applicable).
public struct AccessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// File name (as given by the user).
    public let file: String
    /// 1-based line number, when the problem is on a line.
    public let line: Int?
    /// Human-readable reason.
    public let reason: String

    /// Creates an error.
    public init(file: String, line: Int?, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `file:line: reason` or `file: reason`.
    public var description: String {
        if let line { return "\(file):\(line): \(reason)" }
        return "\(file): \(reason)"
    }
}
