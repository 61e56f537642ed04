import Platform

/// A named place where residents book appointments: a hospital or a government service centre.
public struct Place: Codable, Sendable, Equatable {
    /// What kind of place it is.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case hospital
        case serviceCentre = "service_centre"
    }

    public let id: String
    public let kind: Kind
    public let name: String
    public let nameEn: String
    public let address: String
    public let addressEn: String
    /// The division (district, street or community) the place lies in.
    public let divisionCode: String
    /// The department whose staff manage the place and its slots.
    public let departmentId: String

    public init(
        id: String, kind: Kind, name: String, nameEn: String, address: String, addressEn: String,
        divisionCode: String, departmentId: String
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.nameEn = nameEn
        self.address = address
        self.addressEn = addressEn
        self.divisionCode = divisionCode
        self.departmentId = departmentId
    }

    /// The name in the reader's language.
    public func name(in locale: AppLocale) -> String { locale.pick(zh: self.name, en: self.nameEn) }

    /// Whether `text` may be a place id: 2–64 characters of `a-z 0-9 . -`, starting with a letter or digit.
    public static func isWellFormedID(_ text: String) -> Bool {
        (2...64).contains(text.utf8.count)
            && text.utf8.allSatisfy {
                (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2D
            }
            && text.utf8.first.map { $0 != 0x2E && $0 != 0x2D } == true
    }
}
