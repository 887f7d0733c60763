import ArcaResources
import Foundation
import Testing

/// Request bodies are parsed by hand (`JSONValue(parsing:)`); these hold it to what Foundation's
/// `JSONDecoder` made of the same bytes, documents it accepts and documents it refuses alike.
@Suite("HTTP: request bodies parsed as JSONDecoder parses them")
struct JSONParsingTests {
    func foundation(_ data: Data) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    static let accepted: [String] = [
        #"{"category":"cash","description":"Bench banknotes found during a search","country":"BE","estimatedValue":{"amount":"12500.00","currency":"EUR"},"identifiedOn":"2026-11-01"}"#,
        #"{}"#, #"[]"#, #" { "a" : [ 1 , 2 , { } , [ ] ] } "#, "\t\r\n{\"a\":null}\n",
        #"{"iban":"BE71 0961 2345 6769","owners":["3c000000-0000-4000-8000-000000000001"],"urgent":true,"final":false}"#,
        #"{"name":"Šarūnas Ødegård \"Ζ\" 東京 🇪🇺"}"#,
        #"{"escapes":"\" \\ \/ \b \f \n \r \t \u00e9 \u20AC \ud83d\ude00 \u0000 \u001f"}"#,
        #"[0, -0, 1, -1, 1.5, 1.5e3, 1E-7, 2e+2, 0.1, 123456789012345678901234567890, 1.7976931348623157e308, 5e-324]"#,
        #"{"a":1,"a":2}"#, #""text""#, "12", "true", "false", "null",
        String(repeating: "[", count: 500) + String(repeating: "]", count: 500),
    ]

    static let refused: [[UInt8]] = [
        "", " ", "{", "}", "[", #"{"a"}"#, #"{"a":}"#, "[,1]", "01", "1.", ".5", "+1", "1e", "1e+", "-", "--1",
        "NaN", "Infinity", "-Infinity", "1e400", "-1e400", #""\x""#, #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\u12""#,
        "\"a\nb\"", "\"a\tb\"", "tru", "nul", "falsey", "[1 2]", #"{"a" 1}"#, "{1:2}", "{} x", "{}{}", #"{'a':1}"#, "[1]]", "\"open",
        String(repeating: "[", count: 600) + String(repeating: "]", count: 600),
    ].map { Array($0.utf8) } + [
        [0x22, 0xFF, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xE2, 0x82, 0x22],
    ]

    @Test func everyDocumentFoundationAcceptsIsReadAsItReadsIt() {
        for text in Self.accepted {
            let data = Data(text.utf8)
            let expected = foundation(data)
            #expect(expected != nil, "Foundation refuses \(text.prefix(80))")
            #expect(JSONValue(parsing: data) == expected, "\(text.prefix(80))")
        }
    }

    @Test func everyDocumentFoundationRefusesIsRefused() {
        for bytes in Self.refused {
            let data = Data(bytes)
            #expect(foundation(data) == nil, "Foundation accepts \(bytes.prefix(40))")
            #expect(JSONValue(parsing: data) == nil, "\(String(decoding: bytes.prefix(80), as: UTF8.self))")
        }
    }

    @Test func aCommaBeforeTheEndOfAnArrayOrObjectIsRefusedThoughFoundationLetsItPass() {
        // given documents with a comma before their end, which Foundation accepts
        for text in ["[1,]", #"{"a":1,}"#, #"{"category":"cash",}"#] {
            let data = Data(text.utf8)
            #expect(foundation(data) != nil)
            // then they are refused, as RFC 8259 has it
            #expect(JSONValue(parsing: data) == nil, "\(text)")
        }
    }

    @Test func aByteOrderMarkBeforeUTF8IsPassedOverAsFoundationPassesOverIt() {
        // given a body that a writer opened with a byte-order mark
        let data = Data([0xEF, 0xBB, 0xBF] + Array(Self.accepted[0].utf8))
        // then it is read as without it
        #expect(foundation(data) != nil)
        #expect(JSONValue(parsing: data) == foundation(data))
    }

    @Test func textInUTF16IsRefusedThoughFoundationReadsIt() throws {
        // given a body in UTF-16, which Foundation recognises
        let data = try #require(#"{"category":"cash"}"#.data(using: .utf16))
        #expect(foundation(data) != nil)
        // then it is refused: request bodies are UTF-8
        #expect(JSONValue(parsing: data) == nil)
    }

    @Test func everyPrefixOfARealBodyIsAcceptedOrRefusedAsFoundationDoes() {
        let body = Array(Self.accepted[0].utf8) + Array(Self.accepted[7].utf8)
        for length in 0..<body.count {
            let data = Data(body.prefix(length))
            #expect((JSONValue(parsing: data) == nil) == (foundation(data) == nil), "\(length) bytes")
        }
    }
}
