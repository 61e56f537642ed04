import Foundation
import Platform

/// What a search asks for: text, filters, and the level of the resident asking ("available to me").
public struct ServiceQuery: Sendable, Equatable {
    public var text: String?
    public var theme: String?
    public var department: String?
    public var kind: ServiceKind?
    /// Only services this assurance level may use (0 for an anonymous visitor); nil: no such filter.
    public var availableToLevel: Int?

    public init(
        text: String? = nil, theme: String? = nil, department: String? = nil, kind: ServiceKind? = nil,
        availableToLevel: Int? = nil
    ) {
        self.text = text
        self.theme = theme
        self.department = department
        self.kind = kind
        self.availableToLevel = availableToLevel
    }
}

/// One entry of the in-memory search index: a service with everything search compares, precomputed as
/// lower-cased UTF-8 bytes and pinyin. A class, so that scanning the index retains one reference per entry rather
/// than every string and array of a copied struct.
final class IndexedService: Sendable {
    let service: CatalogService
    let position: Int
    // Copied out of `service` so that filtering never copies the whole service (and retains all its strings).
    let id: String
    let theme: String
    let department: String
    let kind: ServiceKind
    let level: Int
    let nameZh: ByteText
    let nameEn: ByteText
    let synonyms: [ByteText]
    let departmentText: ByteText
    let summaryText: ByteText
    /// Names, synonyms and summary together, for queries of several words.
    let allText: ByteText
    let namePinyin: PinyinMatcher
    let synonymPinyin: [PinyinMatcher]

    init(_ service: CatalogService, position: Int, department: Department?) {
        self.service = service
        self.position = position
        self.id = service.id
        self.theme = service.theme
        self.department = service.department
        self.kind = service.kind
        self.level = service.level
        self.nameZh = ByteText(service.name.zh)
        self.nameEn = ByteText(service.name.en)
        self.synonyms = service.synonyms.map(ByteText.init)
        self.departmentText = ByteText((department?.name.zh ?? "") + " " + (department?.name.en ?? ""))
        self.summaryText = ByteText(service.summary.zh + " " + service.summary.en)
        self.allText = ByteText(
            ([service.name.zh, service.name.en, service.summary.zh, service.summary.en] + service.synonyms)
                .joined(separator: " "))
        self.namePinyin = PinyinMatcher(service.name.zh)
        self.synonymPinyin = service.synonyms.map(PinyinMatcher.init)
    }

    /// How well this service answers `query` (already normalised); 0 for no match.
    func score(_ query: ByteText, ascii: [UInt8]?, bits: [UInt64], tokens: [ByteText]) -> Int {
        if self.nameZh == query || self.nameEn == query { return 1000 }
        if self.nameZh.hasPrefix(query) || self.nameEn.hasPrefix(query) { return 800 }
        if self.synonyms.contains(query) { return 700 }
        if self.nameZh.contains(query) || self.nameEn.contains(query) { return 600 }
        if self.synonyms.contains(where: { $0.contains(query) }) { return 500 }
        if let ascii, let first = bits.first {
            if self.namePinyin.matchesInitials(bits) { return 450 }
            if self.synonymPinyin.contains(where: { $0.matchesInitials(bits) }) { return 420 }
            if ascii.count >= 3 {
                if self.namePinyin.matchesSyllables(ascii, firstBit: first) { return 400 }
                if self.synonymPinyin.contains(where: { $0.matchesSyllables(ascii, firstBit: first) }) { return 380 }
            }
        }
        if tokens.count > 1, tokens.allSatisfy({ self.allText.contains($0) }) { return 300 }
        if self.departmentText.contains(query) { return 200 }
        if query.bytes.count >= 2, self.summaryText.contains(query) { return 100 }
        return 0
    }
}

/// The search over one catalog snapshot: linear over its services (a city has a few hundred), so it needs no
/// database and answers in microseconds.
public struct ServiceSearch: Sendable {
    let entries: [IndexedService]

    init(catalog: Catalog) {
        let departments = Dictionary(uniqueKeysWithValues: catalog.departments.map { ($0.id, $0) })
        self.entries = catalog.services.enumerated().map {
            IndexedService($1, position: $0, department: departments[$1.department])
        }
    }

    /// The query text as search compares it: lower-cased, spaces collapsed, at most 50 characters.
    static func normalise(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").prefix(50).description
    }

    /// The services matching `query`, best first; ties go to the more used service (`popularity`), then to
    /// catalog order.
    public func search(_ query: ServiceQuery, popularity: [String: Int] = [:]) -> [CatalogService] {
        let text = query.text.map(Self.normalise) ?? ""
        let bytes = ByteText(bytes: Array(text.utf8))
        let asciiQuery = Array(text.utf8).filter { $0 != UInt8(ascii: " ") }
        let ascii: [UInt8]? =
            !asciiQuery.isEmpty && asciiQuery.allSatisfy({ PinyinMatcher.bit($0) != 0 }) ? asciiQuery : nil
        let bits = ascii?.map(PinyinMatcher.bit) ?? []
        let tokens = text.split(separator: " ").map { ByteText(bytes: Array($0.utf8)) }
        var hits: [(score: Int, uses: Int, position: Int, entry: IndexedService)] = []
        for entry in self.entries {
            if let theme = query.theme, entry.theme != theme { continue }
            if let department = query.department, entry.department != department { continue }
            if let kind = query.kind, entry.kind != kind { continue }
            if let level = query.availableToLevel, entry.level > level { continue }
            let score = text.isEmpty ? 1 : entry.score(bytes, ascii: ascii, bits: bits, tokens: tokens)
            guard score > 0 else { continue }
            hits.append((score, popularity[entry.id] ?? 0, entry.position, entry))
        }
        hits.sort { ($0.score, $0.uses, -$0.position) > ($1.score, $1.uses, -$1.position) }
        return hits.map(\.entry.service)
    }
}
