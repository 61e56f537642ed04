extension Sequence<UInt8> {
    /// The bytes as lower-case hexadecimal, two digits each.
    ///
    /// Written out by hand: `String(format: "%02x")` per byte showed up as most of the demo seed's profile.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(self.underestimatedCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
