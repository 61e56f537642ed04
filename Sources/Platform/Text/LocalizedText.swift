/// A text in Chinese and English: the one bilingual type of the platform (names, labels, navigation, messages).
public struct LocalizedText: Codable, Sendable, Equatable, Hashable {
    public let zh: String
    public let en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text for `locale`.
    public func pick(_ locale: AppLocale) -> String { locale.pick(zh: self.zh, en: self.en) }
}
