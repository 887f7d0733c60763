import Foundation

/// What crosses borders between Asset Recovery Offices (DOMAIN §3.3, §3.4).
public enum RequestKind: String, CaseIterable, Sendable, Codable {
    case informationRequest = "information_request"
    /// Information sent without being asked (FD 2006/960 Art 7).
    case spontaneousInformation = "spontaneous_information"
    case freezingCertificate = "freezing_certificate"
    case confiscationCertificate = "confiscation_certificate"

    public var isCertificate: Bool { self == .freezingCertificate || self == .confiscationCertificate }
}

/// The clocks of DOMAIN §4, each with its legal source. The period is a setting an
/// administrator may change; a request keeps the period and deadline it started with.
public enum DeadlineRule: String, CaseIterable, Sendable, Codable {
    /// An urgent information request for information the office can reach directly.
    case urgentDirectlyAccessible = "information_urgent_direct"
    /// An urgent information request for information it must obtain from another authority.
    case urgentNotDirectlyAccessible = "information_urgent_indirect"
    case notUrgent = "information_not_urgent"
    /// The recognition decision on an urgent freezing certificate.
    case urgentFreezing = "freezing_urgent"
    /// The recognition decision on a confiscation certificate.
    case confiscation

    /// The clock a request runs on, or nil where the law sets none: spontaneous
    /// information, and a freezing certificate that is not urgent (dealt with as a domestic
    /// case, Reg 2018/1805 Art 9(1)).
    public static func applying(to kind: RequestKind, urgent: Bool, directlyAccessible: Bool) -> DeadlineRule? {
        switch kind {
        case .informationRequest:
            guard urgent else { return .notUrgent }
            return directlyAccessible ? .urgentDirectlyAccessible : .urgentNotDirectlyAccessible
        case .spontaneousInformation: return nil
        case .freezingCertificate: return urgent ? .urgentFreezing : nil
        case .confiscationCertificate: return .confiscation
        }
    }

    public var defaultPeriod: DeadlinePeriod {
        switch self {
        case .urgentDirectlyAccessible: return .hours(8)
        case .urgentNotDirectlyAccessible: return .days(3)
        case .notUrgent: return .days(7)
        case .urgentFreezing: return .hours(48)
        case .confiscation: return .days(45)
        }
    }

    /// Where the law sets the clock.
    public var source: String {
        switch self {
        case .urgentDirectlyAccessible: return "FD 2006/960 Art 4(1); Dir 2023/977 Art 5(1)(a); Dir 2024/1260 Art 10"
        case .urgentNotDirectlyAccessible: return "Dir 2023/977 Art 5(1)(b); Dir 2024/1260 Art 10"
        case .notUrgent: return "Dir 2023/977 Art 5(1)(c); Dir 2024/1260 Art 10"
        case .urgentFreezing: return "Reg 2018/1805 Art 9(3)"
        case .confiscation: return "Reg 2018/1805 Art 20(1)"
        }
    }

    /// What must be done before the clock runs out.
    public var due: String {
        switch self {
        case .urgentDirectlyAccessible, .urgentNotDirectlyAccessible, .notUrgent: return "the answer"
        case .urgentFreezing, .confiscation: return "the recognition decision"
        }
    }
}
