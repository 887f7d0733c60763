import Foundation

/// Which requests or certificates a list shows: those of one office, narrowed by the filters
/// a user set; newest first, or by deadline when the list is of what is late or due.
public struct ExchangeFilter<State: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
    public var office: OfficeCode
    public var caseID: UUID?
    public var direction: RequestDirection?
    public var state: State?
    /// Only those still awaiting an answer (a request) or a recognition decision (an
    /// incoming certificate) whose deadline is before this instant.
    public var dueBefore: Date?
    public var after: RequestListPosition?
    public var limit: Int

    public init(office: OfficeCode, limit: Int) {
        self.office = office
        self.limit = limit
    }

    /// A list by deadline, soonest first: what is late or about to be.
    public var byDeadline: Bool { dueBefore != nil }
}

/// Where a page of requests or certificates ended: the last one's sort key and id.
public struct RequestListPosition: Sendable, Equatable, Codable {
    /// Microseconds since 1970 of the instant the list sorts by (created, or deadline).
    public let instant: Int64
    public let id: UUID

    public init(instant: Int64, id: UUID) {
        self.instant = instant
        self.id = id
    }

    /// The position of a record sorted by `instant`.
    public init(_ instant: Date, id: UUID) {
        self.init(instant: Int64((instant.timeIntervalSince1970 * 1_000_000).rounded()), id: id)
    }

    public var date: Date { Date(timeIntervalSince1970: Double(instant) / 1_000_000) }
}

public typealias RequestFilter = ExchangeFilter<RequestState>
public typealias CertificateFilter = ExchangeFilter<CertificateState>
