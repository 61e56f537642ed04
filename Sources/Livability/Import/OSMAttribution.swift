/// The attribution the OpenStreetMap licence (ODbL 1.0) asks for wherever its data is used or shown: the same line
/// as `data/SOURCES.md` gives for the shipped extracts. The importers print it and the map pages show it when they
/// draw OpenStreetMap data.
public enum OSMAttribution {
    /// The attribution line.
    public static let text = "© OpenStreetMap contributors, available under the Open Database License (ODbL)"
}
