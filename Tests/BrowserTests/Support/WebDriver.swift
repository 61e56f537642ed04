import Foundation

/// An error from the WebDriver client, chromedriver or the browser.
enum WebDriverError: Error, CustomStringConvertible, Sendable {
    /// No usable chromedriver binary was found.
    case driverUnavailable(String)
    /// chromedriver was launched but did not become ready.
    case driverDidNotStart(String)
    /// A command failed; `error` and `message` come from the W3C error payload (e.g. `no such element`).
    case commandFailed(command: String, status: Int, error: String, message: String)
    /// The HTTP exchange with chromedriver failed (connection refused, timeout, malformed response).
    case transport(String)
    /// The response was not the JSON the protocol promises.
    case invalidResponse(command: String, detail: String)
    /// A ``WebDriver/waitFor(_:timeout:condition:)`` condition did not hold in time.
    case timeout(String)

    /// The W3C error code (e.g. `no such element`), if this is a command failure.
    var errorCode: String? {
        if case .commandFailed(_, _, let error, _) = self { return error }
        return nil
    }

    var description: String {
        switch self {
        case .driverUnavailable(let message):
            return "WebDriver unavailable: \(message)"
        case .driverDidNotStart(let message):
            return "chromedriver did not start: \(message)"
        case .commandFailed(let command, let status, let error, let message):
            return "WebDriver \(command) failed (HTTP \(status), \(error)): \(message)"
        case .transport(let message):
            return "WebDriver transport error: \(message)"
        case .invalidResponse(let command, let detail):
            return "WebDriver \(command) returned an invalid response: \(detail)"
        case .timeout(let message):
            return "WebDriver timed out: \(message)"
        }
    }
}

/// A JSON value as WebDriver sends and receives it (script results, capabilities, payloads).
enum JSONValue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `null` (also JavaScript `undefined`).
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Any JSON number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// The member of an object, or nil.
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The element of an array, or nil when out of range or not an array.
    subscript(index: Int) -> JSONValue? {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return nil
    }

    /// The string, if this is one.
    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number, if this is one.
    var doubleValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The number as an integer, if this is a whole number.
    var intValue: Int? {
        if case .number(let value) = self, let integer = Int(exactly: value) { return integer }
        return nil
    }

    /// The boolean, if this is one.
    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, if this is an object.
    var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Whether this is `null`.
    var isNull: Bool { self == .null }

    var description: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self), let text = String(data: data, encoding: .utf8) else {
            return "\(self)"
        }
        return text
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
    init(floatLiteral value: Double) { self = .number(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    init(nilLiteral: ()) { self = .null }
}

/// The browser window size a session starts with.
enum BrowserViewport: Sendable, Hashable {
    /// A phone: 412×915 CSS pixels with touch, via chromedriver's mobile emulation (the default).
    case phone
    /// A laptop/desktop: 1366×900.
    case desktop
    /// Any window size (Chromium's minimum window width is 500; use ``phone`` for narrower).
    case custom(width: Int, height: Int)

    /// Width and height in pixels.
    var size: (width: Int, height: Int) {
        switch self {
        case .phone: return (412, 915)
        case .desktop: return (1366, 900)
        case .custom(let width, let height): return (width, height)
        }
    }
}

/// A W3C WebDriver session on headless Chromium, driven through its own chromedriver child process.
///
/// Prefer ``withSession(viewport:_:)``, which always quits the browser and stops chromedriver,
/// also when the body throws:
///
/// ```swift
/// try await WebDriver.withSession { browser in
///     try await browser.navigate(to: URL(string: "http://127.0.0.1:8080/")!)
///     let heading = try await browser.findElement(css: "h1").text
/// }
/// ```
final class WebDriver: Sendable {
    /// The chromedriver process this session belongs to.
    let driver: ChromeDriverProcess
    /// The WebDriver session id.
    let sessionID: String
    /// The viewport the session was started with.
    let viewport: BrowserViewport

    private let sessionPath: String

    /// Whether browser tests can run here (chromedriver found); see ``ChromeDriverProcess/isAvailable``.
    static var isAvailable: Bool { ChromeDriverProcess.isAvailable }

    /// Why browser tests are skipped when ``isAvailable`` is false.
    static var unavailableReason: String { ChromeDriverProcess.unavailableReason }

    private init(driver: ChromeDriverProcess, sessionID: String, viewport: BrowserViewport) {
        self.driver = driver
        self.sessionID = sessionID
        self.viewport = viewport
        self.sessionPath = "/session/\(sessionID)"
    }

    /// Starts chromedriver and a headless Chromium session.
    ///
    /// The caller must call ``quit()``; ``withSession(viewport:extraArguments:_:)`` does that for you.
    /// - Parameters:
    ///   - viewport: the window size (phone by default).
    ///   - extraArguments: more Chromium command-line switches.
    static func start(viewport: BrowserViewport = .phone, extraArguments: [String] = []) async throws -> WebDriver {
        let driver = try await ChromeDriverProcess.start()
        let size = viewport.size
        var chromeOptions: [String: JSONValue] = [
            "args": .array(
                [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=\(size.width),\(size.height)", "--no-first-run", "--no-default-browser-check",
                    "--disable-extensions",
                ].map { JSONValue.string($0) } + extraArguments.map { JSONValue.string($0) })
        ]
        if viewport == .phone {
            // Headless Chromium will not make a window narrower than 500 px, so a phone is emulated:
            // 412×915 CSS px viewport, touch events, device pixel ratio 1 (screenshots are 412 px wide).
            chromeOptions["mobileEmulation"] = [
                "deviceMetrics": [
                    "width": .number(Double(size.width)), "height": .number(Double(size.height)),
                    "pixelRatio": 1, "touch": true, "mobile": true,
                ]
            ]
        }
        if let binary = ChromeDriverProcess.browserPath {
            chromeOptions["binary"] = .string(binary)
        }
        let capabilities: JSONValue = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "pageLoadStrategy": "normal",
                    "goog:chromeOptions": .object(chromeOptions),
                ]
            ]
        ]
        do {
            let value = try await send(
                "POST", "/session", body: capabilities, command: "new session", client: driver.client)
            guard let sessionID = value["sessionId"]?.stringValue else {
                throw WebDriverError.invalidResponse(command: "new session", detail: "no sessionId in \(value)")
            }
            return WebDriver(driver: driver, sessionID: sessionID, viewport: viewport)
        } catch {
            let log = await driver.logTail()
            await driver.stop()
            if case .commandFailed(let command, let status, let code, let message) = error as? WebDriverError {
                throw WebDriverError.commandFailed(
                    command: command, status: status, error: code, message: "\(message)\nchromedriver log: \(log)")
            }
            throw error
        }
    }

    /// Runs `body` with a fresh browser session, then quits it and stops chromedriver, whether `body`
    /// returns or throws.
    static func withSession<Result: Sendable>(
        viewport: BrowserViewport = .phone,
        extraArguments: [String] = [],
        _ body: (WebDriver) async throws -> Result
    ) async throws -> Result {
        let browser = try await start(viewport: viewport, extraArguments: extraArguments)
        let result: Result
        do {
            result = try await body(browser)
        } catch {
            await browser.quit()
            throw error
        }
        await browser.quit()
        return result
    }

    /// Deletes the session (closing Chromium) and stops chromedriver. Never throws; safe to call twice.
    func quit() async {
        _ = try? await command("DELETE", "", timeout: 10)
        await driver.stop()
    }

    /// Same as ``quit()``: WebDriver's name for it.
    func deleteSession() async {
        await quit()
    }

    // MARK: Navigation

    /// Loads `url` and waits for the page load to finish.
    func navigate(to url: URL) async throws {
        _ = try await command("POST", "url", body: ["url": .string(url.absoluteString)])
    }

    /// Loads the URL string `url`.
    func navigate(to url: String) async throws {
        _ = try await command("POST", "url", body: ["url": .string(url)])
    }

    /// The URL of the current page.
    var currentURL: URL {
        get async throws {
            let value = try await command("GET", "url")
            guard let text = value.stringValue, let url = URL(string: text) else {
                throw WebDriverError.invalidResponse(command: "get current url", detail: "\(value)")
            }
            return url
        }
    }

    /// The current page's `<title>`.
    var title: String {
        get async throws {
            try await string(from: command("GET", "title"), command: "get title")
        }
    }

    /// The current page's HTML as the browser serialises it.
    var pageSource: String {
        get async throws {
            try await string(from: command("GET", "source"), command: "get page source")
        }
    }

    /// Goes back in history.
    func back() async throws {
        _ = try await command("POST", "back", body: [:])
    }

    /// Reloads the page.
    func refresh() async throws {
        _ = try await command("POST", "refresh", body: [:])
    }

    /// Resizes the window, e.g. to switch between phone and desktop layouts in one session.
    func setWindowSize(width: Int, height: Int) async throws {
        _ = try await command(
            "POST", "window/rect", body: ["width": .number(Double(width)), "height": .number(Double(height))])
    }

    // MARK: Elements

    /// The first element matching the CSS selector; throws `no such element` if none does.
    func findElement(css selector: String) async throws -> WebElement {
        let value = try await command("POST", "element", body: ["using": "css selector", "value": .string(selector)])
        return try element(from: value, command: "find element \(selector)")
    }

    /// All elements matching the CSS selector (possibly none).
    func findElements(css selector: String) async throws -> [WebElement] {
        let value = try await command("POST", "elements", body: ["using": "css selector", "value": .string(selector)])
        guard let array = value.arrayValue else {
            throw WebDriverError.invalidResponse(command: "find elements \(selector)", detail: "\(value)")
        }
        return try array.map { try element(from: $0, command: "find elements \(selector)") }
    }

    /// Polls until an element matches the selector, for pages that update after load.
    func waitForElement(css selector: String, timeout: Duration = .seconds(5)) async throws -> WebElement {
        var found: WebElement?
        try await waitFor("element \(selector)", timeout: timeout) {
            found = try await self.findElements(css: selector).first
            return found != nil
        }
        return found!
    }

    /// Polls `condition` every 50 ms until it returns true; throws ``WebDriverError/timeout(_:)`` after `timeout`.
    func waitFor(
        _ what: String,
        timeout: Duration = .seconds(5),
        condition: () async throws -> Bool
    ) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if try await condition() { return }
            guard clock.now < deadline else { throw WebDriverError.timeout("\(what) after \(timeout)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    // MARK: Scripts and screenshots

    /// Runs synchronous JavaScript (a function body: use `return`) and returns its JSON result.
    @discardableResult
    func executeScript(_ script: String, arguments: [JSONValue] = []) async throws -> JSONValue {
        try await command("POST", "execute/sync", body: ["script": .string(script), "args": .array(arguments)])
    }

    /// A PNG screenshot of the viewport.
    func screenshot() async throws -> Data {
        let value = try await command("GET", "screenshot")
        guard let base64 = value.stringValue, let data = Data(base64Encoded: base64) else {
            throw WebDriverError.invalidResponse(command: "take screenshot", detail: "not base64 PNG data")
        }
        return data
    }

    /// Takes a screenshot and writes it to `path` (handy when a test fails: look at the page).
    func saveScreenshot(to path: String) async throws {
        try await screenshot().write(to: URL(fileURLWithPath: path))
    }

    // MARK: Protocol plumbing

    fileprivate func command(
        _ method: String,
        _ path: String,
        body: JSONValue? = nil,
        timeout: TimeInterval? = nil
    ) async throws -> JSONValue {
        return try await Self.send(
            method, path.isEmpty ? sessionPath : "\(sessionPath)/\(path)", body: body,
            command: "\(method) /\(path)", client: driver.client, timeout: timeout ?? 60)
    }

    private static func send(
        _ method: String,
        _ path: String,
        body: JSONValue?,
        command: String,
        client: LoopbackHTTPClient,
        timeout: TimeInterval = 60
    ) async throws -> JSONValue {
        let response = try await client.send(
            method, path, body: try body.map { try JSONEncoder().encode($0) }, timeout: timeout)
        let data = response.body
        let status = response.status
        let decoded: JSONValue
        do {
            decoded = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            let text = String(decoding: data.prefix(500), as: UTF8.self)
            throw WebDriverError.invalidResponse(command: command, detail: "HTTP \(status): \(text)")
        }
        let value = decoded["value"] ?? .null
        if !(200..<300).contains(status) || value["error"]?.stringValue != nil {
            throw WebDriverError.commandFailed(
                command: command,
                status: status,
                error: value["error"]?.stringValue ?? "unknown error",
                message: value["message"]?.stringValue ?? "\(decoded)")
        }
        return value
    }

    private func string(from value: JSONValue, command: String) throws -> String {
        guard let text = value.stringValue else {
            throw WebDriverError.invalidResponse(command: command, detail: "expected a string, got \(value)")
        }
        return text
    }

    private func element(from value: JSONValue, command: String) throws -> WebElement {
        guard let id = value[WebElement.identifierKey]?.stringValue else {
            throw WebDriverError.invalidResponse(command: command, detail: "no element reference in \(value)")
        }
        return WebElement(id: id, browser: self)
    }
}

/// A reference to an element on the current page of a ``WebDriver`` session.
struct WebElement: Sendable {
    /// The W3C key under which element references are sent.
    static let identifierKey = "element-6066-11e4-a52e-4f735466cecf"

    /// The element reference id.
    let id: String
    /// The session the element belongs to.
    let browser: WebDriver

    /// This element as a script argument for ``WebDriver/executeScript(_:arguments:)``.
    var jsonReference: JSONValue { [Self.identifierKey: .string(id)] }

    /// The rendered (visible) text.
    var text: String {
        get async throws {
            let value = try await browser.command("GET", "element/\(id)/text")
            guard let text = value.stringValue else {
                throw WebDriverError.invalidResponse(command: "get element text", detail: "\(value)")
            }
            return text
        }
    }

    /// The tag name, lower-cased.
    var tagName: String {
        get async throws {
            try await browser.command("GET", "element/\(id)/name").stringValue?.lowercased() ?? ""
        }
    }

    /// Whether the element is displayed.
    var isDisplayed: Bool {
        get async throws {
            try await browser.command("GET", "element/\(id)/displayed").boolValue ?? false
        }
    }

    /// Clicks the element (scrolling it to the middle of the window first, as a person would, so the fixed tab bar
    /// at the bottom of a phone page does not cover it); throws if it is hidden or covered.
    func click() async throws {
        _ = try await browser.executeScript(
            "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", arguments: [self.jsonReference])
        _ = try await browser.command("POST", "element/\(id)/click", body: [:])
    }

    /// Types `text` into the element.
    func sendKeys(_ text: String) async throws {
        _ = try await browser.command("POST", "element/\(id)/value", body: ["text": .string(text)])
    }

    /// Empties an input or textarea.
    func clear() async throws {
        _ = try await browser.command("POST", "element/\(id)/clear", body: [:])
    }

    /// The attribute `name` (or nil if absent), e.g. `href` or `aria-current`.
    func attribute(_ name: String) async throws -> String? {
        let value = try await browser.command("GET", "element/\(id)/attribute/\(name)")
        return value.stringValue
    }

    /// The DOM property `name`, e.g. `value` of an input or `checked` of a checkbox.
    func property(_ name: String) async throws -> JSONValue {
        try await browser.command("GET", "element/\(id)/property/\(name)")
    }

    /// The first descendant matching the CSS selector.
    func findElement(css selector: String) async throws -> WebElement {
        let value = try await browser.command(
            "POST", "element/\(id)/element", body: ["using": "css selector", "value": .string(selector)])
        guard let child = value[Self.identifierKey]?.stringValue else {
            throw WebDriverError.invalidResponse(command: "find element \(selector)", detail: "\(value)")
        }
        return WebElement(id: child, browser: browser)
    }

    /// All descendants matching the CSS selector.
    func findElements(css selector: String) async throws -> [WebElement] {
        let value = try await browser.command(
            "POST", "element/\(id)/elements", body: ["using": "css selector", "value": .string(selector)])
        return (value.arrayValue ?? []).compactMap {
            $0[Self.identifierKey]?.stringValue.map { WebElement(id: $0, browser: browser) }
        }
    }
}
