import Cases
import Platform
import Testing

/// The workflow as a pure function: every (status, command, actor, level) combination.
@Suite struct CaseWorkflowTests {
    /// The expected outcome, written out independently of the implementation's tables.
    static func expected(_ status: CaseStatus, _ command: CaseCommand, _ actor: CaseActor, _ level: CaseLevel)
        -> CaseStatus?
    {
        let handlers: Set<CaseActor> = [.official, .department]
        switch (command, status) {
        case (.accept, .received) where handlers.contains(actor): return .accepted
        case (.start, .accepted) where handlers.contains(actor): return .inProgress
        case (.resolve, .accepted), (.resolve, .inProgress):
            return handlers.contains(actor) ? .resolved : nil
        case (.confirm, .resolved) where actor == .reporter: return .confirmed
        case (.reopen, .resolved) where actor == .reporter: return .inProgress
        case (.close, .resolved), (.close, .confirmed): return actor == .official ? .closed : nil
        case (.escalate, .received), (.escalate, .accepted), (.escalate, .inProgress):
            return (actor == .official || actor == .system) && level != .city ? .received : nil
        case (.transfer, .received), (.transfer, .accepted): return handlers.contains(actor) ? .received : nil
        default: return nil
        }
    }

    @Test func everyCombination() {
        var allowed = 0
        for status in CaseStatus.allCases {
            for command in CaseCommand.allCases {
                for actor in CaseActor.allCases {
                    for level in CaseLevel.allCases {
                        let result = CaseWorkflow.apply(command, by: actor, status: status, level: level)
                        let expected = Self.expected(status, command, actor, level)
                        switch result {
                        case .success(let next):
                            allowed += 1
                            #expect(next.status == expected, "\(status) \(command) \(actor) \(level)")
                            #expect(next.level == (command == .escalate ? level.next : level))
                        case .failure:
                            #expect(expected == nil, "\(status) \(command) \(actor) \(level) was refused")
                        }
                    }
                }
            }
        }
        #expect(allowed > 0)
    }

    @Test func refusalsSayWhy() {
        #expect(
            CaseWorkflow.apply(.escalate, by: .official, status: .received, level: .city)
                .failureValue == .cannotEscalateFurther)
        #expect(
            CaseWorkflow.apply(.confirm, by: .official, status: .resolved, level: .community)
                .failureValue == .notAllowed(actor: .official, command: .confirm))
        #expect(
            CaseWorkflow.apply(.close, by: .official, status: .received, level: .street)
                .failureValue == .invalidTransition(from: .received, command: .close))
    }

    @Test func closedIsFinal() {
        for command in CaseCommand.allCases {
            for actor in CaseActor.allCases {
                if case .success = CaseWorkflow.apply(command, by: actor, status: .closed, level: .street) {
                    Issue.record("\(command) by \(actor) left closed")
                }
            }
        }
    }

    @Test func levelsOfCodes() {
        #expect(CaseLevel.of(code: "510104003001") == .community)
        #expect(CaseLevel.of(code: "510104003") == .street)
        #expect(CaseLevel.of(code: "510104") == .district)
        #expect(CaseLevel.of(code: "510100") == .city)
        #expect(CaseLevel.of(code: "51") == nil)
    }

    @Test func calendarSkipsHolidaysAndCountsSwappedWorkdays() throws {
        let calendar = WorkingCalendar(holidayDates: ["2026-10-01", "2026-10-02"], workdayDates: ["2026-10-10"])
        // Wednesday 2026-09-30 10:00 local, 1 working day: Thu 1 and Fri 2 are holidays, so Monday 5.
        let wednesday = try #require(CityClock.startOfDay("2026-09-30")) + 10 * 3600
        #expect(CityClock.localDate(calendar.deadline(after: wednesday, workingDays: 1) - 1) == "2026-10-05")
        // Same-day promise.
        #expect(CityClock.localDate(calendar.deadline(after: wednesday, workingDays: 0) - 1) == "2026-09-30")
        // Friday 2026-10-09, 1 working day: Saturday 10 is a swapped workday.
        let friday = try #require(CityClock.startOfDay("2026-10-09"))
        #expect(CityClock.localDate(calendar.deadline(after: friday, workingDays: 1) - 1) == "2026-10-10")
        #expect(
            WorkingCalendar.weekdays.deadline(after: friday, workingDays: 1)
                == WorkingDays.deadline(after: friday, workingDays: 1))
    }
}

extension Result {
    var failureValue: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
