import ArcaDomain
import Testing

@Suite("Member states")
struct MemberStateTests {
    @Test func theUnionHasTwentySevenMemberStates() {
        #expect(MemberState.allCases.count == 27)
    }

    @Test func greeceWrittenELInEUDocumentsIsStoredAsGR() {
        // given the code EU documents use for Greece
        let code = "EL"
        // when it is read
        let state = MemberState(code: code)
        // then it is Greece, stored under its ISO code
        #expect(state == .greece)
        #expect(state?.code == "GR")
    }

    @Test func codesAreReadRegardlessOfCase() {
        #expect(MemberState(code: "be") == .belgium)
    }

    @Test func theUnitedKingdomIsNotAMemberState() {
        #expect(MemberState(code: "GB") == nil)
    }
}

@Suite("Vocabularies: ISO 3166-1 countries and ISO 4217 currencies")
struct ISOVocabularyTests {
    @Test(arguments: ["BE", "AQ", "XK", "SS", "CW", "el"])
    func assignedCountryCodesAreAccepted(_ code: String) throws {
        #expect(try CountryCode(code).value.count == 2)
    }

    @Test(arguments: ["XX", "UK", "QZ", "EU", "ZZ"])
    func twoLettersThatNameNoCountryAreRefused(_ code: String) {
        let error = #expect(throws: VocabularyError.self) { try CountryCode(code) }
        #expect(error?.description.contains("not assigned to a country") == true)
    }

    @Test func everyMemberStateIsAnISOCountry() throws {
        for state in MemberState.allCases {
            #expect(try CountryCode(state.code).memberState == state)
        }
    }

    /// Every currency the ECB reference-rate history quotes (its header, 1999 to today).
    static let ecbCurrencies = """
        USD JPY BGN CYP CZK DKK EEK GBP HUF LTL LVL MTL PLN ROL RON SEK SIT SKK CHF ISK NOK TRL TRY AUD BRL CAD \
        CNY HKD IDR ILS INR KRW MXN MYR NZD PHP SGD THB ZAR HRK RUB
        """.split(separator: " ").map(String.init)

    @Test func everyCurrencyOfTheECBHistoryIsKnown() {
        for code in Self.ecbCurrencies {
            #expect(Currency(code: code) != nil, "\(code)")
        }
    }

    @Test(arguments: ["MNT", "NIO", "DJF", "XCG", "ZWG", "SLE", "VED"])
    func currentCurrenciesBeyondTheEuropeanOnesAreKnown(_ code: String) {
        #expect(Currency(code: code) != nil)
    }

    @Test func minorUnitsFollowTheList() throws {
        #expect(try #require(Currency(code: "JPY")).minorUnitDigits == 0)
        #expect(try #require(Currency(code: "KWD")).minorUnitDigits == 3)
        #expect(try #require(Currency(code: "CLF")).minorUnitDigits == 4)
        #expect(try #require(Currency(code: "TRL")).minorUnitDigits == 0)
    }

    @Test(arguments: ["XAU", "XXX", "ANG", "ABC"])
    func metalsTestCodesAndWithdrawnCodesTheECBNeverQuotedAreRefused(_ code: String) {
        #expect(Currency(code: code) == nil)
    }
}
