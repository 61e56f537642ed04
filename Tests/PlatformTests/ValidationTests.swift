import Platform
import Testing

@Suite("Validation of people's data")
struct ValidationTests {
    @Test("birth dates after today or before 1900 fail the ID number check")
    func birthDates() throws {
        let now = CityClock.startOfDay("2026-12-03")!
        let today = IDNumber(region: "510104", year: 2026, month: 12, day: 3, sequence: 1)
        #expect(try IDNumber(validating: today.value, now: now) == today)
        for (year, month, day) in [(2026, 12, 4), (2027, 1, 1), (2999, 1, 1), (9999, 12, 31), (1899, 12, 31)] {
            let number = IDNumber(region: "510104", year: year, month: month, day: day, sequence: 1)
            #expect(throws: IDNumber.Invalid.birthDate, "\(year)-\(month)-\(day)") {
                try IDNumber(validating: number.value, now: now)
            }
        }
        let oldest = IDNumber(region: "510104", year: 1900, month: 1, day: 1, sequence: 1)
        #expect(try IDNumber(validating: oldest.value, now: now) == oldest)
    }

    @Test("bidi controls and piles of combining marks are refused in names; ordinary names pass")
    func displayText() {
        for name in ["张三", "Nguyễn Văn An", "José", "Zoë", "阿卜杜拉·买买提", "O'Brien-Smith"] {
            #expect(DisplayText.defect(name) == nil, "\(name)")
        }
        for name in ["张\u{202E}三", "a\u{202A}b", "\u{2066}x\u{2069}", "x\u{202D}"] {
            #expect(DisplayText.defect(name) == .bidiControl, "\(name.unicodeScalars.map(\.value))")
        }
        #expect(DisplayText.defect("Z\u{0351}\u{0352}\u{0353}\u{0354}a") == .combiningRun)
        #expect(DisplayText.defect("a\u{0301}\u{0302}\u{0303}") == nil)
        #expect(throws: (any Error).self) { try DisplayText.require("a\u{202E}b", field: "name") }
    }
}
