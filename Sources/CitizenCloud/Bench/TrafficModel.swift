/// One kind of request in a day of city traffic, and how often a daily active resident makes it.
///
/// The daily counts are the model of `bench traffic`, written down so that anyone can disagree with them: a
/// resident who opens the app refreshes the session once, reads the home page (profile, unread notifications,
/// hot services), searches once and opens one or two services; a few look at their applications, bills and
/// appointment places; one in twenty books, one in twelve pays, one in fifty applies; one in fifty signs in
/// with a password (phones keep their refresh token for 30 days). About 9 requests per active resident a day.
enum TrafficKind: String, CaseIterable, Sendable, Comparable {
    case signIn = "sign-in"
    case refresh
    case profile = "me"
    case unread = "unread-count"
    case hotServices = "hot-services"
    case search
    case serviceDetail = "service-detail"
    case myApplications = "my-applications"
    case myBills = "my-bills"
    case places
    case division
    case book
    case pay
    case apply

    /// Requests of this kind per daily active resident per day.
    var perResidentPerDay: Double {
        switch self {
        case .signIn: 0.02
        case .refresh: 1.0
        case .profile: 1.0
        case .unread: 2.0
        case .hotServices: 1.0
        case .search: 1.0
        case .serviceDetail: 1.5
        case .myApplications: 0.4
        case .myBills: 0.4
        case .places: 0.3
        case .division: 0.3
        case .book: 0.05
        case .pay: 0.08
        case .apply: 0.02
        }
    }

    /// Whether the request writes (a booking, a payment, an application, a token).
    var writes: Bool { [.signIn, .refresh, .book, .pay, .apply].contains(self) }

    static func < (lhs: Self, rhs: Self) -> Bool {
        Self.allCases.firstIndex(of: lhs)! < Self.allCases.firstIndex(of: rhs)!
    }
}

/// When in the day the requests come: relative weight of each hour (Beijing time), shaped like a city service
/// app's day: quiet nights, a morning peak at 10:00, a lunch dip, a long afternoon and an evening bump.
enum TrafficDay {
    static let hourlyWeights: [Double] = [
        0.6, 0.3, 0.2, 0.2, 0.3, 0.8, 2.0, 4.0, 6.0, 8.0, 8.5, 7.5,
        5.5, 5.0, 6.5, 7.0, 6.5, 5.5, 4.5, 5.0, 5.5, 4.5, 3.0, 1.6,
    ]

    /// The share of the day's requests that falls in `hour` (0–23).
    static func share(hour: Int) -> Double {
        self.hourlyWeights[hour] / self.hourlyWeights.reduce(0, +)
    }

    /// Requests per daily active resident per day, all kinds together.
    static var requestsPerResident: Double {
        TrafficKind.allCases.reduce(0) { $0 + $1.perResidentPerDay }
    }
}
