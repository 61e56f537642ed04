import Foundation
import Platform

/// A report as a client sends it (`POST /api/v1/cases`), before validation.
public struct CaseReport: Decodable, Sendable {
    /// A photo as base64 of a JPEG or PNG file.
    public struct Photo: Decodable, Sendable {
        public let contentType: String?
        public let data: String?
    }

    public var category: String?
    public var description: String?
    public var address: String?
    public var lat: Double?
    public var lon: Double?
    /// The community where the problem is; residents may omit it (their registered community is used).
    public var communityCode: String?
    public var photos: [Photo]?
    public var mediaUrl: String?

    public init(
        category: String?, description: String?, address: String? = nil, lat: Double? = nil, lon: Double? = nil,
        communityCode: String? = nil, photos: [Photo]? = nil, mediaUrl: String? = nil
    ) {
        self.category = category
        self.description = description
        self.address = address
        self.lat = lat
        self.lon = lon
        self.communityCode = communityCode
        self.photos = photos
        self.mediaUrl = mediaUrl
    }
}

/// A report that passed every check of its own fields (the category and community are checked against data by
/// ``CaseService``).
public struct ValidReport: Sendable {
    /// A decoded photo.
    public struct Photo: Sendable, Equatable {
        public let contentType: String
        public let bytes: [UInt8]
    }

    public let category: String
    public let description: String
    public let address: String
    public let lat: Double?
    public let lon: Double?
    public let communityCode: String?
    public let photos: [Photo]
    public let mediaURL: String?

    /// Chengdu's bounding box: 102.9–104.9° E, 30.1–31.5° N.
    public static let longitudes = 102.9...104.9
    public static let latitudes = 30.1...31.5
    /// At most this many photos of at most ``maxPhotoBytes`` each.
    public static let maxPhotos = 3
    public static let maxPhotoBytes = 256 * 1024

    /// Checks every field; throws the first problem (nothing is written before this passes).
    public init(_ report: CaseReport) throws {
        guard let category = report.category?.trimmingCharacters(in: .whitespaces), !category.isEmpty else {
            throw CasesProblem.invalidReport("category", zh: "请选择诉求类别。", en: "Choose a category.")
        }
        let description = (report.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard (5...2000).contains(description.count) else {
            throw CasesProblem.invalidReport(
                "description", zh: "请用 5 到 2000 个字描述问题。", en: "Describe the problem in 5 to 2000 characters.")
        }
        let address = (report.address ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard address.count <= 200 else {
            throw CasesProblem.invalidReport("address", zh: "地址不能超过 200 个字。", en: "The address is over 200 characters.")
        }
        switch (report.lat, report.lon) {
        case (let lat?, let lon?):
            guard lat.isFinite, lon.isFinite, Self.latitudes.contains(lat), Self.longitudes.contains(lon) else {
                throw CasesProblem.outsideCity
            }
        case (nil, nil):
            guard !address.isEmpty else {
                throw CasesProblem.invalidReport(
                    "address", zh: "请在地图上选点或填写地址。", en: "Pick a point on the map or give an address.")
            }
        default:
            throw CasesProblem.invalidReport("lat", zh: "经度和纬度须同时填写。", en: "Give both latitude and longitude.")
        }
        self.photos = try (report.photos ?? []).enumerated().map { try Self.photo($1, index: $0) }
        guard self.photos.count <= Self.maxPhotos else {
            throw CasesProblem.invalidPhoto(
                Self.maxPhotos, zh: "最多上传 \(Self.maxPhotos) 张照片。", en: "At most \(Self.maxPhotos) photos.")
        }
        if let url = report.mediaUrl, !url.isEmpty {
            guard url.count <= 500, url.hasPrefix("https://") || url.hasPrefix("http://") else {
                throw CasesProblem.invalidReport(
                    "mediaUrl", zh: "照片链接须为 http(s) 地址。", en: "The media URL must be an http(s) URL.")
            }
        }
        self.category = category
        self.description = description
        self.address = address
        self.lat = report.lat
        self.lon = report.lon
        let community = report.communityCode?.trimmingCharacters(in: .whitespaces)
        self.communityCode = community?.isEmpty == false ? community : nil
        self.mediaURL = report.mediaUrl?.isEmpty == false ? report.mediaUrl : nil
    }

    /// Decodes one photo and checks its size and magic number (JPEG `FF D8 FF`, PNG `89 50 4E 47`).
    static func photo(_ photo: CaseReport.Photo, index: Int) throws -> Photo {
        guard let data = photo.data.flatMap({ Data(base64Encoded: $0) }) else {
            throw CasesProblem.invalidPhoto(index, zh: "照片须为 base64 编码。", en: "A photo must be base64-encoded.")
        }
        guard data.count <= Self.maxPhotoBytes else {
            throw CasesProblem.invalidPhoto(
                index, zh: "每张照片不能超过 256 KB。", en: "Each photo must be at most 256 KB.")
        }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return Photo(contentType: "image/jpeg", bytes: bytes) }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return Photo(contentType: "image/png", bytes: bytes) }
        throw CasesProblem.invalidPhoto(index, zh: "照片须为 JPEG 或 PNG 图片。", en: "A photo must be a JPEG or PNG image.")
    }
}
