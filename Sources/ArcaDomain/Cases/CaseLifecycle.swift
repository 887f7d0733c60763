/// The stages of a case (DOMAIN §3.2), in the order a case goes through them.
public enum CaseStatus: String, CaseIterable, Sendable, Codable, Comparable {
    case opened
    case tracing
    case freezing
    case management
    case judicialPhase = "judicial_phase"
    case confiscation
    /// Enforcement of the confiscation at home and abroad.
    case enforcement
    case disposal
    case closed

    public static func < (lhs: CaseStatus, rhs: CaseStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How a case came to the office (DOMAIN §3.2).
public enum CaseOrigin: String, CaseIterable, Sendable, Codable {
    case domesticReferral = "domestic_referral"
    case incomingRequest = "incoming_request"
    case spontaneousInformation = "spontaneous_information"
    case incomingCertificate = "incoming_certificate"
}

public enum CaseLifecycle {
    /// A case moves forward, possibly skipping stages that do not apply (nothing to manage,
    /// no enforcement abroad); it can be closed from any stage; it never moves back, and a
    /// closed case stays closed.
    public static func canMove(from current: CaseStatus, to next: CaseStatus) -> Bool {
        current != .closed && next > current
    }

    public static func allowedNext(from current: CaseStatus) -> [CaseStatus] {
        CaseStatus.allCases.filter { canMove(from: current, to: $0) }
    }
}

extension CaseStatus {
    /// A closed case takes no new assets, orders or asset events; its record can still be
    /// corrected (DOMAIN §3.2).
    public var acceptsNewRecords: Bool { self != .closed }
}
