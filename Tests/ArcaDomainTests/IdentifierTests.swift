import ArcaDomain
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
}
