import HTTPTypes

/// Checks text that other people will see (names above all) for characters that can disguise it: bidirectional
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what follows them, and long runs of
/// combining marks ("Zalgo" text), which pile up over and under a line.
public enum DisplayText {
    /// What is wrong with a text.
    public enum Defect: String, Sendable, Equatable {
        /// A bidirectional embedding, override or isolate.
        case bidiControl = "bidi_control"
        /// More than ``maximumCombiningRun`` combining marks on one character.
        case combiningRun = "combining_run"
    }

    /// Combining marks allowed on one base character (Vietnamese needs two, some scripts three).
    public static let maximumCombiningRun = 3

    /// The first defect of `text`, nil when it is clean.
    public static func defect(_ text: String) -> Defect? {
        var run = 0
        for scalar in text.unicodeScalars {
            if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
                return .bidiControl
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                run += 1
                if run > Self.maximumCombiningRun { return .combiningRun }
            default:
                run = 0
            }
        }
        return nil
    }

    /// Throws 400 `invalid_text` naming `field` when `text` has a defect.
    public static func require(_ text: String, field: String) throws {
        guard let defect = Self.defect(text) else { return }
        let (zh, en) =
            switch defect {
            case .bidiControl:
                (
                    "“\(field)”含有改变文字方向的控制字符（U+202A–U+202E、U+2066–U+2069）。",
                    "'\(field)' contains bidirectional control characters (U+202A–U+202E, U+2066–U+2069)."
                )
            case .combiningRun:
                ("“\(field)”的一个字上叠加了过多的组合符号。", "'\(field)' stacks too many combining marks on one character.")
            }
        throw Problem(
            .badRequest, code: "invalid_text", zh: zh, en: en, extensions: ["field": field, "reason": defect.rawValue])
    }
}
