import ArcaDomain
import ArcaPersistence
import Foundation

/// An outgoing certificate to draft: the order of this office it carries, the executing
/// state's office it goes to, the channel (`arca` sends it directly to a partner deployment;
/// by default the certificate's own), and, for a freezing certificate, whether it is urgent and why.
public struct NewCertificate: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var orderID: String?
    public var counterpartState: String?
    public var counterpartOffice: String?
    public var externalReference: String?
    public var channel: String?
    public var urgent: Bool?
    public var urgencyReason: String?
    /// `outgoing` when given: an incoming certificate is registered by `ReceiveCertificate`.
    public var direction: String?

    public init(
        orderID: String?, counterpartState: String?, counterpartOffice: String?, externalReference: String? = nil, channel: String? = nil,
        urgent: Bool? = nil, urgencyReason: String? = nil, direction: String? = nil
    ) {
        self.orderID = orderID
        self.counterpartState = counterpartState
        self.counterpartOffice = counterpartOffice
        self.externalReference = externalReference
        self.channel = channel
        self.urgent = urgent
        self.urgencyReason = urgencyReason
        self.direction = direction
    }
}

/// The order recorded here that an incoming certificate carries: an order of the issuing
/// state, in a case of this office.
public struct CertificateLink: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var orderID: String?

    public init(orderID: String?) {
        self.orderID = orderID
    }
}

/// A move of a certificate (`send`, `recognise`, `execute`, `refuse`, …), with its reason, a
/// refusal's ground, when it happened if not now, and, when sending, the channel's reference.
/// Disposing of what an incoming confiscation certificate realised (Art 30) says how much was
/// realised, the victims' claims on it, and a share agreed with the issuing state if there is one.
public struct CertificateMoveInput: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var action: String?
    public var reason: String?
    public var refusalGround: String?
    public var occurredAt: String?
    public var externalReference: String?
    public var realised: MoneyInput?
    public var victimsClaims: MoneyInput?
    /// The issuing state's percentage under a bilateral agreement, instead of the settings' rule.
    public var agreedIssuingStatePercent: String?

    public init(
        action: String?, reason: String? = nil, refusalGround: String? = nil, occurredAt: String? = nil, externalReference: String? = nil,
        realised: MoneyInput? = nil, victimsClaims: MoneyInput? = nil, agreedIssuingStatePercent: String? = nil
    ) {
        self.action = action
        self.reason = reason
        self.refusalGround = refusalGround
        self.occurredAt = occurredAt
        self.externalReference = externalReference
        self.realised = realised
        self.victimsClaims = victimsClaims
        self.agreedIssuingStatePercent = agreedIssuingStatePercent
    }
}

/// A certificate received from the issuing state: the order it carries, recorded already as
/// an order of this office issued by that state; the issuing office; the certificate's
/// reference; when it arrived; and, for a freezing certificate, whether it is urgent and why.
public struct IncomingCertificate: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var orderID: String?
    public var counterpartOffice: String?
    public var externalReference: String?
    public var receivedAt: String?
    public var urgent: Bool?
    public var urgencyReason: String?

    public init(
        orderID: String?, counterpartOffice: String?, externalReference: String? = nil, receivedAt: String? = nil, urgent: Bool? = nil,
        urgencyReason: String? = nil
    ) {
        self.orderID = orderID
        self.counterpartOffice = counterpartOffice
        self.externalReference = externalReference
        self.receivedAt = receivedAt
        self.urgent = urgent
        self.urgencyReason = urgencyReason
    }
}

/// An amount an executing state recovered under an outgoing confiscation certificate.
public struct NewRecovery: RequestInput, Equatable {
    public var unreadable: [FieldViolation] = []
    public var amount: MoneyInput?
    public var recoveredOn: String?
    public var reason: String?

    public init(amount: MoneyInput?, recoveredOn: String?, reason: String? = nil) {
        self.amount = amount
        self.recoveredOn = recoveredOn
        self.reason = reason
    }
}

/// A certificate with its history and, for an outgoing confiscation certificate carrying an
/// amount, the order's ledger of amounts recovered across every executing state (Art 16).
public struct CertificateFile: Sendable {
    public let certificate: Certificate
    public let events: [CertificateEvent]
    public let ledger: RecoveryLedger?
    /// Incoming confiscation, once disposed of: how the money realised was shared (Art 30).
    public let sharing: SharingSplit?
    public let readAt: Date
    public let timeZone: TimeZone
}

extension Store {
    /// The certificate as a reader sees it, at `now` in `timeZone` (its clock's time left).
    /// Records a certificate received from the issuing state: its recognition clock started
    /// from the receipt with the period in force now, its `receive` event and the audit entry.
    func registerIncoming(_ received: Certificate, by caller: Caller, operation: String) async throws -> Certificate {
        var certificate = received
        certificate.startClock(period: try await settings.current().period(for:), timeZone: caller.timeZone)
        try await certificates.add(certificate)
        try await certificates.appendEvent(
            certificateID: certificate.id,
            CertificateEvent(action: "receive", from: nil, to: certificate.state, occurredAt: certificate.receivedAt ?? certificate.createdAt, actor: caller.name, reason: nil))
        try await audit.change(operation, by: caller, entity: "certificate", id: certificate.id.lowercased, after: certificate)
        return certificate
    }

    func certificateFile(_ certificate: Certificate, readAt now: Date, timeZone: TimeZone) async throws -> CertificateFile {
        var ledger: RecoveryLedger?
        if certificate.direction == .outgoing, certificate.kind == .confiscation, let orderID = certificate.orderID,
            let order = try await orders.find(orderID, visibleTo: certificate.office),
            let ordered = order.record.coveredAmount
        {
            ledger = RecoveryLedger(ordered: ordered, recoveries: try await certificates.recoveries(ofOrder: orderID))
        }
        return CertificateFile(
            certificate: certificate, events: try await certificates.events(of: certificate.id), ledger: ledger,
            sharing: try await certificates.sharing(of: certificate.id), readAt: now, timeZone: timeZone)
    }
}
