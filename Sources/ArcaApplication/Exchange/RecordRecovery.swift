import ArcaDomain
import ArcaPersistence
import Foundation

/// Records an amount the executing state recovered under an outgoing confiscation
/// certificate (Reg 2018/1805 Art 16): across every state the order went to, the total never
/// exceeds the amount in the order. Checked here, to say what is outstanding; held by the
/// database too, so that two recordings at once cannot both pass.
public struct RecordRecovery: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(certificateID: UUID, _ input: NewRecovery, by caller: Caller) async throws -> CertificateFile {
        let office = try caller.office(for: .exchangeRequests)
        var validation = Validation(reading: input)
        let amount = validation.required("amount", input.amount).flatMap { validation.money("amount", $0) }
        if let amount, amount.amount == 0 { validation.add("amount.amount", "positive", "a recovery is an amount above zero") }
        let now = clock()
        let day = validation.pastDay("recoveredOn", input.recoveredOn, today: caller.today(now))
        let reason = validation.reason("reason", input.reason)
        try validation.finish()
        guard let amount, let day else { return try unreachable() }

        return try await database.transaction { store in
            guard let certificate = try await store.certificates.find(certificateID, of: office, forUpdate: true) else {
                throw UseCaseError.notFound("certificate \(certificateID.lowercased)")
            }
            guard certificate.takesRecoveries else {
                throw UseCaseError.conflict(
                    "certificate \(certificate.id.lowercased) is an \(certificate.direction.rawValue) \(certificate.kind.rawValue) certificate that is "
                        + "\(certificate.state.rawValue): amounts recovered are recorded on an outgoing confiscation certificate once sent")
            }
            let file = try await store.certificateFile(certificate, readAt: now, timeZone: caller.timeZone)
            guard let ledger = file.ledger, let orderID = certificate.orderID else {
                throw UseCaseError.conflict("the certificate's order names no amount: there is nothing to count recoveries against")
            }
            do throws(RecoveryLedgerError) {
                try ledger.check(adding: amount)
            } catch {
                throw UseCaseError.invalid("amount", "within-order", error.description)
            }
            let recovery = Recovery(
                certificateID: certificate.id, state: certificate.counterpart.state, amount: amount, recoveredOn: day, recordedBy: caller.name,
                reason: reason)
            do {
                try await store.certificates.addRecovery(recovery, orderID: orderID)
            } catch let refusal as OrderAmountExceeded {
                // Another recording for the order committed between the check above and this one.
                throw UseCaseError.invalid("amount", "within-order", "another amount was recorded for this order meanwhile: \(refusal.message)")
            }
            try await store.audit.change("RecordRecovery", by: caller, entity: "certificate", id: certificate.id.lowercased, after: recovery, reason: reason)
            return try await store.certificateFile(certificate, readAt: now, timeZone: caller.timeZone)
        }
    }
}
