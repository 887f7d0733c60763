import ArcaDomain
import ArcaPersistence
import Foundation

/// Drafts an outgoing freezing or confiscation certificate (Reg 2018/1805 Annexes I, II) for
/// an order of this office, to an executing state's office; the certificate's kind is the
/// order's. One order may go to several states, each with a certificate of its own.
public struct IssueCertificate: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(_ input: NewCertificate, by caller: Caller) async throws -> CertificateFile {
        let office = try caller.office(for: .draftRequests)
        var validation = Validation(reading: input)
        _ = validation.optional("direction", input.direction, "certificate-direction") { (code) throws(VocabularyError) in
            try (code == RequestDirection.outgoing.rawValue ? code : nil).orRefuse(code, as: "a direction (outgoing, incoming)")
        }
        let orderID = validation.required("orderId", input.orderID).flatMap { validation.id("orderId", $0) }
        let state = validation.required("counterpartState", input.counterpartState).flatMap { validation.country("counterpartState", $0) }
        let counterpartOffice = validation.required("counterpartOffice", input.counterpartOffice, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: 1...200, what: "the counterpart office")
        }
        let externalReference = validation.optional("externalReference", input.externalReference, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: 1...100, what: "the external reference")
        }
        let channel = validation.optional("channel", input.channel, "certificate-channel") { (code) throws(VocabularyError) in
            try Channel(rawValue: code).flatMap { [.arca, .mrFreezingCertificate, .mrConfiscationCertificate].contains($0) ? $0 : nil }.orRefuse(
                code, as: "a certificate's channel (arca, or by default the certificate's own)")
        }
        if channel == .arca, input.externalReference != nil {
            validation.add("externalReference", "not-applicable", "a certificate sent directly is known to the partner by its id here")
        }
        let urgencyReason = validation.urgencyReason(urgent: input.urgent ?? false, input.urgencyReason)
        try validation.finish()
        guard let orderID, let state, let counterpartOffice else { return try unreachable() }
        let now = clock()

        return try await database.transaction { store in
            guard let order = try await store.orders.find(orderID, visibleTo: office), order.owner == office else {
                throw UseCaseError.notFound("order \(orderID.lowercased)")
            }
            guard order.record.status != .lifted else {
                throw UseCaseError.conflict("order \(order.record.decisionReference) was lifted: it cannot be sent for execution")
            }
            guard state != order.record.issuingState else {
                throw UseCaseError.invalid("counterpartState", "other-state", "a certificate goes to another state than the one that issued the order")
            }
            let kind = CertificateKind(carrying: order.record.kind)
            var check = Validation()
            check.certificateUrgency("urgent", urgencyReason, of: kind)
            if let channel, channel != .arca, channel != Certificate.channel(for: kind) {
                check.add("channel", "certificate-channel", "a \(kind.rawValue) certificate goes on \(Certificate.channel(for: kind).rawValue) or arca")
            }
            try check.finish()
            let certificate = Certificate(
                id: UUID(), office: office, caseID: order.record.caseID, direction: .outgoing, kind: kind, orderID: orderID,
                counterpart: Counterpart(state: state, office: counterpartOffice), channel: channel ?? Certificate.channel(for: kind),
                externalReference: externalReference, state: CertificateLifecycle.initialState(.outgoing), receivedAt: nil,
                urgencyReason: urgencyReason, version: 1, createdAt: now, updatedAt: now)
            try await store.certificates.add(certificate)
            try await store.certificates.appendEvent(
                certificateID: certificate.id,
                CertificateEvent(action: "draft", from: nil, to: certificate.state, occurredAt: now, actor: caller.name, reason: nil))
            try await store.audit.change("IssueCertificate", by: caller, entity: "certificate", id: certificate.id.lowercased, after: certificate)
            return try await store.certificateFile(certificate, readAt: now, timeZone: caller.timeZone)
        }
    }
}
