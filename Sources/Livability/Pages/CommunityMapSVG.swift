import Accessibility
import Foundation
import Platform

/// Draws a community's life-circle map as SVG on the server: streets coloured by walking minutes to the chosen
/// category (the farthest of all eight when none is chosen), facilities marked by category, households without
/// the service highlighted (only on maps for officials allowed to see the household-level gap list), proposed
/// facilities of a what-if shown as diamonds.
///
/// Coordinates are metres in a local equirectangular projection (exact enough over a few kilometres); the root
/// element carries the projection in `data-*` attributes so the planner's script can turn a click into lon/lat.
struct CommunityMapSVG {
    /// The four walking-time bands of the legend: upper bound in metres and colour.
    static let bands: [(limit: Float32, colour: String)] = [
        (400, "#1a9850"), (800, "#91cf60"), (WalkingRule.horizonMeters, "#f4c542"), (.infinity, "#d73027"),
    ]
    /// Metres of margin around the community's own nodes.
    static let margin = 300.0

    let network: NetworkSnapshot
    let access: AccessSnapshot
    let nearest: [CategoryNearest]
    let community: String
    let category: FacilityCategory?
    let proposed: [(category: FacilityCategory, node: Int32)]
    let locale: AppLocale
    /// Whether to draw the per-dwelling gap rings: household-level data, for officials with `livability.view` on
    /// the community only (the public map shows streets, facilities and coverage figures).
    var showsGaps: Bool = false

    /// A drawn map.
    struct Drawing: Sendable {
        /// The SVG element.
        let svg: String
        /// Whether it shows OpenStreetMap data (the network or a facility), which the page must credit.
        let showsOpenStreetMap: Bool
    }

    /// The map, or nil when the community has no nodes on the network.
    ///
    /// Costs what lies in the community's box and margin: its own nodes come from the network's per-division
    /// index, the streets and facilities around them from grids; nothing scans the city.
    func render() -> Drawing? {
        guard let area = self.network.area(of: self.community), !area.nodes.isEmpty else { return nil }
        let own = area.box
        let perLat = Geodesy.earthRadius * Double.pi / 180
        let perLon = perLat * cos((own.minLat + own.maxLat) / 2 * Double.pi / 180)
        var box = own
        box.minLon -= Self.margin / perLon
        box.maxLon += Self.margin / perLon
        box.minLat -= Self.margin / perLat
        box.maxLat += Self.margin / perLat
        let (minLon, maxLat) = (box.minLon, box.maxLat)
        func x(_ lon: Double) -> Double { (lon - minLon) * perLon }
        func y(_ lat: Double) -> Double { (maxLat - lat) * perLat }
        let (lon, lat) = (self.network.lon, self.network.lat)
        // Marks are sized in hundredths of the map's larger side, so they read the same on a small community's
        // map as on a large one's (in metres they would shrink to dots on a large map).
        let u = max(10, max(x(box.maxLon), y(box.minLat)) / 100)

        var svg = SVGText(capacity: 64 * 1024)
        svg.add("<svg class=\"life-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        svg.add(x(box.maxLon))
        svg.add(" ")
        svg.add(y(box.minLat))
        svg.add(
            "\" role=\"img\" aria-labelledby=\"map-title\" data-min-lon=\"\(minLon)\" data-max-lat=\"\(maxLat)\" "
                + "data-meters-per-lon=\"\(perLon)\" data-meters-per-lat=\"\(perLat)\">\n")
        svg.add("<title id=\"map-title\">\(Self.escape(self.title()))</title>\n")
        svg.add("<rect width=\"100%\" height=\"100%\" fill=\"#f3f1ea\"/>\n<rect class=\"community-outline\" x=\"")
        // The community's own box with 40 m of room, dashed.
        svg.add(x(own.minLon) - 40)
        svg.add("\" y=\"")
        svg.add(y(own.maxLat) - 40)
        svg.add("\" width=\"")
        svg.add(x(own.maxLon) - x(own.minLon) + 80)
        svg.add("\" height=\"")
        svg.add(y(own.minLat) - y(own.maxLat) + 80)
        svg.add("\" fill=\"#ffffff\" fill-opacity=\"0.6\" stroke=\"#5b6577\" stroke-width=\"")
        svg.add(0.25 * u)
        svg.add("\" stroke-dasharray=\"")
        svg.add(u)
        svg.add(" ")
        svg.add(0.6 * u)
        svg.add("\"/>\n<g class=\"streets\" stroke-linecap=\"round\" stroke-width=\"")
        svg.add(0.6 * u)
        svg.add("\">\n")
        let graph = self.network.graph
        for node in self.network.nodes(in: box) {
            let v = Int(node)
            for e in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) {
                let u = Int(graph.targets[e])
                // Each undirected edge once: from its lower end, or from the inside end when the other is outside.
                guard u > v || !box.contains(lon: lon[u], lat: lat[u]) else { continue }
                // Minutes from the edge's midpoint: the nearer end's distance plus half the edge.
                let meters = min(self.value(v), self.value(u)) + graph.weights[e] / 2
                svg.add("<line x1=\"")
                svg.add(x(lon[v]))
                svg.add("\" y1=\"")
                svg.add(y(lat[v]))
                svg.add("\" x2=\"")
                svg.add(x(lon[u]))
                svg.add("\" y2=\"")
                svg.add(y(lat[u]))
                svg.add("\" stroke=\"\(Self.colour(meters))\"/>\n")
            }
        }
        svg.add("</g>\n<g class=\"gaps\">\n")
        for (node, households) in self.showsGaps ? self.network.dwellings(ofCommunity: self.community) : []
        where !(self.value(Int(node)) < WalkingRule.horizonMeters) {
            let lacking = self.lacking(Int(node)).map { $0.name(self.locale) }.joined(separator: "、")
            let text = self.locale.pick(
                zh: "\(households) 户 15 分钟内缺少：\(lacking)", en: "\(households) households lack within 15 min: \(lacking)"
            )
            svg.add("<circle class=\"gap\" cx=\"")
            svg.add(x(lon[Int(node)]))
            svg.add("\" cy=\"")
            svg.add(y(lat[Int(node)]))
            svg.add("\" r=\"")
            svg.add(u * (1.2 + 0.6 * Double(households).squareRoot()))
            svg.add("\" fill=\"#d73027\" fill-opacity=\"0.3\" stroke=\"#a50026\" stroke-width=\"")
            svg.add(0.3 * u)
            svg.add("\">")
            svg.add("<title>\(Self.escape(text))</title></circle>\n")
        }
        svg.add(
            "</g>\n<g class=\"facilities\" font-family=\"system-ui, sans-serif\" font-weight=\"700\" "
                + "text-anchor=\"middle\">\n")
        // The chosen category last, so its marks are drawn on top.
        let facilities = self.access.facilities(in: box).sorted {
            ($0.category == self.category ? 1 : 0, $0.id) < ($1.category == self.category ? 1 : 0, $1.id)
        }
        for facility in facilities {
            let chosen = self.category == nil || facility.category == self.category
            svg.add("<g class=\"facility\" data-category=\"\(facility.category.rawValue)\" ")
            svg.add("opacity=\"\(chosen ? "1" : "0.55")\">")
            svg.add("<title>\(Self.escape(facility.name + " · " + facility.category.name(self.locale)))</title>")
            svg.add("<circle cx=\"")
            svg.add(x(facility.lon))
            svg.add("\" cy=\"")
            svg.add(y(facility.lat))
            svg.add("\" r=\"")
            svg.add(chosen ? 1.8 * u : 0.9 * u)
            svg.add("\" fill=\"\(facility.category.colour)\" stroke=\"#fff\" stroke-width=\"")
            svg.add(0.25 * u)
            svg.add("\"/>")
            if chosen {
                svg.add("<text x=\"")
                svg.add(x(facility.lon))
                svg.add("\" y=\"")
                svg.add(y(facility.lat) + 0.7 * u)
                svg.add("\" font-size=\"")
                svg.add(2 * u)
                svg.add("\" fill=\"#fff\">\(facility.category.mark)</text>")
            }
            svg.add("</g>\n")
        }
        for proposal in self.proposed {
            let (px, py) = (x(lon[Int(proposal.node)]), y(lat[Int(proposal.node)]))
            let title = self.locale.pick(zh: "拟建：", en: "Proposed: ") + proposal.category.name(self.locale)
            svg.add("<g class=\"proposed\"><title>\(Self.escape(title))</title><path d=\"M ")
            let d = 2.6 * u
            for (dx, dy, next) in [(0, -d, " L "), (d, 0, " L "), (0, d, " L "), (-d, 0, " Z")] {
                svg.add(px + dx)
                svg.add(" ")
                svg.add(py + dy)
                svg.add(next)
            }
            svg.add("\" fill=\"\(proposal.category.colour)\" stroke=\"#111\" stroke-width=\"")
            svg.add(0.35 * u)
            svg.add("\"/><text x=\"")
            svg.add(px)
            svg.add("\" y=\"")
            svg.add(py + 0.7 * u)
            svg.add("\" font-size=\"")
            svg.add(2 * u)
            svg.add("\" fill=\"#fff\">\(proposal.category.mark)</text></g>\n")
        }
        svg.add("<circle id=\"proposed-pin\" r=\"")
        svg.add(1.8 * u)
        svg.add("\" fill=\"none\" stroke=\"#111\" stroke-width=\"")
        svg.add(0.35 * u)
        svg.add("\" style=\"display:none\"/>\n</g>\n</svg>")
        return Drawing(
            svg: svg.text,
            showsOpenStreetMap: self.network.source == .openStreetMap || facilities.contains { $0.source == .osm })
    }

    /// Metres from node `v` to the chosen category (to the farthest category when none is chosen).
    private func value(_ v: Int) -> Float32 {
        if let category = self.category { return self.nearest[category.index].distance[v] }
        return self.nearest.reduce(0) { max($0, $1.distance[v]) }
    }

    private func lacking(_ v: Int) -> [FacilityCategory] {
        FacilityCategory.allCases.filter {
            (self.category == nil || $0 == self.category)
                && !(self.nearest[$0.index].distance[v] < WalkingRule.horizonMeters)
        }
    }

    private func title() -> String {
        let what = self.category?.name(self.locale) ?? self.locale.pick(zh: "全部八类", en: "all eight kinds")
        return self.locale.pick(zh: "步行到\(what)的时间", en: "Walking time to \(what)")
    }

    /// The legend colour of a walking distance in metres.
    static func colour(_ meters: Float32) -> String {
        self.bands.first { meters < $0.limit }?.colour ?? self.bands[self.bands.count - 1].colour
    }

    /// Text escaped for SVG character data and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
