import Crypto
import Foundation

/// Encrypts personal data (ID numbers, phone numbers) at rest with AES-256-GCM, and derives keyed look-up hashes.
///
/// Ciphertext layout: one key-id byte, then AES-GCM's combined form (12-byte nonce, ciphertext, 16-byte tag), so
/// rows written under an old key stay readable after rotation. Look-up hashes are HMAC-SHA256 under a separate key
/// derived from the first key, so equal values can be found (and uniqueness enforced) without decrypting.
public struct PersonalDataCipher: Sendable {
    // Raw key bytes: `SymmetricKey` is not `Sendable`, and building one from bytes costs next to nothing.
    private let keys: [UInt8: [UInt8]]
    private let currentKeyID: UInt8
    private let lookupKey: [UInt8]

    /// Why ciphertext could not be opened.
    public enum Failure: Error, Sendable {
        case unknownKey(UInt8)
        case corrupt
    }

    /// A cipher over a keyring; `current` encrypts, every key decrypts.
    public init(keys: [UInt8: SymmetricKey], current: UInt8) {
        precondition(keys[current] != nil, "the current key must be in the keyring")
        self.keys = keys.mapValues { key in key.withUnsafeBytes { Array($0) } }
        self.currentKeyID = current
        let root = keys[keys.keys.min()!]!
        self.lookupKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: root, info: Data("citizen-cloud lookup v1".utf8), outputByteCount: 32
        ).withUnsafeBytes { Array($0) }
    }

    /// Encrypts a value under the current key.
    public func seal(_ plaintext: String) -> [UInt8] {
        // AES-GCM with a random 96-bit nonce; sealing cannot fail for a 256-bit key.
        let box = try! AES.GCM.seal(Data(plaintext.utf8), using: SymmetricKey(data: self.keys[self.currentKeyID]!))
        var out: [UInt8] = [self.currentKeyID]
        out.append(contentsOf: box.combined!)
        return out
    }

    /// Decrypts a value sealed under any key of the keyring.
    public func open(_ ciphertext: [UInt8]) throws(Failure) -> String {
        guard let keyID = ciphertext.first else { throw .corrupt }
        guard let key = self.keys[keyID] else { throw .unknownKey(keyID) }
        do {
            let box = try AES.GCM.SealedBox(combined: ciphertext.dropFirst())
            let data = try AES.GCM.open(box, using: SymmetricKey(data: key))
            guard let text = String(data: data, encoding: .utf8) else { throw Failure.corrupt }
            return text
        } catch {
            throw .corrupt
        }
    }

    /// A 256-bit key for `purpose` (`"cursor v1"`), derived with HKDF from the keyring's first key like the look-up
    /// key: the same on every node that shares the key file, and unchanged by key rotation.
    public func derivedKey(purpose: String) -> [UInt8] {
        let root = SymmetricKey(data: self.keys[self.keys.keys.min()!]!)
        return HKDF<SHA256>.deriveKey(
            inputKeyMaterial: root, info: Data("citizen-cloud \(purpose)".utf8), outputByteCount: 32
        ).withUnsafeBytes { Array($0) }
    }

    /// A keyed, deterministic hash for finding a value (hex, 32 characters).
    public func lookupHash(_ value: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(value.utf8), using: SymmetricKey(data: self.lookupKey))
        return mac.prefix(16).hexString
    }

    /// Loads the keyring from a file of `id:base64key` lines (the last line is current), creating the file with
    /// one fresh key when it does not exist.
    public static func loadOrCreate(keyFile path: String) throws -> PersonalDataCipher {
        if !FileManager.default.fileExists(atPath: path) {
            let key = SymmetricKey(size: .bits256)
            let line = "1:" + key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            let created = FileManager.default.createFile(
                atPath: path, contents: Data(line.utf8), attributes: [.posixPermissions: 0o600])
            guard created else { throw KeyFileError(path: path, reason: "cannot create the key file") }
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var keys: [UInt8: SymmetricKey] = [:]
        var current: UInt8?
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let id = UInt8(parts[0]), let data = Data(base64Encoded: String(parts[1])),
                data.count == 32
            else {
                throw KeyFileError(path: path, reason: "each line must be ID:BASE64 with a 32-byte key")
            }
            keys[id] = SymmetricKey(data: data)
            current = id
        }
        guard let current else { throw KeyFileError(path: path, reason: "the key file has no key") }
        return PersonalDataCipher(keys: keys, current: current)
    }
}

/// A key file that cannot be used.
public struct KeyFileError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(self.path): \(self.reason)" }
}

extension PersonalDataCipher {
    /// A cipher with one fresh key that lives only in memory (for wiring that never stores personal data).
    public static func ephemeral() -> PersonalDataCipher {
        PersonalDataCipher(keys: [1: SymmetricKey(size: .bits256)], current: 1)
    }
}
