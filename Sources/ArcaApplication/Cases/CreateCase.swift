import ArcaDomain
import ArcaPersistence
import Foundation

/// Opens a case in the caller's office, numbered in the office's series for the year it
/// is opened.
public struct CreateCase: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(_ input: NewCase, by caller: Caller) async throws -> Case {
        let officeCode = try caller.office(for: .recordCases)
        let now = clock()
        var validation = Validation(reading: input)
        let title = validation.required("title", input.title).flatMap { validation.title("title", $0) }
        let offences = validation.required("offences", input.offences).flatMap { validation.offences("offences", $0) }
        let openedOn = validation.pastDay("openedOn", input.openedOn, today: caller.today(now))
        let origin = validation.optional("origin", input.origin, "case-origin") { (code) throws(VocabularyError) in
            try CaseOrigin(rawValue: code).orRefuse(code, as: "a case origin (\(CaseOrigin.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let criminalFile = input.criminalFileReference.flatMap { validation.criminalFileReference("criminalFileReference", $0) }
        try validation.finish()
        guard let title, let offences, let openedOn else { return try unreachable() }

        return try await database.transaction { store in
            guard let office = try await store.offices.find(officeCode) else { throw UseCaseError.forbidden("office \(officeCode) is not registered") }
            let reference = try await store.cases.nextReference(office: office, year: openedOn.year)
            let file = Case(
                id: UUID(), reference: reference, office: officeCode, title: title, offences: offences, openedOn: openedOn,
                status: .opened, origin: origin ?? .domesticReferral, criminalFileReference: criminalFile, version: 1,
                createdAt: now, updatedAt: now)
            try await store.cases.add(file)
            try await store.audit.change("CreateCase", by: caller, entity: "case", id: file.id.lowercased, after: file)
            return file
        }
    }
}
