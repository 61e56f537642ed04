import Hummingbird
import Identity
import Platform
import Territory

/// The pages of the resident tab bar's tabs: `/do` (办事), `/affairs` (我的办事), `/community` (社区) and `/me`
/// (我的), each listing the entries the modules contribute to its tab; `/me` adds the profile, the console, the
/// language and sign-out. The home tab's page is the home page.
struct TabPages: Sendable {
    let identity: IdentityService
    let divisions: DivisionRepository
    let renderer: PageRenderer

    /// What `/me` shows besides the entries: the signed-in resident's masked profile.
    struct MeModel: Sendable {
        let name: String
        let phone: String?
        let level: Int
        /// What the account's real-name level allows, and how to reach the next.
        let levelText: String
        let community: String?
    }

    /// A tab's page; `me` only on `/me` for a signed-in resident.
    struct TabModel: Sendable {
        let isMe: Bool
        let me: MeModel?
    }

    func register(on router: Router<AppRequestContext>) {
        for tab in [NavigationEntry.Tab.services, .affairs, .community] {
            router.get(RouterPath(tab.path)) { request, context in
                self.renderer.render(
                    "tab", title: tab.label.pick(context.locale), model: TabModel(isMe: false, me: nil),
                    request: request, context: context, strings: TabStrings.table(for: context.locale))
            }
        }
        router.get(RouterPath(NavigationEntry.Tab.me.path)) { request, context in
            let me = try await self.meModel(context)
            return self.renderer.render(
                "tab", title: NavigationEntry.Tab.me.label.pick(context.locale), model: TabModel(isMe: true, me: me),
                request: request, context: context, strings: TabStrings.table(for: context.locale))
        }
    }

    /// The resident's profile, masked; nil for a visitor or an official.
    private func meModel(_ context: AppRequestContext) async throws -> MeModel? {
        guard let principal = context.principal, principal.role == .resident, context.sessionCSRF != nil,
            let account = try await self.identity.accounts.find(id: principal.subject)
        else { return nil }
        let community: String? =
            if let code = account.communityCode { try await self.divisions.find(code)?.name ?? code } else { nil }
        let strings = TabStrings.table(for: context.locale)
        return MeModel(
            name: account.name, phone: account.phone.map(PhoneNumber.mask), level: account.level,
            levelText: strings["level_\(min(max(account.level, 1), 3))"] ?? "", community: community)
    }
}
