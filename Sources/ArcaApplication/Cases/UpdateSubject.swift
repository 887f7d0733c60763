import ArcaDomain
import ArcaPersistence
import Foundation

/// Corrects a subject of a case of the caller's office (Dir 2016/680 Art 16): name, role,
/// birth date and nationality, or registration number and seat, provided the caller saw its
/// current version. The correction is audited with the record before and after.
public struct UpdateSubject: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(id: UUID, changes: SubjectChanges, expectedVersion: ExpectedVersion?, by caller: Caller) async throws -> Subject {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: changes)
        let name = validation.optional("name", changes.name, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: Subject.nameLength, what: "the name")
        }
        let role = validation.optional("role", changes.role, "subject-role") { (code) throws(VocabularyError) in
            try SubjectRole(rawValue: code).orRefuse(code, as: "a subject role (\(SubjectRole.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let birthDate = changes.birthDate.parsed { text in validation.check("birthDate", "date") { () throws(DayError) in try Day(text) } }
        let nationality = changes.nationality.parsed { validation.country("nationality", $0) }
        let registration = changes.registrationNumber.parsed { text in
            validation.check("registrationNumber", "text") { () throws(RecordTextError) in
                try RecordText.valid(text, length: Subject.registrationNumberLength, what: "the registration number")
            }
        }
        let seat = changes.seat.parsed { validation.country("seat", $0) }
        try validation.finish()

        return try await database.transaction { store in
            let current = try await store.subjects.owned(id, by: office)
            try UseCaseError.requireCurrent(expectedVersion, current.version, of: "subject \(id.lowercased)")
            var changed = current
            changed.name = name ?? current.name
            changed.role = role ?? current.role
            var check = Validation()
            check.given(
                [.birthDate: changes.birthDate != .keep, .nationality: changes.nationality != .keep,
                 .registrationNumber: changes.registrationNumber != .keep, .seat: changes.seat != .keep], for: current.person.kind)
            try check.finish()
            switch current.person {
            case .natural(let born, let country):
                changed.person = .natural(birthDate: birthDate.applied(to: born), nationality: nationality.applied(to: country))
            case .legal(let number, let country):
                changed.person = .legal(registrationNumber: registration.applied(to: number), seat: seat.applied(to: country))
            }
            changed.version += 1
            guard try await store.subjects.update(changed) else {
                if try await store.subjects.isErased(id) {
                    throw UseCaseError.conflict("subject \(id.lowercased) was erased with its case's personal data: there is nothing left to correct")
                }
                throw UseCaseError.changedMeanwhile("subject \(id.lowercased)", expected: expectedVersion)
            }
            try await store.audit.change("UpdateSubject", by: caller, entity: "subject", id: id.lowercased, before: current, after: changed)
            return changed
        }
    }
}
