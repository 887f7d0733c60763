import Foundation

/// The identifiers that single out one piece of property, each validated where a format
/// exists (IBAN check digits, VIN length and check digit).
public struct AssetIdentifiers: Hashable, Sendable, Codable {
    public var iban: IBAN?
    public var vin: VIN?
    /// Land-registry or cadastral reference, in the registry's own notation.
    public var landRegistryReference: String?
    /// A crypto-asset address (bech32, base58 or hex forms).
    public var walletAddress: String?
    /// Registration mark of a vehicle, vessel or aircraft.
    public var registrationMark: String?

    public init(
        iban: IBAN? = nil, vin: VIN? = nil, landRegistryReference: String? = nil,
        walletAddress: String? = nil, registrationMark: String? = nil
    ) {
        self.iban = iban
        self.vin = vin
        self.landRegistryReference = landRegistryReference
        self.walletAddress = walletAddress
        self.registrationMark = registrationMark
    }

    public var isEmpty: Bool {
        iban == nil && vin == nil && landRegistryReference == nil && walletAddress == nil && registrationMark == nil
    }

    /// Wallet addresses have no single format; this refuses what no chain would accept:
    /// characters outside letters and digits, or a length outside 20–120.
    public static func validWalletAddress(_ text: String) throws(IdentifierError) -> String {
        guard (20...120).contains(text.count), text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .walletAddress("\"\(text.prefix(40))\" is not a wallet address: 20 to 120 letters and digits expected")
        }
        return text
    }

    /// The registration mark of a vehicle, vessel or aircraft, as the register writes it.
    public static func validRegistrationMark(_ text: String) throws(IdentifierError) -> String {
        do {
            return try RecordText.valid(text, length: 1...40, what: "a registration mark")
        } catch {
            throw .registrationMark(error.description)
        }
    }

    public static func validLandRegistryReference(_ text: String) throws(IdentifierError) -> String {
        do {
            return try RecordText.valid(text, length: 1...100, what: "a land-registry reference")
        } catch {
            throw .landRegistryReference(error.description)
        }
    }
}
