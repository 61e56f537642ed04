/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the 31-character alphabet
/// `0-9 A-H J-N P-R T-U W-Y`, the last a check character over the first 17.
public enum CreditCode {
    /// The alphabet in value order (I, O, Z, S and V are not used).
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// The weight of each of the first 17 positions (3^i mod 31).
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// Why a code is refused.
    public enum Refusal: Error, Equatable, Sendable {
        case length
        case character(position: Int)
        case checkCharacter(expected: Character)
    }

    /// The code in upper case when it is valid, else the refusal.
    public static func validate(_ text: String) -> Result<String, Refusal> {
        let code = Array(text.uppercased())
        guard code.count == 18 else { return .failure(.length) }
        var values: [Int] = []
        for (position, character) in code.enumerated() {
            guard let value = self.alphabet.firstIndex(of: character) else {
                return .failure(.character(position: position + 1))
            }
            values.append(value)
        }
        let sum = zip(values.prefix(17), self.weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = (31 - sum % 31) % 31
        guard values[17] == check else { return .failure(.checkCharacter(expected: self.alphabet[check])) }
        return .success(String(code))
    }
}

extension CreditCode {
    /// The full code for 17 valid characters (appends the check character); nil when a character is not allowed.
    public static func complete(_ body: String) -> String? {
        let characters = Array(body.uppercased())
        guard characters.count == 17 else { return nil }
        var sum = 0
        for (character, weight) in zip(characters, self.weights) {
            guard let value = self.alphabet.firstIndex(of: character) else { return nil }
            sum += value * weight
        }
        return String(characters) + String(self.alphabet[(31 - sum % 31) % 31])
    }
}
