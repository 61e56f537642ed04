import Platform

/// A service as a card on the hall's pages.
struct ServiceCard: Sendable {
    let id: String
    let name: String
    let summary: String
    let kindLabel: String
    let departmentName: String
    let url: String

    init(_ service: CatalogService, snapshot: CatalogSnapshot, locale: AppLocale) {
        self.id = service.id
        self.name = service.name.pick(locale)
        self.summary = service.summary.pick(locale)
        self.kindLabel = ServiceCard.kindLabel(service.kind, locale)
        self.departmentName = snapshot.department(service.department)?.name.pick(locale) ?? ""
        self.url = "/services/\(service.id)"
    }

    static func kindLabel(_ kind: ServiceKind, _ locale: AppLocale) -> String {
        ServiceHallStrings.table(for: locale)["sh_kind_\(kind.rawValue)"] ?? kind.rawValue
    }
}

/// A link that filters (a theme chip).
struct FilterLink: Sendable {
    let label: String
    let url: String
    let selected: Bool
}

/// An option of a `<select>`.
struct SelectOption: Sendable {
    let value: String
    let label: String
    let selected: Bool
}

/// The hall page `/services`: search, theme filters, results or hot services, my favourites and recent services.
struct HallModel: Sendable {
    let query: String
    let themes: [FilterLink]
    let departments: [SelectOption]
    let theme: String?
    let available: Bool
    let searched: Bool
    let results: [ServiceCard]
    let hasResults: Bool
    let resultCount: Int
    let hot: [ServiceCard]
    let favourites: [ServiceCard]
    let hasFavourites: Bool
    let recent: [ServiceCard]
    let hasRecent: Bool
    let signedIn: Bool
    let signInURL: String
}

/// One field of a form as the page renders it, with the value sent and its error.
struct FieldModel: Sendable {
    let name: String
    let label: String
    let required: Bool
    let value: String
    let error: String
    let hasError: Bool
    let help: String?
    let inputType: String
    let isInput: Bool
    let isTextarea: Bool
    let isChoice: Bool
    let isCheckbox: Bool
    let checked: Bool
    let choices: [SelectOption]
    /// Optional, so that Mustache leaves the attribute out when there is none (an empty string is truthy).
    let min: String?
    let max: String?
    let maxLength: String?

    init(_ field: FormField, value: String, error: String?, locale: AppLocale) {
        self.name = field.name
        self.label = field.label.pick(locale)
        self.required = field.required
        self.value = value
        self.error = error ?? ""
        self.hasError = error != nil
        self.help = field.help?.pick(locale) ?? field.patternHint?.pick(locale)
        self.inputType =
            switch field.type {
            case .phone: "tel"
            case .email: "email"
            case .number: "number"
            case .date: "date"
            default: "text"
            }
        self.isTextarea = field.type == .textarea
        self.isChoice = field.type == .choice
        self.isCheckbox = field.type == .checkbox
        self.isInput = !self.isTextarea && !self.isChoice && !self.isCheckbox
        self.checked = field.type == .checkbox && ["true", "on", "1"].contains(value)
        self.choices = (field.choices ?? []).map {
            SelectOption(value: $0.value, label: locale.pick(zh: $0.zh, en: $0.en), selected: $0.value == value)
        }
        self.min = field.min.map(FormValidator.format)
        self.max = field.max.map(FormValidator.format)
        self.maxLength = field.maxLength.map(String.init)
    }
}

/// The service page `/services/{id}`: what the catalog says, and the form of an application.
struct ServiceDetailModel: Sendable {
    let id: String
    let name: String
    let summary: String
    let kindLabel: String
    let department: String
    let theme: String
    let eligibility: String
    let level: Int
    let levelMeaning: String
    let materials: [String]
    let hasMaterials: Bool
    let fee: String
    let promised: String
    let legal: String
    let hasLegal: Bool
    let isApplication: Bool
    let canApply: Bool
    let needsSignIn: Bool
    let signInURL: String
    let levelTooLow: Bool
    let levelMessage: String
    let fields: [FieldModel]
    let hasErrors: Bool
    let csrf: String
    let idempotencyKey: String
    let isLink: Bool
    let isSystem: Bool
    let openURL: String
    let signedIn: Bool
    let isFavourite: Bool
}
