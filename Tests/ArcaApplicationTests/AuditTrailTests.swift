import ArcaApplication
import ArcaTestSupport
import ArcaDomain
import Foundation
import Testing

@Suite("Audit trail: each change and each consultation leaves exactly its entries")
struct AuditTrailTests {
    /// Audit entries of the case work, as "operation kind entity" with their counts.
    static func entries(_ world: TestWorld) async throws -> [String: Int] {
        let rows = try await world.db.pool.query(
            """
            SELECT operation || ' ' || kind || ' ' || entity, count(*)::int FROM audit_entry
            WHERE operation NOT IN ('AddOffice', 'AddUser') GROUP BY 1
            """)
        return try Dictionary(uniqueKeysWithValues: rows.map { (try $0.decode(String.self, 0), try $0.decode(Int.self, 1)) })
    }

    @Test func aDayOfCaseWorkLeavesOneEntryPerChangeAndPerConsultation() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.useCases.addSubject(
                caseID: file.id, NewSubject(kind: "natural_person", name: "Jan Vermeulen", role: "suspect"), by: world.officer)
            let account = try await world.addAccount(to: file.id)
            _ = try await world.useCases.readCase(id: file.id, by: world.analyst)
            _ = try await world.useCases.updateCase(id: file.id, changes: CaseChanges(status: "freezing"), expectedVersion: 1, by: world.officer)
            _ = try await world.useCases.listCases(CaseListRequest(), by: world.liaison)
            let freezing = try await world.order("freezing", assets: [account])
            _ = try await world.useCases.executeOrder(orderID: freezing.id, OrderExecutionInput(on: "2026-04-03"), by: world.officer)
            _ = try await world.useCases.readAsset(id: account.id, by: world.analyst)
            _ = try await world.useCases.listAssets(AssetListRequest(), by: world.analyst)
            _ = try await world.useCases.readOrder(id: freezing.id, by: world.analyst)
            _ = try await world.useCases.recordValuation(
                assetID: account.id, NewValuation(valuedOn: "2026-05-01", method: "book", value: MoneyInput(amount: "47000.00", currency: "EUR")),
                by: world.officer)
            _ = try await world.useCases.shareCase(id: file.id, CaseShare(office: "BE-AMO"), by: world.officer)

            let expected = [
                "CreateCase change case": 1, "AddSubject change subject": 1, "AddAsset change asset": 1, "AddAsset change valuation": 1,
                "ReadCase consultation case": 1,
                "UpdateCase change case": 1, "ListCases consultation case": 1, "CreateOrder change order": 1,
                "ExecuteOrder change order": 1, "ExecuteOrder change asset": 1, "ReadAsset consultation asset": 1,
                "ListAssets consultation asset": 1, "ReadOrder consultation order": 1, "RecordValuation change valuation": 1,
                "RecordValuation change asset": 1,
                "ShareCase change case": 1,
            ]
            let actual = try await Self.entries(world)
            #expect(actual == expected)
        }
    }

    @Test func refusedRequestsLeaveNoEntry() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let before = try await Self.entries(world)
            _ = try? await world.useCases.addSubject(caseID: file.id, NewSubject(kind: "alien", name: "X", role: "suspect"), by: world.officer)
            _ = try? await world.useCases.readCase(id: file.id, by: world.amoOfficer)
            _ = try? await world.useCases.updateCase(id: file.id, changes: CaseChanges(title: "Stale"), expectedVersion: 7, by: world.officer)
            _ = try? await world.useCases.createCase(NewCase(title: "Forbidden", offences: ["fraud"], openedOn: "2026-01-01"), by: world.analyst)
            let after = try await Self.entries(world)
            #expect(after == before)
        }
    }

    @Test func aChangeRecordsWhoWhenWhatAndTheValuesBeforeAndAfter() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let freezing = try await world.order("freezing", assets: [account])
            _ = try await world.useCases.executeOrder(orderID: freezing.id, OrderExecutionInput(on: "2026-04-03", reason: "bank confirmed"), by: world.officer)
            let entry = try #require(try await world.audit(entity: "asset", id: account.id).last)
            #expect(entry.operation == "ExecuteOrder")
            #expect(entry.actor.userID == world.officer.userID)
            #expect(entry.actor.office?.value == "BE-ARO")
            #expect(entry.before?.contains("\"identified\"") == true)
            #expect(entry.after?.contains("\"frozen\"") == true)
            #expect(entry.reason == "bank confirmed")
            #expect(entry.recordedAt != nil)
        }
    }

    @Test func snapshotsShowIdsInLowerCaseAndKeepEveryOtherValue() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let freezing = try await world.order("freezing", assets: [account])
            let entry = try #require(try await world.audit(entity: "order", id: freezing.id).first)
            let after = try #require(entry.after)
            #expect(after.contains("\"\(account.id.lowercased)\""))
            #expect(!after.contains(account.id.uuidString))
            let record = try #require(try JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any])
            #expect(record["urgent"] as? Bool == false)
            #expect(record["version"] as? Int == 1)
            #expect(record["assetIDs"] as? [String] == [account.id.lowercased])
        }
    }

    @Test func readingACaseLogsOneEntryListingEverySubjectAssetAndOrderItShows() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let suspect = try await world.useCases.addSubject(
                caseID: file.id, NewSubject(kind: "natural_person", name: "Jan Vermeulen", role: "suspect"), by: world.officer)
            let account = try await world.addAccount(to: file.id)
            let freezing = try await world.order("freezing", assets: [account])

            _ = try await world.useCases.readCase(id: file.id, by: world.analyst)

            let entries = try await world.database.transaction { try await $0.audit.entries(entity: "case", id: file.id.lowercased) }
            let reading = try #require(entries.last)
            #expect(reading.operation == "ReadCase" && reading.kind == .consultation && reading.actor.name == "a.janssens")
            let after = try #require(reading.after.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any])
            let shown = try #require(after["shown"] as? [String: [String]])
            #expect(shown == ["subject": [suspect.id.lowercased], "asset": [account.id.lowercased], "order": [freezing.id.lowercased]])
            let others = try await world.count("SELECT count(*) FROM audit_entry WHERE operation = 'ReadCase' AND entity <> 'case'")
            #expect(others == 0)
        }
    }

    @Test func theTrailOfAnOrderOrAssetFindsTheReadingOfItsCaseAndNotOfAnother() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let freezing = try await world.order("freezing", assets: [account])
            let other = try await world.openCase(title: "Operation Harbour Lights")
            _ = try await world.addAccount(to: other.id)

            _ = try await world.useCases.readCase(id: file.id, by: world.analyst)
            _ = try await world.useCases.readCase(id: other.id, by: world.liaison)

            for (entity, id) in [("order", freezing.id), ("asset", account.id)] {
                let typed = try await world.useCases.readAuditTrail(
                    AuditListRequest(entity: entity, entityID: id.lowercased, kind: "consultation"), by: world.auditor)
                #expect(typed.items.map(\.operation) == ["ReadCase"])
                #expect(typed.items.map(\.actor.name) == ["a.janssens"])
                let untyped = try await world.useCases.readAuditTrail(
                    AuditListRequest(entityID: id.lowercased, kind: "consultation"), by: world.auditor)
                #expect(untyped.items.map(\.operation) == ["ReadCase"])
            }
            let askedAsAnotherKind = try await world.useCases.readAuditTrail(
                AuditListRequest(entity: "subject", entityID: account.id.lowercased, kind: "consultation"), by: world.auditor)
            #expect(askedAsAnotherKind.items.isEmpty)
        }
    }

    @Test func aSearchByKindFindsTheReadingsOfCasesThatShowedRecordsOfThatKind() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.useCases.addSubject(
                caseID: file.id, NewSubject(kind: "natural_person", name: "Jan Vermeulen", role: "suspect"), by: world.officer)

            _ = try await world.useCases.readCase(id: file.id, by: world.analyst)

            let subjects = try await world.useCases.readAuditTrail(AuditListRequest(entity: "subject", kind: "consultation"), by: world.auditor)
            #expect(subjects.items.map(\.operation) == ["ReadCase"])
            let orders = try await world.useCases.readAuditTrail(AuditListRequest(entity: "order", kind: "consultation"), by: world.auditor)
            #expect(orders.items.isEmpty)
        }
    }

    @Test func entriesWrittenOnePerRecordBeforeTheReadingListedItsPartsAreStillFound() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let suspect = try await world.useCases.addSubject(
                caseID: file.id, NewSubject(kind: "natural_person", name: "Jan Vermeulen", role: "suspect"), by: world.officer)
            // As a reading logged its parts before migration 0015.
            try await world.db.pool.execute(
                """
                INSERT INTO audit_entry (actor_name, actor_office, kind, operation, entity, entity_id)
                VALUES ('a.janssens', 'BE-ARO', 'consultation', 'ReadCase', 'subject', $1)
                """, [suspect.id.lowercased])

            for entity in ["subject", nil] {
                let trail = try await world.useCases.readAuditTrail(
                    AuditListRequest(entity: entity, entityID: suspect.id.lowercased, kind: "consultation"), by: world.auditor)
                #expect(trail.items.map(\.operation) == ["ReadCase"], "\(entity ?? "any kind")")
            }
        }
    }

    @Test func aListLogsTheRecordsItShowedInOneEntryThatTheirTrailFinds() async throws {
        try await TestWorld.with { world in
            let older = try await world.openCase(title: "Operation Meltwater", openedOn: "2026-03-14")
            let newer = try await world.openCase(title: "Operation Harbour Lights", openedOn: "2026-05-02")

            let page = try await world.useCases.listCases(CaseListRequest(limit: 1), by: world.analyst)

            #expect(page.items.map(\.id) == [newer.id])
            let entries = try await world.database.transaction { try await $0.audit.entries(entity: "case", id: AuditEntry.searchID) }
            #expect(entries.count == 1)
            let shown = try #require(entries.first?.after.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any])
            #expect(shown["shown"] as? [String] == [newer.id.lowercased])
            let trailOfNewer = try await world.useCases.readAuditTrail(AuditListRequest(entity: "case", entityID: newer.id.lowercased, kind: "consultation"), by: world.auditor)
            #expect(trailOfNewer.items.map(\.operation) == ["ListCases"])
            let trailOfOlder = try await world.useCases.readAuditTrail(AuditListRequest(entity: "case", entityID: older.id.lowercased, kind: "consultation"), by: world.auditor)
            #expect(trailOfOlder.items.isEmpty)
        }
    }

    @Test func anAssetListAndAReadingOfTheTrailLogWhatTheyShowed() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            _ = try await world.useCases.listAssets(AssetListRequest(), by: world.analyst)

            let trail = try await world.useCases.readAuditTrail(AuditListRequest(entity: "asset", entityID: account.id.lowercased, kind: "consultation"), by: world.auditor)

            #expect(trail.items.map(\.operation) == ["ListAssets"])
            let readings = try await world.database.transaction { try await $0.audit.entries(entity: "audit_entry", id: AuditEntry.searchID) }
            let shown = try #require(readings.first?.after.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any])
            #expect(shown["shown"] as? [String] == trail.items.compactMap { $0.sequence.map(String.init) })
        }
    }
}
