import Foundation

/// Server-drawn SVG charts for the statistics page. Attributes use single quotes; labels are escaped.
enum SocietySVG {
    /// Horizontal bars, one per row, 360 wide, scaled to the largest value.
    static func bars(_ rows: [(label: String, value: Double)], id: String) -> String {
        let height = max(20, rows.count * 22)
        let largest = max(rows.map(\.value).max() ?? 0, 1)
        var out = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 360 \(height)' role='img' id='\(id)'"
        out += " style='max-width:100%;height:auto'>"
        for (index, row) in rows.enumerated() {
            let y = index * 22
            let width = Int(row.value / largest * 180)
            out += "<text x='0' y='\(y + 15)' font-size='11'>\(self.escape(String(row.label.prefix(12))))</text>"
            out += "<rect x='120' y='\(y + 4)' width='\(width)' height='14' fill='#2e86c1'/>"
            out += "<text x='\(124 + width)' y='\(y + 15)' font-size='11'>\(self.number(row.value))</text>"
        }
        return out + "</svg>"
    }

    /// Vertical columns for months, 360 × 160, labels `MM` under each.
    static func columns(_ rows: [(label: String, value: Double)], id: String) -> String {
        let largest = max(rows.map(\.value).max() ?? 0, 1)
        let slot = 360.0 / Double(max(rows.count, 1))
        var out = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 360 160' role='img' id='\(id)'"
        out += " style='max-width:100%;height:auto'>"
        for (index, row) in rows.enumerated() {
            let height = row.value / largest * 120
            let x = Double(index) * slot
            out += "<rect x='\(self.number(x + 2))' y='\(self.number(130 - height))' width='\(self.number(slot - 4))'"
            out += " height='\(self.number(height))' fill='#27ae60'><title>\(self.escape(row.label)): "
            out += "\(self.number(row.value))</title></rect>"
            out += "<text x='\(self.number(x + slot / 2))' y='148' font-size='10' text-anchor='middle'>"
            out += "\(self.escape(String(row.label.suffix(2))))</text>"
        }
        return out + "</svg>"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
