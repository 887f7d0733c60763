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
        // A filter, not a yes-or-no: "not overdue" is no list anyone works from.
        let overdue = validation.optional("overdue", request.overdue, "true") { (text) throws(VocabularyError) in
            try ["true": true][text].orRefuse(text, as: "true (leave it out to list every request)")
        }
        if overdue != nil, request.dueWithin != nil {
            validation.add("overdue", "not-applicable", "dueWithin lists the overdue requests too: give one or the other")
        }
        let within = validation.optional("dueWithin", request.dueWithin, "iso-duration") { (text) throws(DeadlinePeriodError) in
            try DeadlinePeriod(iso: text)
        }
        if let within {
            filter.dueBefore = within.deadline(from: now, in: caller.timeZone)
        } else if overdue == true {
            filter.dueBefore = now
        }
        filter.after = validation.optional("cursor", request.cursor, "cursor") { (text) throws(CursorError) in try Cursor.requestPosition(text) }
        try validation.finish()

        return try await database.transaction { store in
            let rows = try await store.requests.list(filter)
            let page = Page(rows: rows, limit: filter.limit) { request in
                let instant = filter.byDeadline ? request.clock?.deadline ?? request.createdAt : request.createdAt
                return Cursor.text(RequestListPosition(instant: Int64((instant.timeIntervalSince1970 * 1_000_000).rounded()), id: request.id))
            }
            try await store.audit.recordSearch("ListRequests", by: caller, entity: "request", filter: filter, shown: page.items.map(\.id.lowercased))
            return RequestList(page: page, readAt: now, timeZone: caller.timeZone)
        }
    }
}
