import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A chromedriver child process listening on a free loopback port.
///
/// Start one with ``start(executablePath:timeout:)``; it is ready for WebDriver commands when that returns.
/// Call ``stop()`` when done (``WebDriver/quit()`` does it for you); as a last resort the process is
/// terminated when the actor is deinitialised.
actor ChromeDriverProcess {
    /// The environment variable that names the chromedriver binary.
    static let driverEnvironmentKey = "CITIZEN_CLOUD_CHROMEDRIVER"
    /// The environment variable that names the Chromium binary chromedriver should launch.
    static let browserEnvironmentKey = "CITIZEN_CLOUD_CHROMIUM"

    /// The loopback port chromedriver listens on.
    let port: Int
    /// The base URL of chromedriver's WebDriver endpoint, e.g. `http://127.0.0.1:9515`.
    let baseURL: URL
    /// Where chromedriver's output goes (kept for error messages).
    let logPath: String
    /// The HTTP client that talks to this chromedriver.
    let client: LoopbackHTTPClient

    private let process: Process
    private var stopped = false

    /// The chromedriver binary to use: `CITIZEN_CLOUD_CHROMEDRIVER` if set, else `chromedriver` on `PATH`.
    static var executablePath: String? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment[driverEnvironmentKey], !path.isEmpty {
            return path
        }
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/chromedriver"
            if FileManager.default.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// The Chromium binary named by `CITIZEN_CLOUD_CHROMIUM`, if set; otherwise chromedriver picks its default.
    static var browserPath: String? {
        guard let path = ProcessInfo.processInfo.environment[browserEnvironmentKey], !path.isEmpty else {
            return nil
        }
        return path
    }

    /// Whether an executable chromedriver binary was found, so browser tests can run.
    static var isAvailable: Bool {
        guard let path = executablePath else { return false }
        return FileManager.default.isExecutableFile(atPath: path)
    }

    /// A message explaining why browser tests are skipped, for `.enabled(if:_:)` traits.
    static var unavailableReason: String {
        if let path = ProcessInfo.processInfo.environment[driverEnvironmentKey], !path.isEmpty {
            return "chromedriver at \(driverEnvironmentKey)=\(path) is not executable; browser tests skipped"
        }
        return "chromedriver not found: set \(driverEnvironmentKey) (scripts/test does); browser tests skipped"
    }

    private init(process: Process, port: Int, logPath: String) {
        self.process = process
        self.port = port
        self.baseURL = URL(string: "http://127.0.0.1:\(port)")!
        self.logPath = logPath
        self.client = LoopbackHTTPClient(port: port)
    }

    deinit {
        if process.isRunning {
            process.terminate()
        }
        try? FileManager.default.removeItem(atPath: logPath)
    }

    /// Launches chromedriver on a free loopback port and waits until its `/status` reports ready.
    ///
    /// - Parameters:
    ///   - executablePath: the chromedriver binary; defaults to ``executablePath``.
    ///   - timeout: how long to wait for chromedriver to become ready.
    /// - Throws: ``WebDriverError/driverUnavailable(_:)`` or ``WebDriverError/driverDidNotStart(_:)``.
    static func start(
        executablePath: String? = nil,
        timeout: Duration = .seconds(20)
    ) async throws -> ChromeDriverProcess {
        guard let path = executablePath ?? Self.executablePath,
            FileManager.default.isExecutableFile(atPath: path)
        else {
            throw WebDriverError.driverUnavailable(unavailableReason)
        }
        var lastError: (any Error)?
        // A port found free can be taken before chromedriver binds it: retry with a new one.
        for _ in 0..<3 {
            let port = try freeLoopbackPort()
            let driver = try launch(path: path, port: port)
            do {
                try await driver.waitUntilReady(timeout: timeout)
                return driver
            } catch {
                lastError = error
                await driver.stop()
            }
        }
        throw lastError ?? WebDriverError.driverDidNotStart("chromedriver did not start")
    }

    private static func launch(path: String, port: Int) throws -> ChromeDriverProcess {
        let logPath = FileManager.default.temporaryDirectory
            .appendingPathComponent("chromedriver-\(port)-\(UUID().uuidString).log").path
        guard FileManager.default.createFile(atPath: logPath, contents: nil),
            let log = FileHandle(forWritingAtPath: logPath)
        else {
            throw WebDriverError.driverDidNotStart("cannot create chromedriver log at \(logPath)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--port=\(port)", "--allowed-ips=127.0.0.1"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        do {
            try runWithDefaultSignalMask(process)
        } catch {
            try? log.close()
            throw WebDriverError.driverDidNotStart("cannot launch \(path): \(error)")
        }
        try? log.close()
        return ChromeDriverProcess(process: process, port: port, logPath: logPath)
    }

    /// Polls `GET /status` until chromedriver says it is ready.
    private func waitUntilReady(timeout: Duration) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            guard process.isRunning else {
                throw WebDriverError.driverDidNotStart(
                    "chromedriver exited with status \(process.terminationStatus): \(logTail())")
            }
            if let response = try? await client.send("GET", "/status", timeout: 2),
                response.status == 200,
                let body = try? JSONDecoder().decode(JSONValue.self, from: response.body),
                body["value"]?["ready"]?.boolValue == true
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw WebDriverError.driverDidNotStart(
            "chromedriver not ready on port \(port) after \(timeout): \(logTail())")
    }

    /// The last lines chromedriver wrote, for error messages.
    func logTail(maxCharacters: Int = 2000) -> String {
        guard let data = FileManager.default.contents(atPath: logPath),
            let text = String(data: data, encoding: .utf8)
        else { return "(no output)" }
        let tail = text.suffix(maxCharacters).trimmingCharacters(in: .whitespacesAndNewlines)
        return tail.isEmpty ? "(no output)" : String(tail)
    }

    /// Stops chromedriver: SIGTERM, then SIGKILL if it has not exited within two seconds. Idempotent.
    func stop() async {
        guard !stopped else { return }
        stopped = true
        if process.isRunning {
            process.terminate()
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: .seconds(2))
            while process.isRunning && clock.now < deadline {
                try? await Task.sleep(for: .milliseconds(20))
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                let killDeadline = clock.now.advanced(by: .seconds(2))
                while process.isRunning && clock.now < killDeadline {
                    try? await Task.sleep(for: .milliseconds(20))
                }
            }
        }
        try? FileManager.default.removeItem(atPath: logPath)
    }

    /// Runs `process` with no signals blocked.
    ///
    /// `Foundation.Process` on Linux spawns the child with the calling thread's signal mask, and Swift's
    /// concurrency threads block SIGTERM and SIGINT: a child started from a test would then ignore
    /// `terminate()`. Unblocking on this thread just around the spawn gives the child a clean mask.
    static func runWithDefaultSignalMask(_ process: Process) throws {
        var empty = sigset_t()
        var previous = sigset_t()
        sigemptyset(&empty)
        pthread_sigmask(SIG_SETMASK, &empty, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try process.run()
    }

    /// Whether the chromedriver process is still running.
    var isRunning: Bool { process.isRunning }

    /// Asks the kernel for a free TCP port on 127.0.0.1 by binding port 0.
    static func freeLoopbackPort() throws -> Int {
        #if canImport(Darwin)
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw WebDriverError.driverDidNotStart("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        #if canImport(Darwin)
            address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else { throw WebDriverError.driverDidNotStart("bind() failed: errno \(errno)") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw WebDriverError.driverDidNotStart("getsockname() failed: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A minimal blocking HTTP/1.1 client for a server on 127.0.0.1, run on its own thread per request.
///
/// WebDriver needs only JSON over loopback HTTP. `URLSession` on Linux cannot be used: swift-corelibs-foundation
/// (up to at least Swift 6.3) rejects chromedriver's header lines, which have no space after the colon
/// (`Content-Length:250`), with "Failed writing header" (fixed upstream in swift-corelibs-foundation PR #5527).
struct LoopbackHTTPClient: Sendable {
    /// A response: status code, lower-cased header names, and body.
    struct Response: Sendable {
        /// The HTTP status code.
        let status: Int
        /// Header fields, names lower-cased.
        let headers: [String: String]
        /// The (de-chunked) body.
        let body: Data
    }

    /// The port on 127.0.0.1.
    let port: Int

    /// Sends one request (with `Connection: close`) and returns the whole response.
    func send(_ method: String, _ path: String, body: Data? = nil, timeout: TimeInterval = 60) async throws -> Response
    {
        let port = self.port
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result {
                        try Self.blockingSend(method: method, path: path, body: body, port: port, timeout: timeout)
                    })
            }
            thread.name = "LoopbackHTTPClient"
            thread.start()
        }
    }

    private static func blockingSend(
        method: String,
        path: String,
        body: Data?,
        port: Int,
        timeout: TimeInterval
    ) throws -> Response {
        #if canImport(Darwin)
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #else
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard fd >= 0 else { throw WebDriverError.transport("socket() failed: errno \(errno)") }
        defer { close(fd) }
        var interval = timeval()
        interval.tv_sec = .init(timeout.rounded(.down))
        interval.tv_usec = .init((timeout - timeout.rounded(.down)) * 1_000_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif

        var address = sockaddr_in()
        #if canImport(Darwin)
            address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            throw WebDriverError.transport("cannot connect to 127.0.0.1:\(port): errno \(errno)")
        }

        var request = Data(
            ("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
                + "Accept: application/json\r\n").utf8)
        if let body {
            request.append(
                Data("Content-Type: application/json; charset=utf-8\r\nContent-Length: \(body.count)\r\n\r\n".utf8))
            request.append(body)
        } else {
            request.append(Data(((method == "POST" ? "Content-Length: 0\r\n" : "") + "\r\n").utf8))
        }
        try request.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Darwin)
                    let written = Darwin.send(fd, buffer.baseAddress! + offset, buffer.count - offset, 0)
                #else
                    let written = Glibc.send(
                        fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WebDriverError.transport("send to 127.0.0.1:\(port) failed: errno \(errno)")
                }
                offset += written
            }
        }

        var received = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var headerEnd: Int?
        var contentLength: Int?
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    throw WebDriverError.transport("\(method) \(path) timed out after \(timeout) s")
                }
                throw WebDriverError.transport("recv from 127.0.0.1:\(port) failed: errno \(errno)")
            }
            received.append(contentsOf: chunk[0..<count])
            if headerEnd == nil, let range = received.range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = range.upperBound - received.startIndex
                let head = String(decoding: received.prefix(headerEnd!), as: UTF8.self).lowercased()
                if let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }) {
                    contentLength = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
                }
            }
            if let headerEnd, let contentLength, received.count >= headerEnd + contentLength { break }
        }
        guard let headerEnd else {
            throw WebDriverError.transport("\(method) \(path): incomplete HTTP response (\(received.count) bytes)")
        }
        let bytes = [UInt8](received)
        let lines = String(decoding: bytes[0..<headerEnd], as: UTF8.self).split(separator: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw WebDriverError.transport("\(method) \(path): bad status line \(lines.first ?? "")")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        var payload = Array(bytes[headerEnd...])
        if let contentLength, payload.count > contentLength { payload = Array(payload.prefix(contentLength)) }
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            payload = try dechunk(payload)
        }
        return Response(status: status, headers: headers, body: Data(payload))
    }

    private static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = (index..<(bytes.count - 1)).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 })
            else {
                break
            }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw WebDriverError.transport("bad chunk size \(sizeText)")
            }
            if size == 0 { break }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { throw WebDriverError.transport("truncated chunk") }
            output.append(contentsOf: bytes[start..<(start + size)])
            index = start + size + 2
        }
        return output
    }
}
