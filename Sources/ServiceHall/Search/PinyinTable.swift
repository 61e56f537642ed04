import Foundation

/// The toneless pinyin readings of every GB 2312 hanzi (and every hanzi of the shipped catalog), generated at
/// authoring time by `scripts/catalog/build-pinyin.py` from pypinyin and shipped as `pinyin.tsv`.
///
/// All readings of a heteronym are kept (行: hang, heng, xing), and search accepts any of them, so 银行 and 出行
/// both match without a phrase dictionary.
public enum PinyinTable {
    /// Character → readings, loaded once.
    public static let readings: [Character: [String]] = {
        guard let url = Bundle.module.url(forResource: "pinyin", withExtension: "tsv"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [:] }
        var table: [Character: [String]] = [:]
        table.reserveCapacity(7000)
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let character = parts[0].first else { continue }
            table[character] = parts[1].split(separator: " ").map(String.init)
        }
        return table
    }()

    /// The readings of each position of `text`: a hanzi's pinyin, a letter or digit as itself (lower-cased);
    /// other characters (spaces, punctuation) are left out.
    public static func syllables(of text: String) -> [[String]] {
        var out: [[String]] = []
        for character in text {
            if let readings = self.readings[character] {
                out.append(readings)
            } else if character.isASCII, character.isLetter || character.isNumber {
                out.append([character.lowercased()])
            }
        }
        return out
    }
}
