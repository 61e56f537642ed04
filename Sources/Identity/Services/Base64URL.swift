import Foundation

/// base64url without padding (RFC 7515 §2), as JWS uses it.
///
/// Written out rather than built on Foundation's base64 plus string replacement: tokens are encoded and decoded on
/// every grant and every uncached token check, and the replacements cost several times the encoding itself.
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    /// The 6-bit value of each byte, 0xFF for bytes outside the alphabet.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in Self.alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()

    static func encode<D: DataProtocol>(_ data: D) -> String {
        let bytes = Array(data)
        let alphabet = Self.alphabet
        let count = (bytes.count * 8 + 5) / 6
        return String(unsafeUninitializedCapacity: count) { output in
            var out = 0
            var index = 0
            while index + 3 <= bytes.count {
                let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
                output[out] = alphabet[Int(chunk >> 18 & 63)]
                output[out + 1] = alphabet[Int(chunk >> 12 & 63)]
                output[out + 2] = alphabet[Int(chunk >> 6 & 63)]
                output[out + 3] = alphabet[Int(chunk & 63)]
                out += 4
                index += 3
            }
            let rest = bytes.count - index
            if rest > 0 {
                let chunk = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
                output[out] = alphabet[Int(chunk >> 18 & 63)]
                output[out + 1] = alphabet[Int(chunk >> 12 & 63)]
                out += 2
                if rest == 2 {
                    output[out] = alphabet[Int(chunk >> 6 & 63)]
                    out += 1
                }
            }
            return out
        }
    }

    /// The bytes of base64url text (padding tolerated); nil for any other character or an impossible length.
    static func decode(_ text: some StringProtocol) -> Data? {
        var bytes = Array(text.utf8)
        while bytes.last == UInt8(ascii: "=") { bytes.removeLast() }
        guard bytes.count % 4 != 1 else { return nil }
        let values = Self.values
        var output = Data(capacity: bytes.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            let value = values[Int(byte)]
            guard value != 0xFF else { return nil }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return output
    }
}

/// Random values for tokens, ids and secrets.
enum RandomToken {
    /// `bytes` random bytes as base64url (32 bytes → 43 characters).
    static func make(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        var random = [UInt8](repeating: 0, count: bytes)
        var index = 0
        while index < bytes {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) where index < bytes {
                random[index] = UInt8(truncatingIfNeeded: word >> UInt64(shift))
                index += 1
            }
        }
        return Base64URL.encode(random)
    }
}
