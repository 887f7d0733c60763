/// The channel a cross-border exchange travels on (DOMAIN §6). The message's own reference
/// on that channel (a SIENA reference, say) is kept with the request.
public enum Channel: String, CaseIterable, Sendable, Codable {
    /// Europol's SIENA, between Asset Recovery Offices (Dir 2024/1260 Art 9).
    case aroSiena = "aro_siena"
    case carin
    case interpol
    case europol
    case eurojust
    case eppo
    /// Between Financial Intelligence Units.
    case fiu
    /// A freezing certificate under Reg 2018/1805 (Annex I).
    case mrFreezingCertificate = "mr_freezing_certificate"
    /// A confiscation certificate under Reg 2018/1805 (Annex II).
    case mrConfiscationCertificate = "mr_confiscation_certificate"
    /// A European Investigation Order (Dir 2014/41).
    case eio
    /// Mutual legal assistance outside the EU instruments.
    case mla
    /// Directly between two ARCA deployments, as signed messages (Docs/EXCHANGE.md); the
    /// reference is the requesting office's id of the request.
    case arca
}

/// Why a request or certificate was refused, or could not be carried out (DOMAIN §6).
/// The grounds of Reg 2018/1805 Art 8 (freezing) and Art 19 (confiscation), the
/// impossibility of Art 22, and, for information requests, the reasons FD 2006/960 Art 10
/// and Dir 2023/977 Art 6 allow.
public enum RefusalGround: String, CaseIterable, Sendable, Codable {
    /// Reg 2018/1805 Arts 8(1)(a), 19(1)(a).
    case neBisInIdem = "ne_bis_in_idem"
    /// Reg 2018/1805 Arts 8(1)(b), 19(1)(b).
    case immunityOrPrivilege = "immunity_or_privilege"
    /// Reg 2018/1805 Arts 8(1)(c), 19(1)(c).
    case incompleteCertificate = "incomplete_certificate"
    /// Reg 2018/1805 Arts 8(1)(d), 19(1)(e).
    case territoriality
    /// Reg 2018/1805 Arts 8(1)(e), 19(1)(f).
    case noDoubleCriminality = "no_double_criminality"
    /// Reg 2018/1805 Arts 8(1)(f), 19(1)(h).
    case charterBreach = "charter_breach"
    /// Reg 2018/1805 Art 19(1)(g).
    case inAbsentia = "in_absentia"
    /// Reg 2018/1805 Art 22: the property was already confiscated, has disappeared, was
    /// destroyed, cannot be found, or the amount cannot be recovered.
    case executionImpossible = "execution_impossible"
    /// FD 2006/960 Art 10(1)(a); Dir 2023/977 Art 6(1)(c): essential national security interests.
    case nationalSecurity = "national_security"
    /// FD 2006/960 Art 10(1)(b); Dir 2023/977 Art 6(1)(d): it would jeopardise an investigation or a person's safety.
    case jeopardisesInvestigation = "jeopardises_investigation"
    /// FD 2006/960 Art 10(1)(c); Dir 2023/977 Art 6(1)(e): clearly disproportionate or irrelevant to the purpose.
    case disproportionate
    /// Dir 2023/977 Art 6(1)(a): the information is not available to the requested office.
    case informationNotAvailable = "information_not_available"
    /// FD 2006/960 Art 10(2); Dir 2023/977 Art 6(1)(b): the judicial authorisation needed was refused.
    case judicialAuthorisationRefused = "judicial_authorisation_refused"
}

extension RefusalGround {
    /// The grounds of FD 2006/960 and Dir 2023/977, which refuse information.
    static let informationGrounds: [RefusalGround] = [
        .nationalSecurity, .jeopardisesInvestigation, .disproportionate, .informationNotAvailable, .judicialAuthorisationRefused,
    ]

    /// Whether the ground can refuse a request of `kind`: information is refused on the
    /// grounds of FD 2006/960 and Dir 2023/977, a certificate on those of Reg 2018/1805.
    public func applies(to kind: RequestKind) -> Bool {
        Self.informationGrounds.contains(self) != kind.isCertificate
    }

    /// The grounds that can refuse a request of `kind`.
    public static func grounds(for kind: RequestKind) -> [RefusalGround] {
        allCases.filter { $0.applies(to: kind) }
    }
}
