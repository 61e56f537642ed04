/// Decides which OSM ways are walkable street-network edges.
///
/// Rule, in order:
/// 1. The way must have a `highway=*` tag.
/// 2. Excluded outright: `motorway`, `motorway_link` (pedestrians banned), `construction`, `proposed`,
///    `planned`, `abandoned`, `razed`, `disused`, `bus_guideway`, `raceway`, `busway`, `escape`, and
///    area-like values that are not paths (`rest_area`, `services`).
/// 3. `foot=no` or `foot=use_sidepath` excludes any way (including trunk roads: trunks are walkable unless so
///    tagged, as in most of Europe and China).
/// 4. `access=no` or `access=private` excludes the way unless `foot` explicitly allows walking
///    (`yes`, `designated`, `permissive`, `destination`).
/// 5. Everything else is walkable: footway, path, steps, pedestrian, living_street, residential, service,
///    unclassified, tertiary/secondary/primary/trunk (+ `_link`), track, cycleway, bridleway, corridor,
///    platform, crossing, elevator, road, and unknown values.
public enum WalkableWayRules {
    /// Highway values that are never walkable.
    public static let excludedHighways: Set<String> = [
        "motorway", "motorway_link", "construction", "proposed", "planned", "abandoned", "razed", "disused",
        "bus_guideway", "raceway", "busway", "escape", "rest_area", "services",
    ]

    /// `foot=*` values that override `access=no/private`.
    public static let footAllowed: Set<String> = ["yes", "designated", "permissive", "destination"]

    /// Whether a way with these tags is part of the walking network.
    public static func isWalkable(_ tags: OSMTags) -> Bool {
        guard let highway = tags["highway"], !excludedHighways.contains(highway) else { return false }
        let foot = tags["foot"]
        if foot == "no" || foot == "use_sidepath" { return false }
        if let access = tags["access"], access == "no" || access == "private" {
            return foot.map { footAllowed.contains($0) } ?? false
        }
        return true
    }
}
