import ArcaDomain
import ArcaPersistence
import Foundation

/// Lists the cases the caller's office may see, newest opened first, one page at a time.
/// The search itself is logged (Dir 2024/1260 Art 8 asks that every search be monitored).
public struct ListCases: Sendable {
    let database: Database
    /// A read-only replica the cases are read from, when there is one.
    let replica: Database?

    public init(database: Database, readingFrom replica: Database? = nil) {
        self.database = database
        self.replica = replica
    }

    public func callAsFunction(_ request: CaseListRequest, by caller: Caller) async throws -> Page<Case> {
        let office = try caller.office(for: .readCases)
        var validation = Validation()
        var filter = CaseFilter(office: office, limit: validation.pageLimit(request.limit))
        filter.status = validation.optional("status", request.status, "case-status") { (code) throws(VocabularyError) in
            try CaseStatus(rawValue: code).orRefuse(code, as: "a case status")
        }
        filter.offence = validation.optional("offence", request.offence, "offence-category") { (code) throws(VocabularyError) in
            try OffenceCategory(rawValue: code).orRefuse(code, as: "an offence category")
        }
        filter.assetCategory = validation.optional("assetCategory", request.assetCategory, "asset-category") {
            (code) throws(VocabularyError) in try AssetCategory(rawValue: code).orRefuse(code, as: "an asset category")
        }
        filter.country = validation.optional("country", request.country, "country-code") { (code) throws(VocabularyError) in
            try CountryCode(code)
        }
        filter.openedFrom = validation.optional("openedFrom", request.openedFrom, "date") { (text) throws(DayError) in try Day(text) }
        filter.openedTo = validation.optional("openedTo", request.openedTo, "date") { (text) throws(DayError) in try Day(text) }
        filter.text = validation.optional("q", request.text, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: CaseFilter.textLength, what: "the search text")
        }
        filter.reviewDue = validation.optionalFlag("reviewDue", request.reviewDue)
        filter.after = validation.optional("cursor", request.cursor, "cursor") { (text) throws(CursorError) in try Cursor.position(text) }
        try validation.finish()

        let consultant = try caller.consultant

        return try await database.searched(readingFrom: replica) { store in
            Page(rows: try await store.cases.list(filter), limit: filter.limit) { Cursor.text(ListPosition(day: $0.openedOn, id: $0.id)) }
        } log: { page, store in
            try await store.audit.recordSearch("ListCases", by: consultant, entity: "case", filter: filter, shown: page.items.map(\.id.lowercased))
        }
    }
}
