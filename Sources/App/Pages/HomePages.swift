import Hummingbird
import NIOCore
import Platform
import Population
import Territory

/// The resident home page `/` and the shared stylesheet (the console's pages belong to the identity context).
struct HomePages: Sendable {
    let divisions: DivisionRepository
    let register: RegisterRepository
    let renderer: PageRenderer
    /// The figures, recounted at most every 30 seconds: counting 21 million residents per visit would make the
    /// busiest page the slowest.
    let figures = ExpiringCache<Int, HomeModel>(lifetime: .seconds(30), capacity: 1)

    /// Figures on the home page.
    struct HomeModel: Sendable {
        let districts: Int
        let streets: Int
        let communities: Int
        let residents: String
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let model = try await self.homeModel()
            let title = LayoutStrings.table(for: context.locale)["brand"] ?? ""
            return self.renderer.render("home", title: title, model: model, request: request, context: context)
        }
        router.get("/static/site.css") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: SiteStylesheet.css))
            )
        }
    }

    private func homeModel() async throws -> HomeModel {
        if let cached = self.figures.value(for: 0) { return cached }
        let counts = try await self.divisions.countByLevel()
        let totals = try await self.register.totals()
        let model = HomeModel(
            districts: counts[.district] ?? 0, streets: counts[.street] ?? 0,
            communities: counts[.community] ?? 0, residents: Self.grouped(totals.residents)
        )
        self.figures.store(model, for: 0)
        return model
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
