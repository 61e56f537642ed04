import Foundation
import Platform

/// A facility as a client sends it (`POST` creates from every field, `PATCH` changes the fields present).
public struct FacilityInput: Decodable, Sendable {
    public var category: String?
    public var name: String?
    public var lon: Double?
    public var lat: Double?
    /// An empty string clears the value.
    public var openingHours: String?
    public var `operator`: String?

    public init(
        category: String? = nil, name: String? = nil, lon: Double? = nil, lat: Double? = nil,
        openingHours: String? = nil, operator: String? = nil
    ) {
        self.category = category
        self.name = name
        self.lon = lon
        self.lat = lat
        self.openingHours = openingHours
        self.operator = `operator`
    }

    /// Validates a complete input into a new facility of `community`.
    public func validated(community: String, source: FacilitySource, externalRef: String? = nil) throws -> NewFacility {
        guard let categoryText = self.category else { throw FacilityRules.missing("category") }
        guard let name = self.name else { throw FacilityRules.missing("name") }
        guard let lon = self.lon else { throw FacilityRules.missing("lon") }
        guard let lat = self.lat else { throw FacilityRules.missing("lat") }
        return NewFacility(
            communityCode: community, category: try FacilityRules.category(categoryText),
            name: try FacilityRules.text(name, field: "name", max: 80, required: true)!,
            lon: try FacilityRules.longitude(lon), lat: try FacilityRules.latitude(lat),
            openingHours: try FacilityRules.text(self.openingHours, field: "openingHours", max: 120, required: false),
            operator: try FacilityRules.text(self.operator, field: "operator", max: 80, required: false),
            source: source, externalRef: externalRef)
    }

    /// Applies the fields present to an existing facility.
    public func applied(to facility: Facility) throws -> NewFacility {
        NewFacility(
            communityCode: facility.communityCode,
            category: try self.category.map(FacilityRules.category) ?? facility.category,
            name: try self.name.map { try FacilityRules.text($0, field: "name", max: 80, required: true)! }
                ?? facility.name,
            lon: try self.lon.map(FacilityRules.longitude) ?? facility.lon,
            lat: try self.lat.map(FacilityRules.latitude) ?? facility.lat,
            openingHours: self.openingHours == nil
                ? facility.openingHours
                : try FacilityRules.text(self.openingHours, field: "openingHours", max: 120, required: false),
            operator: self.operator == nil
                ? facility.operator
                : try FacilityRules.text(self.operator, field: "operator", max: 80, required: false),
            source: facility.source)
    }
}

/// The validation rules of a facility's fields, shared by the API and the importers.
public enum FacilityRules {
    /// 400 for a missing field.
    static func missing(_ field: String) -> Problem {
        LivabilityProblem.invalidField(field, zh: "缺少字段“\(field)”。", en: "The field '\(field)' is missing.")
    }

    /// One of the eight categories.
    public static func category(_ text: String) throws -> FacilityCategory {
        guard let category = FacilityCategory(name: text) else {
            let names = FacilityCategory.allCases.map(\.rawValue).joined(separator: "|")
            throw LivabilityProblem.invalidField(
                "category", zh: "类别必须是 \(names) 之一。", en: "The category must be one of \(names).")
        }
        return category
    }

    /// A trimmed single-line text of at most `max` characters; nil (or empty when not required) gives nil.
    public static func text(_ value: String?, field: String, max: Int, required: Bool) throws -> String? {
        let trimmed = value?.trimmingCharacters(in: .whitespaces) ?? ""
        if trimmed.isEmpty {
            if required {
                throw LivabilityProblem.invalidField(field, zh: "“\(field)”不能为空。", en: "'\(field)' must not be empty.")
            }
            return nil
        }
        guard trimmed.count <= max else {
            throw LivabilityProblem.invalidField(
                field, zh: "“\(field)”不能超过 \(max) 个字。", en: "'\(field)' is limited to \(max) characters.")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw LivabilityProblem.invalidField(
                field, zh: "“\(field)”不能包含控制字符。", en: "'\(field)' must not contain control characters.")
        }
        return trimmed
    }

    /// A finite longitude in degrees.
    public static func longitude(_ value: Double) throws -> Double {
        guard value.isFinite, (-180...180).contains(value) else {
            throw LivabilityProblem.invalidField("lon", zh: "经度必须在 -180 到 180 之间。", en: "lon must be from -180 to 180.")
        }
        return value
    }

    /// A finite latitude in degrees.
    public static func latitude(_ value: Double) throws -> Double {
        guard value.isFinite, (-90...90).contains(value) else {
            throw LivabilityProblem.invalidField("lat", zh: "纬度必须在 -90 到 90 之间。", en: "lat must be from -90 to 90.")
        }
        return value
    }
}
