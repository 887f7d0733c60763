@testable import ArcaDomain
import Foundation
import Testing

@Suite("Asset identifiers")
struct IdentifierTests {
    @Test(arguments: [
        "BE71 0961 2345 6769", "NL91ABNA0417164300", "DE89370400440532013000", "FR1420041010050500013M02606",
        "GR1601101250000000012300695", "MT84MALT011000012345MTLCAST001S", "GB29NWBK60161331926819",
    ])
    func realIBANsAreAccepted(_ text: String) throws {
        let iban = try IBAN(text)
        #expect(!iban.value.contains(" "))
    }

    @Test(arguments: IBANRegistryExamples.valid)
    func theRegistrysExampleOfEveryCountryIsAccepted(_ text: String) throws {
        #expect(try IBAN(text).value == text)
    }

    /// The registry example of `country` with one character of the account number replaced,
    /// and check digits computed anew, so that only the structure is wrong.
    static func malformed(_ example: String, at offset: Int, with character: Character) -> String {
        var bban = Array(example.dropFirst(4))
        bban[offset] = character
        return IBAN.make(unchecked: String(example.prefix(2)), bban: String(bban))
    }

    @Test(arguments: IBANRegistryExamples.valid)
    func aLetterWhereTheRegistryPutsADigitIsRefusedWhateverTheCheckDigits(_ example: String) throws {
        let country = String(example.prefix(2))
        let groups = try #require(IBAN.structures[country])
        var offset = 0
        for group in groups {
            if group.kind == .digit {
                let text = Self.malformed(example, at: offset, with: "K")
                let error = #expect(throws: IdentifierError.self, "\(text)") { try IBAN(text) }
                #expect(error?.description.contains("character \(offset + 5) of an IBAN from \(country) must be a digit") == true)
            }
            if group.kind == .letter {
                let text = Self.malformed(example, at: offset, with: "7")
                #expect(throws: IdentifierError.self, "\(text)") { try IBAN(text) }
            }
            offset += group.count
        }
    }

    @Test func countriesAddedToTheRegistryLatelyAreIn() {
        for country in ["BI", "DJ", "FK", "HN", "MN", "NI", "OM", "SO", "YE"] {
            #expect(IBAN.registry[country] != nil, "\(country)")
            #expect(IBANRegistryExamples.valid.contains { $0.hasPrefix(country) }, "\(country)")
        }
    }

    @Test func aMistypedIBANFailsItsCheckDigits() {
        let error = #expect(throws: IdentifierError.self) { try IBAN("BE71096123456768") }
        #expect(error?.description.contains("check digits") == true)
    }

    @Test func anIBANOfTheWrongLengthForItsCountryIsRefused() {
        let error = #expect(throws: IdentifierError.self) { try IBAN("BE7109612345676") }
        #expect(error?.description.contains("16 characters") == true)
    }

    @Test func anIBANFromACountryWithoutIBANsIsRefused() {
        #expect(throws: IdentifierError.self) { try IBAN("US12345678901234") }
    }

    @Test(arguments: ["1M8GDM9AXKP042788", "WVWZZZ1JZXW000001", "VF1RFB00X56123456"])
    func wellFormedVINsAreAccepted(_ text: String) throws {
        #expect(try VIN(text).value == text)
    }

    @Test func aNorthAmericanVINWithAWrongCheckDigitIsRefused() {
        let error = #expect(throws: IdentifierError.self) { try VIN("1M8GDM9A1KP042788") }
        #expect(error?.description.contains("check digit") == true)
    }

    @Test(arguments: ["WVWZZZ1JZXW00000", "WVWZZZ1JZXW0000011", "WVWZZZ1JZXW00000I"])
    func vinsOfTheWrongLengthOrWithILetterAreRefused(_ text: String) {
        #expect(throws: IdentifierError.self) { try VIN(text) }
    }

    @Test func walletAddressesMustLookLikeOne() throws {
        #expect(try AssetIdentifiers.validWalletAddress("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq") != "")
        #expect(throws: IdentifierError.self) { try AssetIdentifiers.validWalletAddress("not a wallet") }
    }

    @Test func aWalletAddressIsTakenAsSentWithoutSpacesAround() {
        #expect(throws: IdentifierError.self) { try AssetIdentifiers.validWalletAddress(" bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq") }
    }

    @Test func idsAreWrittenInLowerCaseHexadecimalInFiveGroups() {
        for id in (0..<500).map({ _ in UUID() }) {
            #expect(id.lowercased == id.uuidString.lowercased())
        }
    }
}
