import ArcaDomain
import Testing

@Suite("Domain: hexadecimal text of digests and secrets")
struct HexadecimalTests {
    @Test func eachByteIsTwoLowerCaseDigits() {
        #expect([0x00, 0x0F, 0xA5, 0xFF, 0x10].hexadecimal == "000fa5ff10")
        #expect([UInt8]().hexadecimal == "")
    }

    @Test func aDigestReadsAsSha256sumPrintsIt() {
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1), as its bytes.
        let digest: [UInt8] = [
            0xBA, 0x78, 0x16, 0xBF, 0x8F, 0x01, 0xCF, 0xEA, 0x41, 0x41, 0x40, 0xDE, 0x5D, 0xAE, 0x22, 0x23,
            0xB0, 0x03, 0x61, 0xA3, 0x96, 0x17, 0x7A, 0x9C, 0xB4, 0x10, 0xFF, 0x61, 0xF2, 0x00, 0x15, 0xAD,
        ]
        #expect(digest.hexadecimal == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
