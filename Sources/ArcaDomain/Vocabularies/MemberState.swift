import Foundation

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

    /// Its capital's time zone: a new office's default (Belgium's is Europe/Brussels).
    public var capitalTimeZone: TimeZone {
        let names: [MemberState: String] = [
            .austria: "Europe/Vienna", .belgium: "Europe/Brussels", .bulgaria: "Europe/Sofia", .croatia: "Europe/Zagreb",
            .cyprus: "Asia/Nicosia", .czechia: "Europe/Prague", .denmark: "Europe/Copenhagen", .estonia: "Europe/Tallinn",
            .finland: "Europe/Helsinki", .france: "Europe/Paris", .germany: "Europe/Berlin", .greece: "Europe/Athens",
            .hungary: "Europe/Budapest", .ireland: "Europe/Dublin", .italy: "Europe/Rome", .latvia: "Europe/Riga",
            .lithuania: "Europe/Vilnius", .luxembourg: "Europe/Luxembourg", .malta: "Europe/Malta", .netherlands: "Europe/Amsterdam",
            .poland: "Europe/Warsaw", .portugal: "Europe/Lisbon", .romania: "Europe/Bucharest", .slovakia: "Europe/Bratislava",
            .slovenia: "Europe/Ljubljana", .spain: "Europe/Madrid", .sweden: "Europe/Stockholm",
        ]
        return TimeZone(identifier: names[self]!)!
    }
}
