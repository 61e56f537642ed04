import App
import Appointments
import Billing
import Platform
import ServiceHall
import TestSupport
import Testing

@Suite("The department rule")
struct DepartmentRuleTests {
    static let water = Principal(subject: "s1", role: .departmentStaff, scope: "cd-water", level: 3)
    static let health = Principal(subject: "s2", role: .departmentStaff, scope: "cd-health", level: 3)
    static let admin = Principal(subject: "a", role: .platformAdmin, scope: "510100", level: 3)
    static let city = Principal(subject: "c", role: .cityOfficer, scope: "510100", level: 3)
    static let auditor = Principal(subject: "u", role: .auditor, scope: "510100", level: 3)
    static let resident = Principal(subject: "r", role: .resident, scope: nil, level: 2)
    static let unscoped = Principal(subject: "x", role: .departmentStaff, scope: "", level: 3)

    @Test("department staff do their department's work and nobody else's")
    func staff() {
        for action in [Action.manageBills, .managePlaces, .handleApplications] {
            #expect(Authorization.permits(Self.water, action, department: "cd-water"), "\(action)")
            #expect(!Authorization.permits(Self.water, action, department: "cd-health"), "\(action)")
            #expect(!Authorization.permits(Self.water, action, department: ""), "\(action)")
            #expect(!Authorization.permits(Self.unscoped, action, department: ""), "\(action)")
            #expect(Authorization.permits(Self.health, action, department: "cd-health"), "\(action)")
        }
        // Department staff have no division scope.
        #expect(!Authorization.permits(Self.water, .handleApplications, divisionCode: "510104"))
    }

    @Test("platform administrators keep places and bills of every department, but do not handle applications")
    func administrators() {
        #expect(Authorization.permits(Self.admin, .manageBills, department: "cd-water"))
        #expect(Authorization.permits(Self.admin, .managePlaces, department: "cd-health"))
        #expect(!Authorization.permits(Self.admin, .handleApplications, department: "cd-health"))
        #expect(!Authorization.permits(Self.admin, .manageBills, department: ""))
    }

    @Test("other officials and residents get no department work; require says 401 or 403")
    func others() throws {
        for principal in [Self.city, Self.auditor, Self.resident] {
            for action in [Action.manageBills, .managePlaces, .handleApplications] {
                #expect(!Authorization.permits(principal, action, department: "cd-water"), "\(principal.role)")
            }
        }
        #expect(throws: Problem.self) { try Authorization.require(nil, .manageBills, department: "cd-water") }
        do {
            try Authorization.require(Self.health, .manageBills, department: "cd-water")
            Issue.record("staff of another department passed")
        } catch let problem as Problem {
            #expect(problem.code == "forbidden")
        }
        #expect(try Authorization.require(Self.water, .manageBills, department: "cd-water") == Self.water)
    }

    @Test("every module declares its actions with roles, each name once")
    func table() async throws {
        let (url, remove) = try await TestDatabase.make(.sqlite)
        defer { Task { await remove() } }
        let wiring = try await AppWiring(
            database: try Database(url: url, logger: TestDatabase.logger), logger: TestDatabase.logger)
        let actions = wiring.modules.flatMap(\.actions)
        #expect(actions.count >= 10)
        #expect(Set(actions.map(\.name)).count == actions.count, "\(actions.map(\.name))")
        for action in actions { #expect(!Authorization.roles(for: action).isEmpty, "\(action)") }
        #expect(Authorization.roles(for: .readReconciliation) == [.auditor, .platformAdmin])
        // Every console menu entry names a declared action.
        for entry in wiring.modules.flatMap(\.consoleMenu) {
            #expect(actions.contains(entry.action), "\(entry.id)")
        }
    }
}
