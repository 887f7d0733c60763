import ArcaDomain
import ArcaPersistence
import Foundation

/// The heads of every audit chain now, with their digest, to be kept outside ARCA: a later
/// `arca audit verify --anchor` proves the trail up to them was not rewritten. Logged.
public struct TakeAuditAnchor: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(by caller: Caller) async throws -> AuditAnchor {
        try caller.require(.verifyAuditTrail)
        return try await database.transaction { store in
            let heads = try await store.audit.chainHeads()
            try await store.audit.appendConsultation(by: try caller.consultant, operation: "TakeAuditAnchor", entity: "audit_chain", id: "all")
            return AuditAnchor(takenAt: clock(), heads: heads, digest: VerifyAuditTrail.seal(AuditAnchor.content(of: heads)))
        }
    }
}
