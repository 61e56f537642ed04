import Foundation
import Hummingbird
import Platform

/// Councils and supervisory committees: public member lists; officials of the community's scope add bodies and
/// members.
public struct BodyAPI: Sendable {
    let bodies: BodyRepository

    public init(bodies: BodyRepository) {
        self.bodies = bodies
    }

    /// A new body.
    struct NewBody: Decodable {
        let kind: Body.Kind
        let nameZh: String
        let nameEn: String
        let termStart: String
        let termEnd: String
        let chosenHow: String
    }

    /// A new member; `accountId` links the member to a resident account.
    struct NewMember: Decodable {
        let name: String
        let position: Body.Position
        let accountId: String?
    }

    /// Registers the routes.
    public func register(on api: APIRoutes) {
        let base = "/api/v1/participation"
        api.on(.get, "\(base)/communities/{code}/bodies") { _, context in
            Page(
                items: try await self.bodies.bodies(community: try context.parameters.require("code")), nextCursor: nil)
        }
        api.on(.post, "\(base)/communities/{code}/bodies") { request, context in
            let code = try context.parameters.require("code")
            try Authorization.require(context.principal, .manageParticipation, divisionCode: code)
            let body = try await request.decode(as: NewBody.self, context: context)
            let field = ParticipationProblem.invalidField
            guard (1...60).contains(body.nameZh.count), (1...120).contains(body.nameEn.count) else {
                throw field("nameZh", "名称必须是 1–60 个字。", "The name must have 1–60 characters.")
            }
            guard CityClock.startOfDay(body.termStart) != nil, CityClock.startOfDay(body.termEnd) != nil,
                body.termStart < body.termEnd
            else { throw field("termEnd", "任期必须是两个日期，结束晚于开始。", "The term needs two dates, ending after it starts.") }
            guard (1...200).contains(body.chosenHow.count) else {
                throw field("chosenHow", "产生方式必须是 1–200 个字。", "chosenHow must have 1–200 characters.")
            }
            let created = Body(
                id: SortableID.make(), communityCode: code, kind: body.kind,
                name: LocalizedText(zh: body.nameZh, en: body.nameEn), termStart: body.termStart,
                termEnd: body.termEnd, chosenHow: body.chosenHow, members: [])
            try await self.bodies.insert(created, at: CityClock.now())
            return EditedResponse(status: .created, response: created)
        }
        api.on(.post, "\(base)/bodies/{id}/members") { request, context in
            guard let body = try await self.bodies.find(try context.parameters.require("id")) else {
                throw ParticipationProblem.bodyNotFound
            }
            try Authorization.require(context.principal, .manageParticipation, divisionCode: body.communityCode)
            let member = try await request.decode(as: NewMember.self, context: context)
            guard (1...40).contains(member.name.count) else {
                throw ParticipationProblem.invalidField(
                    "name", zh: "姓名必须是 1–40 个字。", en: "The name must have 1–40 characters.")
            }
            try await self.bodies.addMember(
                bodyID: body.id, id: SortableID.make(), name: member.name, position: member.position,
                accountID: member.accountId, at: CityClock.now())
            return EditedResponse(status: .created, response: try await self.bodies.find(body.id)!)
        }
    }
}
