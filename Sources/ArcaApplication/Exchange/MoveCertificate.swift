import ArcaDomain
import ArcaPersistence
import Foundation

/// Moves a certificate on as `CertificateLifecycle` allows: on an outgoing one, sending it
/// and then the executing state's decisions as they arrive; on an incoming one, this office's
/// decisions. Executing an incoming certificate needs the order it carries executed here
/// first (`arca order execute`), so the record shows the assets frozen or confiscated for the
/// issuing state; disposing of what an incoming confiscation realised shares the money
/// (Art 30) by the settings' rule or a share agreed with the issuing state, and stores the
/// split with the rule. One event with its actor, time and reason (a refusal with its Art 8
/// or 19 ground), and an audit entry, in one transaction. A certificate exchanged directly with
/// a partner (channel `arca`) writes the message its move sends to the outbox in the same
/// transaction, and takes the partner's moves only from the partner.
public struct MoveCertificate: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(certificateID: UUID, _ input: CertificateMoveInput, by caller: Caller) async throws -> CertificateFile {
        try await callAsFunction(certificateID: certificateID, input, dated: nil, by: caller)
    }

    /// `dated`: the instant a partner's message says the move happened (ReceiveMessage).
    func callAsFunction(certificateID: UUID, _ input: CertificateMoveInput, dated: Date?, by caller: Caller) async throws -> CertificateFile {
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
        let occurredAt = dated ?? validation.pastInstant("occurredAt", input.occurredAt, now: now)
        let realised = input.realised.flatMap { validation.money("realised", $0) }
        let claims = input.victimsClaims.flatMap { validation.money("victimsClaims", $0) }
        let agreed = validation.optional("agreedIssuingStatePercent", input.agreedIssuingStatePercent, "percent") { (text) throws(SharingError) in
            guard let percent = try? Money.parseAmount(text) else { throw .percentOutOfRange(-1) }
            return try SharingRule.bilateral(issuingStatePercent: percent)
        }
        if action != .dispose {
            for (field, given) in [("realised", input.realised != nil), ("victimsClaims", input.victimsClaims != nil),
                ("agreedIssuingStatePercent", input.agreedIssuingStatePercent != nil)] where given {
                validation.add(field, "not-applicable", "only the disposal of an incoming confiscation shares money realised (Art 30)")
            }
        }
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
            if certificate.isPartnersMove(action) != (dated != nil) {
                throw UseCaseError.conflict(
                    dated == nil
                        ? "certificate \(certificate.id.lowercased) is exchanged directly: \(certificate.counterpart.office) records \(action.rawValue) in its own deployment and it arrives from there"
                        : "the partner cannot \(action.rawValue) certificate \(certificate.id.lowercased): that move is this office's")
            }
            if certificate.direction == .incoming, certificate.needsOrder(for: action) {
                throw UseCaseError.conflict(
                    "certificate \(certificate.id.lowercased) is not linked to the order recorded here yet: record the issuing state's order in a case "
                        + "and link it (arca certificates link), then \(action.rawValue) it")
            }
            if certificate.direction == .incoming, action == .execute, let orderID = certificate.orderID {
                try await Self.requireExecuted(orderID, of: office, in: store)
            }
            var split: SharingSplit?
            if certificate.direction == .incoming, certificate.kind == .confiscation, action == .dispose {
                guard let realised else { throw UseCaseError.invalid("realised", "required", "the disposal says how much money was realised (Art 30)") }
                let rule: SharingRule
                if let agreed { rule = agreed } else { rule = try await store.settings.current().sharingRule }
                split = try Self.share(realised, claims: claims, by: rule)
            } else if realised != nil || claims != nil || agreed != nil {
                throw UseCaseError.invalid("realised", "not-applicable", "only the disposal of an incoming confiscation shares money realised (Art 30)")
            }
            if externalReference != nil, certificate.channel == .arca {
                throw UseCaseError.invalid("externalReference", "not-applicable", "a certificate sent directly is known to the partner by its id here")
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
            let event = CertificateEvent(
                action: action.rawValue, from: certificate.state, to: moved.state, occurredAt: occurredAt, actor: caller.name, reason: reason,
                refusalGround: ground)
            try await store.certificates.appendEvent(certificateID: certificate.id, event)
            if let split { try await store.certificates.addSharing(split, certificateID: certificate.id, at: now, by: caller.name) }
            try await store.announce(action, from: certificate.state, of: moved, event: event, at: now)
            try await store.audit.change(
                "MoveCertificate", by: caller, entity: "certificate", id: certificate.id.lowercased, before: certificate, after: moved, reason: reason)
            return try await store.certificateFile(moved, readAt: now, timeZone: caller.timeZone)
        }
    }

    /// The record must show the order carried out here before the certificate says so.
    private static func requireExecuted(_ orderID: UUID, of office: OfficeCode, in store: Store) async throws {
        guard let order = try await store.orders.find(orderID, visibleTo: office), order.record.status == .executed else {
            throw UseCaseError.conflict(
                "order \(orderID.lowercased) is not executed yet: record its execution on the assets first (arca order execute), then execute the certificate")
        }
    }

    /// Victims first, then the rule (Art 30): `claims` default to none.
    private static func share(_ realised: Money, claims: Money?, by rule: SharingRule) throws -> SharingSplit {
        do {
            return try rule.split(realised: realised, victimsClaims: claims ?? .zero(realised.currency))
        } catch {
            throw UseCaseError.invalid(claims.map { $0.currency != realised.currency } == true ? "victimsClaims" : "realised", "sharing", error.description)
        }
    }
}
