import ArcaDomain
import ArcaPersistence
import Foundation

/// Registers a freezing or confiscation certificate received from the issuing state (role
/// liaison). The order it carries is recorded first as an order of this office issued by that
/// state (`arca order create --issuing-state`), so the record and the statistics see the
/// assets it freezes or confiscates here. The recognition clock starts from the receipt: 48
/// hours for an urgent freeze (Art 9(3)), 45 days for a confiscation (Art 20(1)); a freeze that
/// is not urgent has none (Art 9(1)). The deadline is stored; a later change of the settings
/// never moves it.
public struct ReceiveCertificate: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(_ input: IncomingCertificate, by caller: Caller) async throws -> CertificateFile {
        let office = try caller.office(for: .exchangeRequests)
        let now = clock()
        var validation = Validation(reading: input)
        let orderID = validation.required("orderId", input.orderID).flatMap { validation.id("orderId", $0) }
        let counterpartOffice = validation.required("counterpartOffice", input.counterpartOffice, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: 1...200, what: "the issuing office")
        }
        let externalReference = validation.optional("externalReference", input.externalReference, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: 1...100, what: "the certificate's reference")
        }
        let receivedAt = validation.pastInstant("receivedAt", input.receivedAt, now: now)
        let urgencyReason = validation.urgencyReason(urgent: input.urgent ?? false, input.urgencyReason)
        try validation.finish()
        guard let orderID, let counterpartOffice else { return try unreachable() }

        return try await database.transaction { store in
            guard let order = try await store.orders.find(orderID, visibleTo: office), order.owner == office else {
                throw UseCaseError.notFound("order \(orderID.lowercased)")
            }
            guard let here = try await store.offices.deploymentState(), order.record.issuingState.value != here.code else {
                throw UseCaseError.invalid(
                    "orderId", "issued-abroad", "order \(order.record.decisionReference) was issued here: an incoming certificate carries another state's order")
            }
            let kind = CertificateKind(carrying: order.record.kind)
            var check = Validation()
            check.certificateUrgency("urgent", urgencyReason, of: kind)
            try check.finish()
            if let externalReference, try await store.certificates.registered(externalReference, direction: .incoming, of: office) {
                throw UseCaseError.conflict("certificate \(externalReference) is registered already")
            }
            let certificate = try await store.registerIncoming(
                Certificate(
                    id: UUID(), office: office, caseID: order.record.caseID, direction: .incoming, kind: kind, orderID: orderID,
                    counterpart: Counterpart(state: order.record.issuingState, office: counterpartOffice), channel: Certificate.channel(for: kind),
                    externalReference: externalReference, state: CertificateLifecycle.initialState(.incoming), receivedAt: receivedAt,
                    urgencyReason: urgencyReason, version: 1, createdAt: now, updatedAt: now),
                by: caller, operation: "ReceiveCertificate")
            return try await store.certificateFile(certificate, readAt: now, timeZone: caller.timeZone)
        }
    }
}
