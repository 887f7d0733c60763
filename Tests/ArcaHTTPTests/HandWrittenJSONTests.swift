import ArcaApplication
import ArcaDomain
@testable import ArcaHTTP
import ArcaPersistence
import ArcaResources
import ArcaTestSupport
import Foundation
import Testing

/// The resources read most write their JSON by hand (`JSONWritable`); what they write must be
/// byte for byte what Foundation's encoder, configured as every other answer is
/// (`Reply.encoder`), writes from their `Encodable` conformance.
@Suite("Hand-written JSON matches Foundation's, byte for byte")
struct HandWrittenJSONTests {
    /// Both writings of `value`, compared so that a difference shows both.
    private func expectSameBytes(_ value: some JSONWritable, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let handWritten = String(decoding: JSONWriter.write(value), as: UTF8.self)
        let reference = String(decoding: try Reply.encoder.encode(value), as: UTF8.self)
        #expect(handWritten == reference, sourceLocation: sourceLocation)
    }

    @Test func everyCharacterOfAStringIsEscapedAsFoundationEscapesIt() throws {
        // given every ASCII character, quotes, backslashes, slashes and some beyond ASCII
        let ascii = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self)
        let texts = [ascii, "Rue de la Loi 16/1000 Bruxelles", "\"Zöllner & Söhne\" GmbH \\ Köln", "Łódź – €12 💶", "\u{2028}\u{7F}", ""]
        // then each is written as Foundation writes it
        for text in texts {
            try expectSameBytes([text])
        }
    }

    @Test func instantsAreWrittenInWholeUTCSecondsAsFoundationWritesThem() throws {
        // given instants with fractions of a second, around midnight, leap days and year ends, and
        // before the Gregorian calendar, from year 10000, and before year 1
        var generator = SystemRandomNumberGenerator()
        var dates = (0..<5000).map { _ in Date(timeIntervalSinceReferenceDate: Double.random(in: -1e9...2e9, using: &generator)) }
        dates += ["2024-02-29T23:59:59Z", "2025-12-31T23:59:59Z", "2000-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "1582-10-15T00:00:00Z",
            "1582-10-14T23:59:59Z", "1500-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"].map {
            ISO8601DateFormatter().date(from: $0)!
        }
        dates += [Date(timeIntervalSince1970: 253_402_300_800), Date(timeIntervalSince1970: 1e12), Date(timeIntervalSince1970: -1e11)]
        dates += dates.prefix(100).map { Date(timeIntervalSinceReferenceDate: $0.timeIntervalSinceReferenceDate.rounded(.down) + 0.999_999) }
        // then each is written as Foundation writes it
        for date in dates {
            try expectSameBytes([date])
        }
    }

    @Test func integersAndBooleansAreWrittenAsFoundationWritesThem() throws {
        let numbers: [Int64] = [0, 1, -1, 9, 10, 42, 1_000_000, Int64.max, Int64.min]
        try expectSameBytes(numbers)
        try expectSameBytes([true, false])
    }

    @Test(.timeLimit(.minutes(5)))
    func everyCaseFileAssetFileOrderAndListOfTheDemoDataIsWrittenAsFoundationWritesIt() async throws {
        try await TestDatabase.withFresh { db in
            // given the demo data: cases with subjects, assets in every state, orders executed,
            // lifted and corrected, valuations and events
            let database = Database(pool: db.pool)
            let clock = TestClock()
            _ = try await SeedDemo(database: database, clock: clock.now)(cases: 40, seed: 2026, by: .commandLine())
            let useCases = UseCases(database: database, clock: clock.now)
            var compared = (cases: 0, assets: 0, orders: 0, events: 0)
            for name in ["j.peeters", "k.maes"] {
                let officer = try await database.transaction { store in Caller(user: try #require(try await store.users.find(name: UserName(name)))) }
                // when every page of cases and assets, every case file, asset file and order is written both ways
                let cases = PageResource(items: try await useCases.listCases(CaseListRequest(limit: 100), by: officer).items.map(CaseResource.init), next: "Y3Vyc29y")
                try expectSameBytes(cases)
                let assets = try await useCases.listAssets(AssetListRequest(limit: 100), by: officer)
                let assetPage = PageResource(items: assets.items.map(AssetResource.init), next: assets.next)
                try expectSameBytes(assetPage)
                for record in try await useCases.listCases(CaseListRequest(limit: 100), by: officer).items {
                    let file = try await useCases.readCase(id: record.id, by: officer)
                    let caseFile = CaseFileResource(file)
                    // then the bytes are the same
                    try expectSameBytes(caseFile)
                    for subject in file.subjects {
                        try expectSameBytes(SubjectResource(subject))
                    }
                    for asset in file.assets {
                        let read = try await useCases.readAsset(id: asset.id, by: officer)
                        let assetFile = AssetFileResource(read)
                        try expectSameBytes(assetFile)
                        compared.events += read.events.count
                    }
                    for order in file.orders {
                        try expectSameBytes(OrderResource(order))
                    }
                    compared.cases += 1
                    compared.assets += file.assets.count
                    compared.orders += file.orders.count
                }
            }
            #expect(compared.cases >= 40)
            #expect(compared.assets >= 80)
            #expect(compared.orders >= 20)
            #expect(compared.events >= 160)
        }
    }

    @Test func correctionsSumsExecutedAndQuotedTitlesAreWrittenAsFoundationWritesThem() async throws {
        try await TestWorld.with { world in
            let useCases = world.useCases
            let officer = world.officer
            // given a case whose title quotes a name, a traced car whose trace date was corrected,
            // an account frozen on a corrected day, and a value confiscation executed for a sum
            let file = try await useCases.createCase(
                NewCase(title: "Operation \"Zöllner\" – Köln/Bonn \\ Liège", offences: ["money_laundering"], openedOn: "2026-03-14"), by: officer)
            let account = try await useCases.addAsset(
                caseID: file.id,
                NewAsset(
                    category: "bank_account", description: "Current account at KBC, Brussels", identifiers: IdentifierInput(iban: "BE68 5390 0754 7034"),
                    country: "BE", propertyRole: "proceeds_direct", estimatedValue: MoneyInput(amount: "48250.75", currency: "EUR"), identifiedOn: "2026-03-20"),
                by: officer)
            let car = try await useCases.addAsset(
                caseID: file.id,
                NewAsset(
                    category: "motor_vehicle", description: "Porsche 911 Carrera, black", identifiers: IdentifierInput(vin: "WP0ZZZ99ZTS392124"),
                    country: "NL", estimatedValue: MoneyInput(amount: "95000.00", currency: "EUR"), identifiedOn: "2026-03-21"),
                by: officer)
            let traced = try await useCases.recordAssetEvent(
                assetID: car.id, NewAssetEvent(action: "trace", occurredOn: "2026-03-30", reason: "RDW register: \"owner since 2024\""), by: officer)
            let trace = try #require(try await useCases.readAsset(id: traced.id, by: officer).events.last?.id)
            _ = try await useCases.correctEventDate(
                assetID: car.id, eventID: trace, EventDateCorrection(occurredOn: "2026-03-23", reason: "typed 30 for 23"), by: officer)
            let freezing = try await useCases.createOrder(
                caseID: file.id,
                NewOrder(
                    kind: "freezing", urgent: true, issuingAuthority: "Investigating judge, Brussels", decisionReference: "FRZ/2026/118",
                    decisionDate: "2026-04-02", assets: [account.id.lowercased]),
                by: officer)
            _ = try await useCases.executeOrder(orderID: freezing.id, OrderExecutionInput(on: "2026-04-30", reason: "bank notified"), by: officer)
            _ = try await useCases.correctOrderDate(
                orderID: freezing.id,
                OrderDateCorrectionInput(step: "execution", asset: account.id.lowercased, on: "2026-04-03", reason: "bank's reply dated 3 April"),
                by: officer)
            let confiscation = try await useCases.createOrder(
                caseID: file.id,
                NewOrder(
                    kind: "confiscation", confiscationType: "value", issuingAuthority: "Brussels criminal court", decisionReference: "CONF/2026/77",
                    decisionDate: "2026-06-10", assets: [account.id.lowercased], coveredAmount: MoneyInput(amount: "120000.00", currency: "EUR")),
                by: officer)
            _ = try await useCases.finaliseOrder(orderID: confiscation.id, OrderFinality(on: "2026-07-15", reason: "no appeal lodged"), by: officer)
            _ = try await useCases.executeOrder(
                orderID: confiscation.id, OrderExecutionInput(on: "2026-08-01", reason: "paid by the convicted person", amount: MoneyInput(amount: "30000.00", currency: "EUR")),
                by: officer)
            // when each is written both ways, then the bytes are the same
            let caseFile = try await useCases.readCase(id: file.id, by: officer)
            #expect(caseFile.orders.contains { !$0.corrections.isEmpty } && caseFile.orders.contains { $0.executions.contains { $0.assetID == nil } })
            try expectSameBytes(CaseFileResource(caseFile))
            let carFile = try await useCases.readAsset(id: car.id, by: officer)
            #expect(carFile.events.contains { $0.correction != nil })
            try expectSameBytes(AssetFileResource(carFile))
            try expectSameBytes(AssetFileResource(try await useCases.readAsset(id: account.id, by: officer)))
        }
    }
}
