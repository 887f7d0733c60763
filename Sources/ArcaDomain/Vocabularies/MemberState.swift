/// The 27 EU Member States by ISO 3166-1 alpha-2 code (DOMAIN §6). EU documents write
/// Greece as `EL`; ARCA accepts both and stores `GR`.
public enum MemberState: String, CaseIterable, Sendable, Codable {
    case austria = "AT", belgium = "BE", bulgaria = "BG", croatia = "HR", cyprus = "CY"
    case czechia = "CZ", denmark = "DK", estonia = "EE", finland = "FI", france = "FR"
    case germany = "DE", greece = "GR", hungary = "HU", ireland = "IE", italy = "IT"
    case latvia = "LV", lithuania = "LT", luxembourg = "LU", malta = "MT", netherlands = "NL"
    case poland = "PL", portugal = "PT", romania = "RO", slovakia = "SK", slovenia = "SI"
    case spain = "ES", sweden = "SE"

    /// Reads a code as users and EU documents write it: any case, `EL` for Greece.
    public init?(code: String) {
        let upper = code.uppercased()
        self.init(rawValue: upper == "EL" ? "GR" : upper)
    }

    /// The code to store and exchange (ISO 3166-1).
    public var code: String { rawValue }
}
