/// Promised times count working days (Monday to Friday) in China Standard Time (UTC+8, no daylight saving).
///
/// Public holidays and the weekend days swapped around them are not modelled here: a promise may end up to a few
/// days earlier than the official calendar would say, never later. ``WorkingCalendar`` adds them as data.
public enum WorkingDays {
    static let offset: Int64 = CityClock.offset
    static let day: Int64 = 86_400

    /// The local day number (days since 1970-01-01 in UTC+8) of a Unix time.
    public static func dayNumber(of time: Int64) -> Int64 {
        Self.floorDivide(time + Self.offset, Self.day)
    }

    /// Whether a local day number falls on Saturday or Sunday (1970-01-01 was a Thursday).
    public static func isWeekend(_ dayNumber: Int64) -> Bool {
        let weekday = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday … 6 = Sunday
        return weekday >= 5
    }

    /// The deadline of a promise of `days` working days made at `time`: the end (local midnight) of the
    /// `days`-th working day after the day of `time`.
    public static func deadline(after time: Int64, workingDays days: Int) -> Int64 {
        WorkingCalendar.weekdays.deadline(after: time, workingDays: days)
    }

    /// The Unix time at which local day number `dayNumber` begins.
    public static func start(ofDay dayNumber: Int64) -> Int64 { dayNumber * Self.day - Self.offset }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}
