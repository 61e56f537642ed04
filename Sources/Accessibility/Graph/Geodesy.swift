#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Geodesic helpers. Distances use the haversine formula on a sphere of the IUGG mean Earth radius
/// (6,371,008.8 m): for street segments of a few hundred metres its error against the WGS-84 ellipsoid is
/// below 0.5 %, well within what walking-distance planning needs (Vincenty/Karney would be overkill).
public enum Geodesy {
    /// Mean Earth radius in metres.
    public static let earthRadius = 6_371_008.8

    /// Great-circle distance in metres between two lon/lat points given in degrees.
    @inline(__always)
    public static func haversine(lon1: Double, lat1: Double, lon2: Double, lat2: Double) -> Double {
        let toRadians = Double.pi / 180
        let p1 = lat1 * toRadians
        let p2 = lat2 * toRadians
        let dp = p2 - p1
        let dl = (lon2 - lon1) * toRadians
        let s1 = sin(dp / 2)
        let s2 = sin(dl / 2)
        let a = s1 * s1 + cos(p1) * cos(p2) * s2 * s2
        return 2 * earthRadius * asin(min(1, a.squareRoot()))
    }
}
