import ArcaDomain

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
