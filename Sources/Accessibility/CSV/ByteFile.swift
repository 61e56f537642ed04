#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes whole files as raw bytes with plain POSIX calls.
///
/// CSV parsing is the bottleneck for large networks, so files are read in one go into a byte array and
/// parsed by hand instead of going through `String`.
public enum ByteFile {
    /// Reads the whole file at `path`.
    public static func read(_ path: String) throws(AccessError) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw AccessError(file: path, line: nil, reason: "cannot open (\(errnoText()))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw AccessError(file: path, line: nil, reason: "cannot stat") }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw AccessError(file: path, line: nil, reason: "is a directory")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while filled < buffer.count {
                let got = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if got < 0 { return false }
                if got == 0 { break }
                filled += got
            }
            return true
        }
        guard ok else { throw AccessError(file: path, line: nil, reason: "read failed (\(errnoText()))") }
        if filled < bytes.count { bytes.removeSubrange(filled...) }
        return bytes
    }

    /// The text of the current `errno`.
    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Buffered writer that streams bytes to a file in large chunks (outputs can be hundreds of MB).
public final class ByteFileWriter {
    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private let chunk = 1 << 20

    /// Creates or truncates `path`.
    public init(path: String) throws(AccessError) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        self.path = path
        guard fd >= 0 else {
            throw AccessError(file: path, line: nil, reason: "cannot create (\(ByteFile.errnoText()))")
        }
        buffer.reserveCapacity(chunk + 4096)
    }

    deinit { close(fd) }

    /// Appends one byte (call `flushIfFull()` once per record).
    @inline(__always)
    public func append(_ byte: UInt8) {
        buffer.append(byte)
    }

    /// Appends a byte sequence.
    public func append(contentsOf bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends the UTF-8 of a string.
    public func append(_ text: String) {
        append(contentsOf: text.utf8)
    }

    /// Writes the buffer out once it has reached the chunk size.
    @inline(__always)
    public func flushIfFull() throws(AccessError) {
        if buffer.count >= chunk { try flush() }
    }

    /// Appends `value` formatted with exactly two decimals (half away from zero at the cent).
    public func appendFixed2(_ value: Double) {
        var cents = (abs(value) * 100).rounded()
        if value < 0 && cents > 0 { buffer.append(UInt8(ascii: "-")) }
        if cents > 9e15 { cents = 9e15 }
        let whole = UInt64(cents) / 100
        let fraction = UInt64(cents) % 100
        appendInteger(whole)
        buffer.append(UInt8(ascii: "."))
        buffer.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        buffer.append(UInt8(ascii: "0") + UInt8(fraction % 10))
    }

    /// Appends `value` with exactly seven decimals (coordinates: 1e-7 degrees is about 1 cm).
    public func appendFixed7(_ value: Double) {
        let scaled = (abs(value) * 10_000_000).rounded()
        if value < 0 && scaled > 0 { buffer.append(UInt8(ascii: "-")) }
        let units = UInt64(min(scaled, 9e15))
        appendInteger(units / 10_000_000)
        buffer.append(UInt8(ascii: "."))
        var fraction = units % 10_000_000
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: 7)
        for i in stride(from: 6, through: 0, by: -1) {
            digits[i] = UInt8(ascii: "0") + UInt8(fraction % 10)
            fraction /= 10
        }
        buffer.append(contentsOf: digits)
    }

    /// Appends a signed integer in decimal.
    public func appendSigned(_ value: Int64) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        appendInteger(value.magnitude)
    }

    /// Appends a non-negative integer in decimal.
    public func appendInteger(_ value: UInt64) {
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0
            for i in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[i]) }
        }
    }

    /// Writes the buffered bytes to the file.
    public func flush() throws(AccessError) {
        var written = 0
        let ok = buffer.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let n = write(fd, raw.baseAddress! + written, raw.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
        buffer.removeAll(keepingCapacity: true)
        guard ok else { throw AccessError(file: path, line: nil, reason: "write failed (\(ByteFile.errnoText()))") }
    }
}
