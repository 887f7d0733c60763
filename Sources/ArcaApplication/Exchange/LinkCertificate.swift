import ArcaDomain
import ArcaPersistence
import Foundation

/// Links a certificate received from a partner deployment to the order it carries, recorded
/// here as an order of the issuing state in a case of this office (role liaison): from then
/// on it can be recognised and executed like one registered by hand. The order must be the
/// issuing state's and of the certificate's kind, and in the case the certificate was
/// opened for, if it was.
public struct LinkCertificate: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(certificateID: UUID, _ input: CertificateLink, by caller: Caller) async throws -> CertificateFile {
        let office = try caller.office(for: .exchangeRequests)
        let now = clock()
        var validation = Validation(reading: input)
        let orderID = validation.required("orderId", input.orderID).flatMap { validation.id("orderId", $0) }
        try validation.finish()
        guard let orderID else { return try unreachable() }

        return try await database.transaction { store in
            guard let certificate = try await store.certificates.find(certificateID, of: office, forUpdate: true), certificate.direction == .incoming else {
                throw UseCaseError.notFound("incoming certificate \(certificateID.lowercased)")
            }
            if let linked = certificate.orderID {
                throw UseCaseError.conflict("certificate \(certificateID.lowercased) carries order \(linked.lowercased) already")
            }
            guard certificate.awaitsRecording else {
                throw UseCaseError.conflict("certificate \(certificateID.lowercased) is \(certificate.state.rawValue): there is no order to record for it")
            }
            guard let order = try await store.orders.find(orderID, visibleTo: office), order.owner == office else {
                throw UseCaseError.notFound("order \(orderID.lowercased)")
            }
            var check = Validation()
            if order.record.issuingState != certificate.counterpart.state {
                check.add(
                    "orderId", "issuing-state",
                    "order \(order.record.decisionReference) is recorded as issued by \(order.record.issuingState.value), not by \(certificate.counterpart.state.value), the certificate's issuing state")
            }
            if CertificateKind(carrying: order.record.kind) != certificate.kind {
                check.add("orderId", "certificate-kind", "a \(certificate.kind.rawValue) certificate carries a \(certificate.kind.rawValue) order")
            }
            if let caseID = certificate.caseID, caseID != order.record.caseID {
                check.add("orderId", "certificate-case", "the certificate belongs to case \(caseID.lowercased): link an order of that case")
            }
            if order.record.status == .lifted { check.add("orderId", "standing-order", "order \(order.record.decisionReference) was lifted") }
            try check.finish()
            var linked = certificate
            linked.caseID = order.record.caseID
            linked.orderID = orderID
            linked.version += 1
            linked.updatedAt = now
            guard try await store.certificates.update(linked) else {
                throw UseCaseError.conflict("certificate \(certificateID.lowercased) was changed meanwhile: try again")
            }
            try await store.audit.change("LinkCertificate", by: caller, entity: "certificate", id: certificateID.lowercased, before: certificate, after: linked)
            return try await store.certificateFile(linked, readAt: now, timeZone: caller.timeZone)
        }
    }
}
