import ArcaDomain
import ArcaPersistence
import Foundation

/// Moves a certificate on as `CertificateLifecycle` allows: on an outgoing one, sending it
/// and then the executing state's decisions as they arrive. One event with its actor, time
/// and reason (a refusal with its Art 8 or 19 ground), and an audit entry, in one transaction.
public struct MoveCertificate: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(certificateID: UUID, _ input: CertificateMoveInput, by caller: Caller) async throws -> CertificateFile {
        let office = try caller.office(for: .exchangeRequests)
        let now = clock()
        var validation = Validation(reading: input)
        let action = validation.required("action", input.action, "certificate-action") { (code) throws(VocabularyError) in
            try CertificateAction(rawValue: code).orRefuse(
                code, as: "a certificate action (\(CertificateAction.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let reason = validation.reason("reason", input.reason)
        let ground = validation.optional("refusalGround", input.refusalGround, "refusal-ground") { (code) throws(VocabularyError) in
            try RefusalGround(rawValue: code).flatMap { $0.applies(to: .confiscationCertificate) ? $0 : nil }.orRefuse(
                code, as: "a ground of Reg 2018/1805 (\(RefusalGround.grounds(for: .confiscationCertificate).map(\.rawValue).joined(separator: ", ")))")
        }
        if action == .refuse, input.refusalGround == nil {
            validation.add("refusalGround", "required", "a refusal names its ground (Reg 2018/1805 Arts 8, 19)")
        } else if action != .refuse, input.refusalGround != nil {
            validation.add("refusalGround", "not-applicable", "only a refusal has a ground")
        }
        let externalReference = validation.optional("externalReference", input.externalReference, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: 1...100, what: "the external reference")
        }
        if action != .send, input.externalReference != nil {
            validation.add("externalReference", "not-applicable", "the channel's reference is given when the certificate is sent")
        }
        let occurredAt = validation.pastInstant("occurredAt", input.occurredAt, now: now)
        try validation.finish()
        guard let action else { return try unreachable() }

        return try await database.transaction { store in
            guard let certificate = try await store.certificates.find(certificateID, of: office, forUpdate: true) else {
                throw UseCaseError.notFound("certificate \(certificateID.lowercased)")
            }
            let history = try await store.certificates.events(of: certificate.id)
            if let last = history.last, occurredAt < last.occurredAt {
                throw UseCaseError.invalid(
                    "occurredAt", "not-before-last-event", "the certificate's latest event happened at \(last.occurredAt.formatted(.iso8601))")
            }
            var moved = certificate
            if let externalReference { moved.externalReference = externalReference }
            do throws(CertificateTransitionError) {
                try moved.apply(action, at: occurredAt)
            } catch {
                throw UseCaseError.conflict("certificate \(certificate.id.lowercased): \(error.description)")
            }
            moved.updatedAt = now
            moved.version += 1
            guard try await store.certificates.update(moved) else {
                throw UseCaseError.conflict("certificate \(certificate.id.lowercased) was changed meanwhile: try again")
            }
            try await store.certificates.appendEvent(
                certificateID: certificate.id,
                CertificateEvent(
                    action: action.rawValue, from: certificate.state, to: moved.state, occurredAt: occurredAt, actor: caller.name, reason: reason,
                    refusalGround: ground))
            try await store.audit.change(
                "MoveCertificate", by: caller, entity: "certificate", id: certificate.id.lowercased, before: certificate, after: moved, reason: reason)
            return try await store.certificateFile(moved)
        }
    }
}
