/// The region rule for ID numbers at registration.
///
/// The region of an ID number is where it was first issued and never changes, so it is often a code that no longer
/// exists (成都's 双流县 510122 became 双流区 510116). Checking it against today's divisions would refuse real people;
/// instead the rule checks that the code is plausible: a province-level prefix of GB/T 2260 (`11`–`82`), a
/// prefecture part of `01`–`70` or `90` (directly administered), and a county part that is not `00` unless the
/// prefecture part is (as on cards issued at prefecture level, `510100`).
public enum RegionCode {
    /// Province-level prefixes of GB/T 2260.
    static let provinces: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
        "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
    ]

    /// Whether `region` (6 digits) is a plausible issuing region.
    public static func isPlausible(_ region: String) -> Bool {
        guard region.utf8.count == 6, region.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        let digits = Array(region)
        guard self.provinces.contains(String(digits[0..<2])) else { return false }
        guard let prefecture = Int(String(digits[2..<4])), let county = Int(String(digits[4..<6])) else {
            return false
        }
        guard (1...70).contains(prefecture) || prefecture == 90 else { return false }
        return county >= 0
    }
}
