import Foundation
import Identity
import Platform
import Population
import SQLKit
import ServiceHall
import Territory

/// The use cases of community certificates: request (only kinds on the permitted list, at the level the kind
/// needs, by a resident registered in the community), review by a worker of that community, issue with a number
/// that is never reused and an Ed25519 signature, revocation, and public verification. Every change is one
/// transaction with its timeline step and, for issue, reveal and revocation, its audit entry.
public struct CertificateService: Sendable {
    let database: Database
    public let catalog: CertificateCatalog
    public let requests: RequestRepository
    public let certificates: CertificateRepository
    public let signer: CertificateSigner
    let divisions: DivisionRepository
    let subjects: any CertificateSubjects
    let services: CatalogStore?
    let calendar: WorkingCalendar
    let clock: @Sendable () -> Int64

    public init(
        database: Database, catalog: CertificateCatalog, cipher: PersonalDataCipher, divisions: DivisionRepository,
        subjects: any CertificateSubjects, services: CatalogStore?, calendar: WorkingCalendar = .weekdays,
        clock: @escaping @Sendable () -> Int64 = { CityClock.now() }
    ) {
        self.database = database
        self.catalog = catalog
        self.requests = RequestRepository(database: database)
        self.certificates = CertificateRepository(database: database)
        self.signer = CertificateSigner(keys: CertificateKeyRepository(database: database, cipher: cipher))
        self.divisions = divisions
        self.subjects = subjects
        self.services = services
        self.calendar = calendar
        self.clock = clock
    }

    /// Files a resident's request; anything not on the list is refused at once with the reason and, for work that
    /// belongs to a department, that department and its service.
    public func request(kind kindID: String, inputs: [String: String], by principal: Principal) async throws
        -> CertificateRequest
    {
        try Authorization.requireResident(principal)
        let kind = try await self.permittedKind(kindID)
        guard principal.level >= kind.level else {
            throw AssuranceLevelRequired(required: kind.level, current: principal.level, serviceName: kind.name)
        }
        let subject = try await self.subjects.subject(of: principal)
        if kind.requester == .householdHead && !subject.isHouseholdHead {
            throw CommunityAffairsProblem.notEligible(
                zh: "“\(kind.name.zh)”只能由户主申请。", en: "Only the head of the household may request '\(kind.name.en)'.")
        }
        let values = try Self.validInputs(inputs, for: kind)
        let now = self.clock()
        let request = CertificateRequest(
            id: SortableID.make(), kindID: kind.id, accountID: principal.subject, residentID: subject.residentID,
            householdID: subject.householdID, communityCode: subject.communityCode, status: .submitted,
            inputs: values, createdAt: now, updatedAt: now,
            dueAt: self.calendar.deadline(after: now, workingDays: kind.promisedDays), note: nil,
            certificateNumber: nil)
        try await self.database.transaction { sql in
            try await self.requests.insert(request, on: sql)
            try await self.requests.addEvent(
                request.id, RequestEvent(action: "submit", actor: "resident", note: nil, at: now), on: sql)
        }
        return request
    }

    /// The kind on the permitted list, or the refusal that says where to go instead.
    func permittedKind(_ id: String) async throws -> CertificateKind {
        if let kind = self.catalog.kind(id) { return kind }
        if let redirect = self.catalog.redirect(id) {
            let name = try await self.services?.snapshot().department(redirect.department)?.name
            throw CommunityAffairsProblem.notCommunityWork(redirect, departmentName: name)
        }
        throw CommunityAffairsProblem.unknownKind(id)
    }

    /// The resident's typed values: exactly the kind's inputs, each present, trimmed, within its length and free of
    /// control characters.
    static func validInputs(_ inputs: [String: String], for kind: CertificateKind) throws -> [String: String] {
        let allowed = Set(kind.inputs.map(\.name))
        if let stray = inputs.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw CommunityAffairsProblem.invalid(
                "inputs.\(stray.prefix(40))", zh: "“\(kind.name.zh)”没有这一项。", en: "'\(kind.name.en)' has no such field.")
        }
        var values: [String: String] = [:]
        for field in kind.inputs {
            let value = (inputs[field.name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else {
                throw CommunityAffairsProblem.invalid(
                    "inputs.\(field.name)", zh: "请填写“\(field.label.zh)”。", en: "Fill in '\(field.label.en)'.")
            }
            guard value.count <= field.maxLength ?? 0, DisplayText.defect(value) == nil else {
                throw CommunityAffairsProblem.invalid(
                    "inputs.\(field.name)", zh: "“\(field.label.zh)”最多\(field.maxLength ?? 0)个字，且不能含控制字符。",
                    en:
                        "'\(field.label.en)' takes at most \(field.maxLength ?? 0) characters, without control characters."
                )
            }
            values[field.name] = value
        }
        return values
    }

    /// The request if `principal` may see it: its resident, or an official whose scope holds its community.
    public func visible(_ id: String, to principal: Principal?) async throws -> CertificateRequest {
        guard let principal else { throw AuthorizationProblem.unauthenticated }
        guard let request = try await self.requests.find(id),
            Self.canSee(request.communityCode, request.accountID, principal)
        else { throw CommunityAffairsProblem.requestNotFound(id) }
        return request
    }

    /// Whether `principal` may see a request or certificate of `community` owned by `account`.
    static func canSee(_ community: String, _ account: String, _ principal: Principal) -> Bool {
        principal.role == .resident
            ? principal.subject == account
            : Authorization.permits(principal, .revokeCertificates, divisionCode: community)
    }
}
