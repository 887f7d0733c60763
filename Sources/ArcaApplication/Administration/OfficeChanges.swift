import ArcaDomain
import ArcaPersistence
import Foundation

/// What changing an office's settings always takes, once its caller and input are checked: the
/// office locked while it changes, the change audited with the office before and after, and the
/// cached callers forgotten (their office's settings travel with them).
struct OfficeChange {
    let database: Database
    let tokenCache: TokenCache?

    func callAsFunction(
        _ code: OfficeCode, as operation: String, by caller: Caller, _ change: (Office) throws -> Office,
        write: (Store, Office) async throws -> Void
    ) async throws -> Office {
        let changed = try await database.transaction { store in
            guard let current = try await store.offices.find(code, forUpdate: true) else { throw UseCaseError.notFound("office \(code)") }
            let changed = try change(current)
            try await write(store, changed)
            try await store.audit.change(operation, by: caller, entity: "office", id: code.value, before: current, after: changed)
            return changed
        }
        tokenCache?.forgetAll()
        return changed
    }
}
