import NIOCore
import Platform

/// The encoded answers of `GET /api/v1/divisions/{code}`, kept for a few seconds.
///
/// Divisions are reference data that change only on import, while every page and official's scope check reads
/// them; the whole city has about 4,200, so the default capacity holds them all.
public typealias DivisionDetailCache = ExpiringCache<String, ByteBuffer>

extension ExpiringCache where Key == String, Value == ByteBuffer {
    /// A cache of division answers that live 10 seconds.
    public convenience init() {
        self.init(lifetime: .seconds(10))
    }
}
