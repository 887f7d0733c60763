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
        let filter: RequestFilter = validation.exchangeFilter(request, of: office, now: now, timeZone: caller.timeZone)
        try validation.finish()

        let consultant = try caller.consultant

        return try await database.transaction { store in
            let rows = try await store.requests.list(filter)
            let page = Page(rows: rows, limit: filter.limit) { request in
                Cursor.text(RequestListPosition(filter.byDeadline ? request.clock?.deadline ?? request.createdAt : request.createdAt, id: request.id))
            }
            try await store.audit.recordSearch("ListRequests", by: consultant, entity: "request", filter: filter, shown: page.items.map(\.id.lowercased))
            return RequestList(page: page, readAt: now, timeZone: caller.timeZone)
        }
    }
}
