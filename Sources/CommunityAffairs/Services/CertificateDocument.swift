import Foundation
import Platform

/// Fills a kind's fields and template from the register's facts and the resident's inputs.
enum CertificateDocument {
    /// The content to sign for a certificate of `kind`.
    static func content(
        kind: CertificateKind, number: String, communityCode: String, communityName: String, facts: SubjectFacts,
        inputs: [String: String], issuedAt: Int64, keyID: String
    ) -> CertificateContent {
        let fields = kind.fields.map { field in
            CertificateContent.Field(
                name: field.name, label: field.label, value: self.value(field, facts: facts, inputs: inputs))
        }
        let values = Dictionary(fields.map { ($0.name, $0.value) }) { first, _ in first }
        return CertificateContent(
            format: CertificateContent.currentFormat, number: number, kind: kind.id, title: kind.name,
            communityCode: communityCode, communityName: communityName, issuedOn: CityClock.localDate(issuedAt),
            validUntil: CityClock.localDate(issuedAt + Int64(kind.validityDays) * 86_400), fields: fields,
            text: LocalizedText(
                zh: self.fill(kind.template.zh, values) + "\n特此证明。\n\(communityName)居民委员会",
                en: self.fill(kind.template.en, values) + "\nResidents' committee of \(communityName)"),
            keyID: keyID)
    }

    static func value(_ field: CertificateField, facts: SubjectFacts, inputs: [String: String]) -> String {
        switch field.source {
        case .name: facts.name
        case .idNumber: field.masked == true ? IDNumber.mask(facts.idNumber) : facts.idNumber
        case .gender: facts.gender == "M" ? "男" : facts.gender == "F" ? "女" : facts.gender
        case .birthDate: facts.birthDate
        case .address: facts.address
        case .householdMembers: facts.members.map { "\($0.name)（\($0.relation)）" }.joined(separator: "、")
        case .householdSize: String(facts.members.count)
        case .input: inputs[field.name] ?? ""
        }
    }

    /// The template with every `{name}` replaced by its value.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var text = template
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }
}
