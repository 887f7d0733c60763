import ArcaDomain
import ArcaPersistence
import Foundation

/// Reading the parts of a case request that creation and update share.
extension Validation {
    mutating func title(_ field: String, _ text: String) -> String? {
        check(field, "text") { () throws(RecordTextError) in try RecordText.valid(text, length: CaseRules.titleLength, what: "the title") }
    }

    mutating func offences(_ field: String, _ codes: [String]) -> [OffenceCategory]? {
        guard CaseRules.offenceCount.contains(codes.count) else {
            add(field, "count", "a case has \(CaseRules.offenceCount.lowerBound) to \(CaseRules.offenceCount.upperBound) offences")
            return nil
        }
        var offences: [OffenceCategory] = []
        for (index, code) in codes.enumerated() {
            guard let offence = check("\(field)[\(index)]", "offence-category", { () throws(VocabularyError) in
                try OffenceCategory(rawValue: code).orRefuse(code, as: "an offence category (see GET /v1/vocabularies)")
            }) else { continue }
            if !offences.contains(offence) { offences.append(offence) }
        }
        return offences
    }

    mutating func criminalFileReference(_ field: String, _ text: String) -> String? {
        check(field, "text") { () throws(RecordTextError) in
            try RecordText.valid(text, length: CaseRules.criminalFileReferenceLength, what: "the criminal-file reference")
        }
    }
}

extension Validation {
    /// A natural person has a birth date and a nationality; a legal person a registration
    /// number and a seat (`SubjectKind`). Each may be unknown, but not mixed with the other kind's.
    mutating func person(_ input: NewSubject) -> Subject.Person? {
        guard let kind = required("kind", input.kind, "subject-kind", { (code) throws(VocabularyError) in
            try SubjectKind(rawValue: code).orRefuse(code, as: "a kind of subject (natural_person, legal_person)")
        }) else { return nil }
        given([.birthDate: input.birthDate != nil, .nationality: input.nationality != nil,
               .registrationNumber: input.registrationNumber != nil, .seat: input.seat != nil], for: kind)
        switch kind {
        case .naturalPerson:
            let birthDate = optional("birthDate", input.birthDate, "date") { (text) throws(DayError) in try Day(text) }
            let nationality = optional("nationality", input.nationality, "country-code") { (code) throws(VocabularyError) in try CountryCode(code) }
            return .natural(birthDate: birthDate, nationality: nationality)
        case .legalPerson:
            let registration = optional("registrationNumber", input.registrationNumber, "text") { (text) throws(RecordTextError) in
                try RecordText.valid(text, length: Subject.registrationNumberLength, what: "the registration number")
            }
            let seat = optional("seat", input.seat, "country-code") { (code) throws(VocabularyError) in try CountryCode(code) }
            return .legal(registrationNumber: registration, seat: seat)
        }
    }

    /// Refuses each detail given that a subject of `kind` does not have.
    mutating func given(_ details: [PersonDetail: Bool], for kind: SubjectKind) {
        for detail in PersonDetail.allCases where details[detail] == true {
            do throws(PersonDetailError) {
                try kind.check(detail)
            } catch {
                add(detail.rawValue, kind.rawValue.replacingOccurrences(of: "_", with: "-"), error.description)
            }
        }
    }
}
