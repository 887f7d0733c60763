@testable import ArcaApplication
import Foundation
import Testing

@Suite("Audit snapshots")
struct AuditSnapshotTests {
    private struct Record: Encodable {
        let id: UUID
        let owners: [UUID]
        let description: String
        let quoted: String
        let byOwner: [String: Int]
        let recordedAt: Date
    }

    @Test func idsAreWrittenInLowerCaseAndEverythingElseAsItWas() throws {
        // given a record with ids, an id-shaped key, an id inside a longer text and an escaped quote
        let id = try #require(UUID(uuidString: "FC19D4BE-D562-4D52-81B2-D1A190FF07E5"))
        let owner = try #require(UUID(uuidString: "28D16F05-BCAC-463E-AD43-76831C772BB2"))
        let record = Record(
            id: id, owners: [owner], description: "Transfer ref FC19D4BE-D562-4D52-81B2-D1A190FF07E5 to BE68 5390 0754 7034",
            quoted: #"the "7EC11B4A-D3F0-4C73-9261-58EF49E97DE6" account"#, byOwner: ["A55CA00F-BA34-4332-9A5A-6305A9A402F3": 2],
            recordedAt: Date(timeIntervalSince1970: 1_795_950_000))
        // when it is written for the trail
        let snapshot = try #require(
            try JSONSerialization.jsonObject(with: Data(AuditSnapshot.json(record).utf8)) as? [String: Any])
        // then whole ids are lower case, and the texts and keys are untouched
        #expect(snapshot["id"] as? String == "fc19d4be-d562-4d52-81b2-d1a190ff07e5")
        #expect(snapshot["owners"] as? [String] == ["28d16f05-bcac-463e-ad43-76831c772bb2"])
        #expect(snapshot["description"] as? String == record.description)
        #expect(snapshot["quoted"] as? String == record.quoted)
        #expect(snapshot["byOwner"] as? [String: Int] == record.byOwner)
        #expect(snapshot["recordedAt"] as? String == "2026-11-29T11:00:00Z")
    }
}
