import Accessibility
import Foundation
import Platform

/// Draws a community's life-circle map as SVG on the server: streets coloured by walking minutes to the chosen
/// category (the farthest of all eight when none is chosen), facilities marked by category, households without
/// the service highlighted, proposed facilities of a what-if shown as diamonds.
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

    /// The SVG markup, or nil when the community has no nodes on the network.
    func render() -> String? {
        let own = self.network.nodes(inside: self.community)
        guard !own.isEmpty else { return nil }
        var minLon = Double.infinity
        var maxLon = -Double.infinity
        var minLat = Double.infinity
        var maxLat = -Double.infinity
        for node in own {
            minLon = min(minLon, self.network.lon[Int(node)])
            maxLon = max(maxLon, self.network.lon[Int(node)])
            minLat = min(minLat, self.network.lat[Int(node)])
            maxLat = max(maxLat, self.network.lat[Int(node)])
        }
        let perLat = Geodesy.earthRadius * Double.pi / 180
        let perLon = perLat * cos((minLat + maxLat) / 2 * Double.pi / 180)
        let blockBox = (
            x0: Self.margin - 40, y0: Self.margin - 40, x1: (maxLon - minLon) * perLon + Self.margin + 40,
            y1: (maxLat - minLat) * perLat + Self.margin + 40
        )
        minLon -= Self.margin / perLon
        maxLon += Self.margin / perLon
        minLat -= Self.margin / perLat
        maxLat += Self.margin / perLat
        let width = (maxLon - minLon) * perLon
        let height = (maxLat - minLat) * perLat
        func x(_ lon: Double) -> String { Self.number((lon - minLon) * perLon) }
        func y(_ lat: Double) -> String { Self.number((maxLat - lat) * perLat) }
        func inside(_ node: Int) -> Bool {
            (minLon...maxLon).contains(self.network.lon[node]) && (minLat...maxLat).contains(self.network.lat[node])
        }

        var svg = """
            <svg class="life-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Self.number(width)) \
            \(Self.number(height))" role="img" aria-labelledby="map-title" data-min-lon="\(minLon)" \
            data-max-lat="\(maxLat)" data-meters-per-lon="\(perLon)" data-meters-per-lat="\(perLat)">
            <title id="map-title">\(Self.escape(self.title()))</title>
            <rect width="100%" height="100%" fill="#f3f1ea"/>
            <rect class="community-outline" x="\(Self.number(blockBox.x0))" y="\(Self.number(blockBox.y0))" \
            width="\(Self.number(blockBox.x1 - blockBox.x0))" height="\(Self.number(blockBox.y1 - blockBox.y0))" \
            fill="#ffffff" fill-opacity="0.6" stroke="#5b6577" stroke-width="3" stroke-dasharray="14 8"/>
            <g class="streets" stroke-linecap="round" stroke-width="7">

            """
        let graph = self.network.graph
        for v in 0..<self.network.nodeCount where inside(v) {
            for e in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) {
                let u = Int(graph.targets[e])
                // Each undirected edge once: from its lower end, or from the inside end when the other is outside.
                guard u > v || !inside(u) else { continue }
                // Minutes from the edge's midpoint: the nearer end's distance plus half the edge.
                let meters = min(self.value(v), self.value(u)) + graph.weights[e] / 2
                svg += "<line x1=\"\(x(self.network.lon[v]))\" y1=\"\(y(self.network.lat[v]))\" "
                svg += "x2=\"\(x(self.network.lon[u]))\" y2=\"\(y(self.network.lat[u]))\" "
                svg += "stroke=\"\(Self.colour(meters))\"/>\n"
            }
        }
        svg += "</g>\n<g class=\"gaps\">\n"
        for (node, households) in self.network.dwellings(ofCommunity: self.community)
        where !(self.value(Int(node)) < WalkingRule.horizonMeters) {
            let radius = 6 + 2.5 * Double(households).squareRoot()
            let lacking = self.lacking(Int(node)).map { $0.name(self.locale) }.joined(separator: "、")
            let text = self.locale.pick(
                zh: "\(households) 户 15 分钟内缺少：\(lacking)", en: "\(households) households lack within 15 min: \(lacking)"
            )
            svg +=
                "<circle class=\"gap\" cx=\"\(x(self.network.lon[Int(node)]))\" cy=\"\(y(self.network.lat[Int(node)]))\" "
            svg +=
                "r=\"\(Self.number(radius))\" fill=\"#d73027\" fill-opacity=\"0.25\" stroke=\"#a50026\" stroke-width=\"2.5\">"
            svg += "<title>\(Self.escape(text))</title></circle>\n"
        }
        svg +=
            "</g>\n<g class=\"facilities\" font-family=\"system-ui, sans-serif\" font-weight=\"700\" text-anchor=\"middle\">\n"
        let facilities = self.access.facilities.values.filter {
            (minLon...maxLon).contains($0.lon) && (minLat...maxLat).contains($0.lat)
        }.sorted { ($0.category == self.category ? 1 : 0, $0.id) < ($1.category == self.category ? 1 : 0, $1.id) }
        for facility in facilities {
            let chosen = self.category == nil || facility.category == self.category
            let radius = chosen ? 24.0 : 12.0
            svg +=
                "<g class=\"facility\" data-category=\"\(facility.category.rawValue)\" opacity=\"\(chosen ? "1" : "0.55")\">"
            svg += "<title>\(Self.escape(facility.name + " · " + facility.category.name(self.locale)))</title>"
            svg += "<circle cx=\"\(x(facility.lon))\" cy=\"\(y(facility.lat))\" r=\"\(Self.number(radius))\" "
            svg += "fill=\"\(facility.category.colour)\" stroke=\"#fff\" stroke-width=\"3\"/>"
            if chosen {
                svg += "<text x=\"\(x(facility.lon))\" y=\"\(Self.number((maxLat - facility.lat) * perLat + 9))\" "
                svg += "font-size=\"26\" fill=\"#fff\">\(facility.category.mark)</text>"
            }
            svg += "</g>\n"
        }
        for proposal in self.proposed {
            let px = (self.network.lon[Int(proposal.node)] - minLon) * perLon
            let py = (maxLat - self.network.lat[Int(proposal.node)]) * perLat
            svg +=
                "<g class=\"proposed\"><title>\(Self.escape(self.locale.pick(zh: "拟建：", en: "Proposed: ") + proposal.category.name(self.locale)))</title>"
            svg +=
                "<path d=\"M \(Self.number(px)) \(Self.number(py - 34)) L \(Self.number(px + 34)) \(Self.number(py)) "
            svg += "L \(Self.number(px)) \(Self.number(py + 34)) L \(Self.number(px - 34)) \(Self.number(py)) Z\" "
            svg += "fill=\"\(proposal.category.colour)\" stroke=\"#111\" stroke-width=\"4\"/>"
            svg +=
                "<text x=\"\(Self.number(px))\" y=\"\(Self.number(py + 9))\" font-size=\"26\" fill=\"#fff\">\(proposal.category.mark)</text></g>\n"
        }
        svg +=
            "<circle id=\"proposed-pin\" r=\"22\" fill=\"none\" stroke=\"#111\" stroke-width=\"4\" style=\"display:none\"/>\n"
        svg += "</g>\n</svg>"
        return svg
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

    static func colour(_ meters: Float32) -> String {
        self.bands.first { meters < $0.limit }?.colour ?? self.bands[self.bands.count - 1].colour
    }

    static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

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
