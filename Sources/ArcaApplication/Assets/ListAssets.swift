import ArcaDomain
import ArcaPersistence
import Foundation

/// Lists the assets in cases the caller's office may see, newest identified first.
public struct ListAssets: Sendable {
    let database: Database
    /// A read-only replica the assets are read from, when there is one.
    let replica: Database?

    public init(database: Database, readingFrom replica: Database? = nil) {
        self.database = database
        self.replica = replica
    }

    public func callAsFunction(_ request: AssetListRequest, by caller: Caller) async throws -> Page<Asset> {
        let office = try caller.office(for: .readCases)
        var validation = Validation()
        var filter = AssetFilter(office: office, limit: validation.pageLimit(request.limit))
        if let text = request.caseID {
            filter.caseID = validation.id("case", text)
        }
        filter.category = validation.optional("category", request.category, "asset-category") { (code) throws(VocabularyError) in
            try AssetCategory(rawValue: code).orRefuse(code, as: "an asset category")
        }
        filter.country = validation.optional("country", request.country, "country-code") { (code) throws(VocabularyError) in try CountryCode(code) }
        filter.state = validation.optional("state", request.state, "asset-state") { (code) throws(VocabularyError) in
            try AssetState(rawValue: code).orRefuse(code, as: "an asset state")
        }
        filter.identifiedFrom = validation.optional("identifiedFrom", request.identifiedFrom, "date") { (text) throws(DayError) in try Day(text) }
        filter.identifiedTo = validation.optional("identifiedTo", request.identifiedTo, "date") { (text) throws(DayError) in try Day(text) }
        filter.text = validation.optional("q", request.text, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: CaseFilter.textLength, what: "the search text")
        }
        filter.valueMissing = validation.optionalFlag("valueMissing", request.valueMissing)
        filter.after = validation.optional("cursor", request.cursor, "cursor") { (text) throws(CursorError) in try Cursor.position(text) }
        try validation.finish()

        let consultant = try caller.consultant

        return try await database.searched(readingFrom: replica) { store in
            Page(rows: try await store.assets.list(filter).map(\.record), limit: filter.limit) { Cursor.text(ListPosition(day: $0.identifiedOn, id: $0.id)) }
        } log: { page, store in
            try await store.audit.recordSearch("ListAssets", by: consultant, entity: "asset", filter: filter, shown: page.items.map(\.id.lowercased))
        }
    }
}
