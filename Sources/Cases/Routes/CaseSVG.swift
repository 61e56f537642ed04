import Foundation

/// Server-drawn SVG for the cases pages: the map of case points inside the city's box, and horizontal bar charts.
/// Attributes use single quotes so the markup sits in plain Swift strings.
enum CaseSVG {
    static let width = 360.0
    static let height = 252.0

    static func x(_ lon: Double) -> Double {
        let box = ValidReport.longitudes
        return (lon - box.lowerBound) / (box.upperBound - box.lowerBound) * Self.width
    }

    static func y(_ lat: Double) -> Double {
        let box = ValidReport.latitudes
        return Self.height - (lat - box.lowerBound) / (box.upperBound - box.lowerBound) * Self.height
    }

    /// A map of points in the city's bounding box, 360 × 252: open cases orange, others green, `marker` red.
    static func map(_ points: [(lat: Double, lon: Double, open: Bool)], marker: (lat: Double, lon: Double)? = nil)
        -> String
    {
        var out = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 360 252' role='img' class='case-map'"
        out += " id='case-map' style='max-width:100%;height:auto'>"
        out += "<rect width='360' height='252' fill='#eef3f7' stroke='#99bbbb'/>"
        // The city centre (Tianfu Square) for orientation.
        let cx = Self.x(104.066)
        let cy = Self.y(30.657)
        out += "<circle cx='\(Self.f(cx))' cy='\(Self.f(cy))' r='5' fill='none' stroke='#555555'/>"
        out += "<text x='\(Self.f(cx + 7))' y='\(Self.f(cy + 4))' font-size='10' fill='#555555'>天府广场</text>"
        for point in points {
            let colour = point.open ? "#e67e22" : "#27ae60"
            out += "<circle cx='\(Self.f(Self.x(point.lon)))' cy='\(Self.f(Self.y(point.lat)))' r='3'"
            out += " fill='\(colour)' opacity='0.8'/>"
        }
        if let marker {
            out += "<circle id='case-marker' cx='\(Self.f(Self.x(marker.lon)))' cy='\(Self.f(Self.y(marker.lat)))'"
            out += " r='6' fill='#c0392b' stroke='#ffffff' stroke-width='2'/>"
        }
        return out + "</svg>"
    }

    /// A horizontal bar chart: one bar per row scaled to `maximum`, its text written after the bar.
    static func bars(_ rows: [(label: String, value: Double, text: String)], maximum: Double, id: String) -> String {
        let height = 22 * rows.count + 8
        var out = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 360 \(height)' role='img' class='case-chart'"
        out += " id='\(id)' style='max-width:100%;height:auto'>"
        for (index, row) in rows.enumerated() {
            let top = 4 + index * 22
            let length = maximum > 0 ? max(0, min(1, row.value / maximum)) * 170 : 0
            out += "<text x='0' y='\(top + 14)' font-size='11'>\(Self.escape(String(row.label.prefix(10))))</text>"
            out += "<rect x='120' y='\(top + 3)' width='\(Self.f(length))' height='14' fill='#2e86c1'/>"
            out += "<text x='\(Self.f(124 + length))' y='\(top + 14)' font-size='11'>\(Self.escape(row.text))</text>"
        }
        return out + "</svg>"
    }

    /// A coordinate with one decimal.
    static func f(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
