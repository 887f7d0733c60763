import ArcaDomain
import ArcaPersistence
import Foundation

/// Adds a natural or legal person to a case of the caller's office.
public struct AddSubject: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(caseID: UUID, _ input: NewSubject, by caller: Caller) async throws -> Subject {
        let office = try caller.office(for: .recordCases)
        var validation = Validation(reading: input)
        let name = validation.required("name", input.name, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: Subject.nameLength, what: "the name")
        }
        let role = validation.required("role", input.role, "subject-role") { (code) throws(VocabularyError) in
            try SubjectRole(rawValue: code).orRefuse(code, as: "a subject role (\(SubjectRole.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let person = validation.person(input)
        try validation.finish()
        guard let name, let role, let person else { return try unreachable() }

        return try await database.transaction { store in
            let file = try await store.cases.owned(caseID, by: office)
            // The database refuses it too, also when the erasure is under way (migration 0030).
            if file.retention?.isErased == true {
                throw UseCaseError.conflict("case \(file.reference)'s personal data was erased: it takes no new subject")
            }
            let subject = Subject(id: UUID(), caseID: caseID, name: name, person: person, role: role)
            try await store.subjects.add(subject)
            try await store.audit.change("AddSubject", by: caller, entity: "subject", id: subject.id.lowercased, after: subject)
            return subject
        }
    }
}
