import ArcaDomain
import ArcaPersistence
import Foundation

/// A page of certificates, and the time it was read (the time left is counted from it).
public struct CertificateList: Sendable {
    public let page: Page<Certificate>
    public let readAt: Date
    public let timeZone: TimeZone
}

/// The office's certificates, newest first; with `overdue` or `dueWithin`, the incoming ones
/// still awaiting their recognition decision whose deadline has passed or falls within the
/// period, soonest first. Takes the same filters as the list of requests.
public struct ListCertificates: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(_ request: RequestListRequest, by caller: Caller) async throws -> CertificateList {
        let office = try caller.office(for: .readCases)
        let now = clock()
        var validation = Validation()
        let filter: CertificateFilter = validation.exchangeFilter(request, of: office, now: now, timeZone: caller.timeZone)
        try validation.finish()

        let consultant = try caller.consultant

        return try await database.transaction { store in
            let rows = try await store.certificates.list(filter)
            let page = Page(rows: rows, limit: filter.limit) { certificate in
                Cursor.text(
                    RequestListPosition(filter.byDeadline ? certificate.clock?.deadline ?? certificate.createdAt : certificate.createdAt, id: certificate.id))
            }
            try await store.audit.recordSearch("ListCertificates", by: consultant, entity: "certificate", filter: filter, shown: page.items.map(\.id.lowercased))
            return CertificateList(page: page, readAt: now, timeZone: caller.timeZone)
        }
    }
}
