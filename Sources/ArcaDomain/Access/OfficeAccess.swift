/// The office-access rule: a case and everything recorded in it belong to the office that
/// opened it. That office reads and changes them; an office it shared the case with reads
/// them and changes nothing; to every other office they do not exist, so asking for one is
/// "not found", never "forbidden" (which would tell that it exists). Repositories apply the
/// first half when they read (`Owned` only ever holds a record the office may see); `check`
/// applies the second.
public struct Owned<Record: Sendable>: Sendable {
    public let record: Record
    /// The office owning the case the record is in.
    public let owner: OfficeCode
    public let caseStatus: CaseStatus

    public init(record: Record, owner: OfficeCode, caseStatus: CaseStatus) {
        self.record = record
        self.owner = owner
        self.caseStatus = caseStatus
    }

    /// The record, if `office` may do `access` to it.
    public func check(_ access: RecordAccess, by office: OfficeCode) throws(AccessRefusal) -> Record {
        guard access == .read || owner == office else { throw .onlyShared(owner: owner, with: office) }
        guard access != .record || caseStatus.acceptsNewRecords else { throw .caseClosed(caseStatus) }
        return record
    }
}

/// What an office wants to do with a record of a case it may see.
public enum RecordAccess: Sendable, Equatable {
    case read
    /// Correct what is recorded (rectification, allowed in a closed case too).
    case change
    /// Record something new in the case: an asset, order, event or valuation (a closed case
    /// takes none; a subject found late may still be added).
    case record
}

public enum AccessRefusal: Error, Equatable, CustomStringConvertible {
    /// The case is only shared with the office: it may read, not change.
    case onlyShared(owner: OfficeCode, with: OfficeCode)
    /// The case takes no new records (DOMAIN §3.2).
    case caseClosed(CaseStatus)

    public var description: String {
        switch self {
        case .onlyShared(let owner, let office): return "it is in a case of \(owner), only shared with \(office)"
        case .caseClosed(let status): return "it is in a case that is \(status.rawValue): a closed case takes no new assets, orders or events"
        }
    }
}
