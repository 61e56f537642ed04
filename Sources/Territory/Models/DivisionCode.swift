/// Rules of the hierarchical division codes, the basis of every territorial authorization check.
///
/// A street code starts with its district's code and a community code with its street's, so "inside" is a prefix
/// test. The city (`510100`) is the exception: its districts share only its first four digits (`5101xx`).
public enum DivisionCode {
    /// The prefix every code inside `code` (and `code` itself) starts with.
    public static func scopePrefix(of code: String, level: DivisionLevel) -> String {
        level == .city ? String(code.prefix(4)) : code
    }

    /// Whether `code` lies inside the subtree rooted at `root` (a node is inside its own subtree).
    public static func contains(root: String, rootLevel: DivisionLevel, code: String) -> Bool {
        code.hasPrefix(self.scopePrefix(of: root, level: rootLevel))
    }

    /// Whether `code` is all digits and of a length some level uses.
    public static func isWellFormed(_ code: String) -> Bool {
        [6, 9, 12].contains(code.utf8.count) && code.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The level a well-formed code's length implies (6 digits is a district unless it ends in `00`).
    public static func impliedLevel(of code: String) -> DivisionLevel? {
        guard self.isWellFormed(code) else { return nil }
        switch code.utf8.count {
        case 6: return code.hasSuffix("00") ? .city : .district
        case 9: return .street
        default: return .community
        }
    }

    /// The codes of the divisions above `code`, from the city down, derived from the code itself.
    ///
    /// Exact because the importer only accepts trees where codes nest and the city's code is its four-digit
    /// prefix followed by `00`.
    public static func ancestorCodes(of code: String) -> [String] {
        guard let level = self.impliedLevel(of: code), level != .city else { return [] }
        let city = String(code.prefix(4)) + "00"
        switch level {
        case .district: return [city]
        case .street: return [city, String(code.prefix(6))]
        default: return [city, String(code.prefix(6)), String(code.prefix(9))]
        }
    }
}
