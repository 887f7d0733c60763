import ArcaApplication
import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import Testing

@Suite("Demo data at national scale")
struct BulkSeedTests {
    /// A fresh database seeded in bulk: 6 cases recorded through the use cases, 54 copies.
    private func withBulkData(_ body: (UseCases, Database, RecordCounts) async throws -> Void) async throws {
        try await TestDatabase.withFresh { db in
            let database = Database(pool: db.pool)
            let clock = TestClock()
            let counts = try await SeedBulk(database: database, clock: clock.now)(cases: 60, seed: 2026, templates: 6, by: .commandLine())
            try await body(UseCases(database: database, clock: clock.now), database, counts)
        }
    }

    private func officers(_ database: Database) async throws -> [OfficeCode: Caller] {
        try await database.transaction { store in
            var officers: [OfficeCode: Caller] = [:]
            for name in ["j.peeters", "k.maes"] {
                let user = try #require(try await store.users.find(name: UserName(name)))
                officers[user.office] = Caller(user: user)
            }
            return officers
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func everyRecordOfABulkLoadReadsBackThroughTheUseCases() async throws {
        try await withBulkData { useCases, database, counts in
            // given 60 cases, most of them copies written through COPY
            #expect(counts.cases == 60)
            #expect(counts.assets >= 60 * 8)
            let officers = try await officers(database)
            let ids = try await database.transaction { try await $0.caseIDs() }
            // when every case, subject, asset, order, request and certificate, and every case's totals, is read as its office's officer
            var read = (subjects: 0, assets: 0, valuations: 0, events: 0, orders: 0, recovered: 0, requests: 0, certificates: 0)
            for id in ids {
                let owner = try await database.pool.query("SELECT office_code FROM case_file WHERE id = $1", [id])[0].decode(String.self, 0)
                let officer = try #require(officers[try OfficeCode(owner)])
                let file = try await useCases.readCase(id: id, by: officer)
                for subject in file.subjects { _ = try await useCases.readSubject(id: subject.id, by: officer) }
                for asset in file.assets {
                    let assetFile = try await useCases.readAsset(id: asset.id, by: officer)
                    // identifiers drawn for the copies pass the checks the use cases make
                    if let iban = asset.identifiers.iban { _ = try IBAN(iban.value) }
                    if let mark = asset.identifiers.registrationMark { _ = try AssetIdentifiers.validRegistrationMark(mark) }
                    read.valuations += assetFile.valuations.count
                    read.events += assetFile.events.count
                }
                for order in file.orders { _ = try await useCases.readOrder(id: order.id, by: officer) }
                let money = try await useCases.readCaseTotals(caseID: id, by: officer)
                read.recovered += money.recovered.count
                for request in try await database.pool.query("SELECT id FROM exchange_request WHERE case_id = $1", [id]) {
                    _ = try await useCases.readRequest(id: try request.decode(UUID.self, 0), by: officer)
                    read.requests += 1
                }
                for certificate in try await database.pool.query("SELECT id FROM certificate WHERE case_id = $1", [id]) {
                    _ = try await useCases.readCertificate(id: try certificate.decode(UUID.self, 0), by: officer)
                    read.certificates += 1
                }
                read.subjects += file.subjects.count
                read.assets += file.assets.count
                read.orders += file.orders.count
            }
            // then every record the load wrote was read, none refused by the domain's rules
            #expect(read.subjects == counts.subjects)
            #expect(read.assets == counts.assets)
            #expect(read.valuations == counts.valuations)
            #expect(read.events == counts.events)
            #expect(read.orders == counts.orders)
            #expect(read.recovered == counts.recoveredValues)
            #expect(read.requests == counts.requests)
            #expect(read.certificates == counts.certificates)
        }
    }

    @Test(.timeLimit(.minutes(10)))
    func copiesHaveTheirOwnReferencesAndACaseRecordedAfterwardsContinuesTheNumbering() async throws {
        try await withBulkData { useCases, database, _ in
            let officers = try await officers(database)
            let officer = try #require(officers[try OfficeCode("BE-ARO")])
            let page = try await useCases.listCases(CaseListRequest(limit: 100), by: officer)
            let references = page.items.map(\.reference.description)
            #expect(Set(references).count == references.count)
            // when a case is opened on a day of a year the copies were numbered in
            let year = try #require(page.items.first?.openedOn.year)
            let before = page.items.filter { $0.openedOn.year == year }.count
            let opened = try await useCases.createCase(
                NewCase(title: "Operation Salt Road: follow-up", offences: ["fraud"], openedOn: "\(year)-06-30"), by: officer)
            // then it takes the number after the last one given in that year
            #expect(opened.reference.description.hasSuffix(String(format: "-%06d", before + 1)))
        }
    }
}
