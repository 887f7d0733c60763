import ArcaDomain
import ArcaPersistence
import Foundation

/// The office-access rule (`Owned` in ArcaDomain) in the use cases' terms, so that every use
/// case refuses alike: a record the office may not see is not found; one only shared with it
/// is forbidden to change; a closed case's records take nothing new.
extension Optional {
    /// The record a repository found for the caller's office, or "not found".
    func found<Record>(_ what: String) throws(UseCaseError) -> Owned<Record> where Wrapped == Owned<Record> {
        guard let self else { throw .notFound(what) }
        return self
    }
}

extension Owned {
    func permit(_ access: RecordAccess, by office: OfficeCode, _ what: String) throws(UseCaseError) -> Record {
        do {
            return try check(access, by: office)
        } catch {
            switch error {
            case .onlyShared: throw .forbidden("\(what): \(error.description)")
            case .caseClosed: throw .conflict("\(what): \(error.description)")
            }
        }
    }
}

extension CaseRepository {
    /// The case, when the caller's office owns it: not found when the office may not see
    /// it, forbidden when it is only shared with the office.
    /// `toRecord` also refuses a closed case, which takes no new assets, orders or events.
    func owned(_ id: UUID, by office: OfficeCode, toRecord: Bool = false) async throws -> Case {
        let found = try await find(id, visibleTo: office, forShare: toRecord).found("case \(id.lowercased)")
        return try found.permit(toRecord ? .record : .change, by: office, "case \(found.record.reference)")
    }
}

extension SubjectRepository {
    /// The subject, when the caller's office owns its case: not found when the office may not
    /// see it, forbidden when the case is only shared with the office.
    func owned(_ id: UUID, by office: OfficeCode) async throws -> Subject {
        let what = "subject \(id.lowercased)"
        return try await find(id, visibleTo: office).found(what).permit(.change, by: office, what)
    }
}

extension AssetRepository {
    /// The asset, for a change by the office owning its case (see `Owned`). `toRecord` locks
    /// it for the change (a concurrent freeze then sees a new valuation, and the reverse) and
    /// refuses an asset of a closed case, which takes no new events; `locked` locks it without
    /// refusing a closed case (a correction is rectification).
    func owned(_ id: UUID, by office: OfficeCode, toRecord: Bool = false, locked: Bool = false) async throws -> Asset {
        let what = "asset \(id.lowercased)"
        return try await find(id, visibleTo: office, forUpdate: toRecord || locked).found(what).permit(toRecord ? .record : .change, by: office, what)
    }
}

extension OrderRepository {
    /// The order, locked, when the caller's office owns its case and, `toRecord`, the case is
    /// open (a correction, being rectification, is taken in a closed case too).
    func owned(_ id: UUID, by office: OfficeCode, toRecord: Bool = true) async throws -> LegalOrder {
        let found = try await find(id, visibleTo: office, forUpdate: true).found("order \(id.lowercased)")
        return try found.permit(toRecord ? .record : .change, by: office, "order \(found.record.decisionReference)")
    }
}
