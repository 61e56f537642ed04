import Platform
import Testing

@Suite("City clock")
struct CityClockTests {
    @Test("local dates and times in China Standard Time, zero-padded, across day and year boundaries")
    func formats() {
        // 2025-03-01T01:30:05Z is 09:30:05 in Chengdu.
        let morning: Int64 = 1_740_792_605
        #expect(CityClock.rfc3339(morning) == "2025-03-01T09:30:05+08:00")
        #expect(CityClock.localDate(morning) == "2025-03-01")
        #expect(CityClock.localDateTime(morning) == "2025-03-01 09:30")
        #expect(CityClock.localTime(morning) == "09:30")
        // 1970-01-01T16:00:00Z is already 1970-01-02 00:00 local.
        #expect(CityClock.rfc3339(16 * 3600) == "1970-01-02T00:00:00+08:00")
        #expect(CityClock.rfc3339(0) == "1970-01-01T08:00:00+08:00")
        // 2026-12-31T15:59:59Z is the last second of the local year.
        #expect(CityClock.rfc3339(1_798_732_799) == "2026-12-31T23:59:59+08:00")
        #expect(CityClock.localDate(1_798_732_800) == "2027-01-01")
        for text in ["2024-02-29", "2025-12-31", "2000-01-01"] {
            #expect(CityClock.startOfDay(text).map(CityClock.localDate) == text)
        }
        #expect(CityClock.startOfDay("2025-02-30") == nil)
    }
}
