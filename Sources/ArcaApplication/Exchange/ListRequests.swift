import ArcaDomain
import ArcaPersistence
import Foundation

/// The office's requests, newest first; with `overdue` or `dueWithin`, those awaiting an
/// answer whose deadline has passed or falls within the period, soonest first.
public struct ListRequests: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(_ request: RequestListRequest, by caller: Caller) async throws -> RequestList {
        let office = try caller.office(for: .readCases)
        let now = clock()
        var validation = Validation()
        var filter = RequestFilter(office: office, limit: validation.pageLimit(request.limit))
        if let text = request.caseID { filter.caseID = validation.id("case", text) }
        filter.direction = validation.optional("direction", request.direction, "request-direction") { (code) throws(VocabularyError) in
            try RequestDirection(rawValue: code).orRefuse(code, as: "a direction (outgoing, incoming)")
        }
        filter.state = validation.optional("state", request.state, "request-state") { (code) throws(VocabularyError) in
            try RequestState(rawValue: code).orRefuse(code, as: "a request state")
        }
        filter.dueBefore = validation.dueBefore(overdue: request.overdue, dueWithin: request.dueWithin, now: now, timeZone: caller.timeZone)
        filter.after = validation.optional("cursor", request.cursor, "cursor") { (text) throws(CursorError) in try Cursor.requestPosition(text) }
        try validation.finish()

        return try await database.transaction { store in
            let rows = try await store.requests.list(filter)
            let page = Page(rows: rows, limit: filter.limit) { request in
                Cursor.text(RequestListPosition(filter.byDeadline ? request.clock?.deadline ?? request.createdAt : request.createdAt, id: request.id))
            }
            try await store.audit.recordSearch("ListRequests", by: caller, entity: "request", filter: filter, shown: page.items.map(\.id.lowercased))
            return RequestList(page: page, readAt: now, timeZone: caller.timeZone)
        }
    }
}
