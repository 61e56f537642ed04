/// The city's working calendar: Monday to Friday in UTC+8, corrected by data — public holidays that fall on
/// weekdays (`holidays`) and the weekend days worked in exchange (`workdays`, 调休), both as local day numbers
/// (``WorkingDays/dayNumber(of:)``).
///
/// The State Council publishes each year's holidays in December; a context that promises deadlines keeps them as
/// rows and builds its calendar from them, so a new year needs data, not code.
public struct WorkingCalendar: Sendable, Equatable {
    /// Weekdays that are days off.
    public let holidays: Set<Int64>
    /// Weekend days that are working days.
    public let workdays: Set<Int64>

    /// Monday to Friday, without holidays.
    public static let weekdays = WorkingCalendar(holidays: [], workdays: [])

    public init(holidays: Set<Int64>, workdays: Set<Int64>) {
        self.holidays = holidays
        self.workdays = workdays
    }

    /// A calendar from local dates (`YYYY-MM-DD`); dates that are not real are ignored.
    public init(holidayDates: [String], workdayDates: [String]) {
        func days(_ dates: [String]) -> Set<Int64> {
            Set(dates.compactMap { CityClock.startOfDay($0).map { WorkingDays.dayNumber(of: $0) } })
        }
        self.init(holidays: days(holidayDates), workdays: days(workdayDates))
    }

    /// Whether the local day number is a working day.
    public func isWorkingDay(_ dayNumber: Int64) -> Bool {
        if self.workdays.contains(dayNumber) { return true }
        if self.holidays.contains(dayNumber) { return false }
        return !WorkingDays.isWeekend(dayNumber)
    }

    /// The end (local midnight) of the `days`-th working day after the day of `time`; with `days` 0, the end of
    /// the day of `time` (the same-day promise of urgent cases).
    public func deadline(after time: Int64, workingDays days: Int) -> Int64 {
        var current = WorkingDays.dayNumber(of: time)
        var remaining = max(days, 0)
        while remaining > 0 {
            current += 1
            if self.isWorkingDay(current) { remaining -= 1 }
        }
        return WorkingDays.start(ofDay: current + 1)
    }

    /// Working days from the day of `from` to the day of `to` (0 when `to` is not later).
    public func workingDays(from: Int64, to: Int64) -> Int {
        var day = WorkingDays.dayNumber(of: from)
        let last = WorkingDays.dayNumber(of: to)
        var count = 0
        while day < last {
            day += 1
            if self.isWorkingDay(day) { count += 1 }
        }
        return count
    }
}
