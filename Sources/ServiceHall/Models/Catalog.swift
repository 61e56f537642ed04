import Platform

/// The service catalog: themes, departments and the services they offer, as imported from the catalog file.
public struct Catalog: Codable, Sendable, Equatable {
    public let version: Int
    public let themes: [Theme]
    public let departments: [Department]
    public let services: [CatalogService]

    public init(version: Int, themes: [Theme], departments: [Department], services: [CatalogService]) {
        self.version = version
        self.themes = themes
        self.departments = departments
        self.services = services
    }
}

/// A theme residents browse by (transport, medical care, bill payment …).
public struct Theme: Codable, Sendable, Equatable {
    public let id: String
    public let name: LocalizedText
}

/// A department (部门) of the city government or a public utility that owns services.
public struct Department: Codable, Sendable, Equatable {
    public let id: String
    public let name: LocalizedText
}

/// What kind of service a catalog entry is, which decides how a resident gets it done.
public enum ServiceKind: String, Codable, Sendable, CaseIterable {
    /// Information only: conditions, materials, steps.
    case guide
    /// A form defined in the catalog, submitted here and handled by the department's staff in the console.
    case application
    /// Booked through the appointments context (the entry links there).
    case appointment
    /// Paid through the billing context (the entry links there).
    case payment
    /// The department's own system, entered through single sign-on.
    case departmentSystem = "department_system"
}

/// A fee in fen (分) with its wording.
public struct Fee: Codable, Sendable, Equatable {
    public let fen: Int
    public let zh: String
    public let en: String
}

/// Where a department system starts an OpenID Connect sign-in on its side (third-party initiated login).
public struct DepartmentSystemLink: Codable, Sendable, Equatable {
    /// The system's `initiate_login_uri`; it receives `iss` and `target_link_uri` and then sends the resident to
    /// this platform's `/oauth/authorize` with its own client id and PKCE challenge.
    public let initiateLoginUri: String
    /// The page of the system the resident lands on after signing in.
    public let targetLinkUri: String
}

/// One service (事项) of the catalog.
public struct CatalogService: Codable, Sendable, Equatable {
    public let id: String
    public let department: String
    public let theme: String
    public let kind: ServiceKind
    public let name: LocalizedText
    /// Other names residents search by (Chinese or English).
    public let synonyms: [String]
    public let summary: LocalizedText
    /// Who may use it, in words.
    public let eligibility: LocalizedText
    /// The assurance level a resident needs (0: no sign-in, 1 registered, 2 real-name, 3 confirmed in person).
    public let level: Int
    /// What to bring.
    public let materials: [LocalizedText]
    public let fee: Fee
    /// Promised time in working days (0: immediate or not applicable).
    public let promisedDays: Int
    public let legalBasis: LocalizedText?
    /// The form of an application.
    public let form: ServiceForm?
    /// The page an appointment or payment entry links to.
    public let link: String?
    /// The department system a `department_system` entry signs into.
    public let system: DepartmentSystemLink?
}

/// The form of an application service.
public struct ServiceForm: Codable, Sendable, Equatable {
    public let fields: [FormField]
}

/// The kinds of form field the catalog may define.
public enum FieldType: String, Codable, Sendable, CaseIterable {
    case text, textarea, number, date, choice, phone, email, checkbox
    case idNumber = "id_number"
}

/// One choice of a `choice` field.
public struct FieldChoice: Codable, Sendable, Equatable {
    public let value: String
    public let zh: String
    public let en: String
}

/// One typed field of an application form.
public struct FormField: Codable, Sendable, Equatable {
    public let name: String
    public let type: FieldType
    public let label: LocalizedText
    public let required: Bool
    public let help: LocalizedText?
    public let choices: [FieldChoice]?
    /// Bounds of a number.
    public let min: Double?
    public let max: Double?
    /// Length bounds of a text, in characters.
    public let minLength: Int?
    public let maxLength: Int?
    /// A regular expression the whole text must match, with words that say what it wants.
    public let pattern: String?
    public let patternHint: LocalizedText?
}
