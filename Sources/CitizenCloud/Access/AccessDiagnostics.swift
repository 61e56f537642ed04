#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes diagnostics to standard error (errors must not mix with CSV written to files or stdout).
enum AccessDiagnostics {
    /// Prints one line to stderr.
    static func print(_ line: String) {
        let text = line + "\n"
        // write(2) on fd 2 rather than the C `stderr` global, which strict concurrency rejects.
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
    }
}
