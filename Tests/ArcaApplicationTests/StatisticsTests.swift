import ArcaApplication
import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import Testing

/// A hand-built year, 2024, in which every figure of S1–S4 has a known value:
///
/// - case A (fraud): a KBC account valued EUR 50,000.00, a van valued USD 21,626.00 and a
///   necklace never valued, all frozen by Belgian order F1 on Saturday 2 March 2024 (the
///   dollar at Friday's rate, 1.0813: EUR 20,000.00); cash frozen on 1 April 2024 for the
///   Netherlands (an order of the Netherlands executed here: not in S1–S4);
/// - case B (drug trafficking, then money laundering): a house valued EUR 200,000.00 in 2023,
///   frozen in 2023 (not in 2024's S1 or S3), confiscated by C1 (decided 15 January 2024,
///   executed 10 May 2024), and a value confiscation C2 of EUR 30,000.00 executed 1 June 2024.
struct StatisticsYear {
    let world: TestWorld
    var f1: LegalOrder!
    var c1: LegalOrder!
    var c2: LegalOrder!
    var necklace: Asset!
    var house: Asset!

    static func build(in world: TestWorld) async throws -> StatisticsYear {
        var year = StatisticsYear(world: world)
        let useCases = world.useCases
        let officer = world.officer
        _ = try await useCases.importRates(file: try Data(contentsOf: Fixtures.ecbHistory), named: "eurofxref-hist.csv", by: world.admin)
        func open(_ title: String, _ offences: [String], on day: String) async throws -> Case {
            try await useCases.createCase(NewCase(title: title, offences: offences, openedOn: day), by: officer)
        }
        func asset(_ file: Case, _ category: String, _ description: String, valued: (String, String, String)?) async throws -> Asset {
            let asset = try await useCases.addAsset(
                caseID: file.id, NewAsset(category: category, description: description, country: "BE", identifiedOn: file.openedOn.description), by: officer)
            if let (day, amount, currency) = valued {
                _ = try await useCases.recordValuation(
                    assetID: asset.id, NewValuation(valuedOn: day, method: "expert", value: MoneyInput(amount: amount, currency: currency)), by: officer)
            }
            return asset
        }
        func order(_ file: Case, _ kind: String, type: String? = nil, issuedBy state: String? = nil, _ reference: String, on day: String, assets: [Asset], covered: String? = nil)
            async throws -> LegalOrder
        {
            try await useCases.createOrder(
                caseID: file.id,
                NewOrder(
                    kind: kind, confiscationType: type, issuingState: state, issuingAuthority: "Brussels court of first instance", decisionReference: reference,
                    decisionDate: day, assets: assets.map(\.id.lowercased), coveredAmount: covered.map { MoneyInput(amount: $0, currency: "EUR") }),
                by: officer)
        }
        func execute(_ order: LegalOrder, on day: String, amount: String? = nil) async throws {
            _ = try await useCases.executeOrder(
                orderID: order.id, OrderExecutionInput(on: day, reason: "carried out", amount: amount.map { MoneyInput(amount: $0, currency: "EUR") }), by: officer)
        }

        let a = try await open("Operation Quill: invoice fraud", ["fraud"], on: "2024-01-08")
        let account = try await asset(a, "bank_account", "Current account at KBC, Brussels", valued: ("2024-02-01", "50000.00", "EUR"))
        let van = try await asset(a, "motor_vehicle", "Ford Transit van", valued: ("2024-02-01", "21626.00", "USD"))
        year.necklace = try await asset(a, "jewellery_precious_metals", "Gold necklace", valued: nil)
        year.f1 = try await order(a, "freezing", "F1/2024", on: "2024-02-28", assets: [account, van, year.necklace])
        try await execute(year.f1, on: "2024-03-02")
        _ = try await useCases.recordAssetEvent(
            assetID: van.id,
            NewAssetEvent(action: "sell_interim", occurredOn: "2024-04-15", reason: "sold before it lost its value", amount: MoneyInput(amount: "19500.00", currency: "EUR")),
            by: officer)
        let cash = try await asset(a, "cash", "EUR 12,000 in banknotes", valued: ("2024-03-10", "12000.00", "EUR"))
        let dutch = try await order(a, "freezing", issuedBy: "NL", "ROT-2024-77", on: "2024-03-20", assets: [cash])
        try await execute(dutch, on: "2024-04-01")

        let b = try await open("Operation Harbour: cocaine imports", ["drug_trafficking", "money_laundering"], on: "2023-04-03")
        let house = try await asset(b, "real_estate", "House, Antwerp", valued: ("2023-05-01", "200000.00", "EUR"))
        year.house = house
        let f2 = try await order(b, "freezing", "F2/2023", on: "2023-05-20", assets: [house])
        try await execute(f2, on: "2023-06-01")
        year.c1 = try await order(b, "confiscation", type: "standard", "C1/2024", on: "2024-01-15", assets: [house])
        _ = try await useCases.finaliseOrder(orderID: year.c1.id, OrderFinality(on: "2024-04-01", reason: "no appeal lodged"), by: officer)
        _ = try await useCases.executeOrder(
            orderID: year.c1.id,
            OrderExecutionInput(
                on: "2024-05-10", reason: "sold at auction",
                assets: [.init(asset: house.id.lowercased, realised: MoneyInput(amount: "185000.00", currency: "EUR"))]),
            by: officer)
        year.c2 = try await order(b, "confiscation", type: "value", "C2/2024", on: "2024-02-01", assets: [], covered: "30000.00")
        _ = try await useCases.finaliseOrder(orderID: year.c2.id, OrderFinality(on: "2024-03-01", reason: "no appeal lodged"), by: officer)
        try await execute(year.c2, on: "2024-06-01", amount: "30000.00")
        return year
    }
}

@Suite("Use cases: the yearly statistics, S1–S8, S11 and S12")
struct StatisticsTests {
    private func figure(_ extract: StatisticsExtract, _ code: IndicatorCode) -> Indicator? {
        extract.indicators.first { $0.code == code }
    }

    @Test func eachFigureOfTheHandBuiltYearIsTheOneItsDefinitionGives() async throws {
        try await TestWorld.with { world in
            let year = try await StatisticsYear.build(in: world)
            // when an analyst produces the 2024 extract
            let extract = try await world.useCases.produceStatistics(year: 2024, by: world.analyst)
            // then S1 counts F1 only: F2 was executed in 2023, the Dutch order is not this state's
            let s1 = try #require(figure(extract, .s1))
            #expect(s1.figure == .count(1) && s1.contributions.map(\.id) == [year.f1.id.lowercased])
            func breakdown(_ indicator: Indicator, _ dimension: String) -> Breakdown? { indicator.breakdowns.first { $0.dimension == dimension } }
            #expect(breakdown(s1, "principal_offence")?.rows.map(\.key) == ["fraud"])
            let categories = try #require(breakdown(s1, "asset_category"))
            #expect(categories.rows.map(\.key) == ["bank_account", "jewellery_precious_metals", "motor_vehicle"] && !categories.addsUp)
            // S2 counts both confiscations, under case B's principal offence
            let s2 = try #require(figure(extract, .s2))
            #expect(s2.figure == .count(2) && Set(s2.contributions.map(\.id)) == [year.c1.id.lowercased, year.c2.id.lowercased])
            #expect(breakdown(s2, "principal_offence")?.rows.map(\.key) == ["drug_trafficking"])
            #expect(breakdown(s2, "principal_offence")?.rows.map(\.figure) == [.count(2)])
            // and, counted under each of case B's offences, the rows do not add up to the total
            let everyOffence = try #require(breakdown(s2, "offence"))
            #expect(everyOffence.rows.map(\.key) == ["drug_trafficking", "money_laundering"] && everyOffence.rows.map(\.figure) == [.count(2), .count(2)])
            #expect(!everyOffence.addsUp)
            // S3: EUR 50,000.00 and USD 21,626.00 at Friday's 1.0813, the necklace apart
            let s3 = try #require(figure(extract, .s3))
            #expect(s3.figure == .euro(70_000) && s3.withoutValue.map(\.id) == [year.necklace.id.lowercased])
            let van = try #require(s3.contributions.first { $0.amount?.original.currency.code == "USD" })
            #expect(van.amount?.rate?.day == (try Day("2024-03-01")) && van.amount?.rate?.rate == Decimal(string: "1.0813"))
            // S4: the house at its value when confiscation was ordered, and the EUR 30,000.00 executed
            let s4 = try #require(figure(extract, .s4))
            #expect(s4.figure == .euro(230_000))
            #expect(s4.breakdowns.first { $0.dimension == "asset_category" }?.rows.map(\.key) == ["real_estate", "sum_of_money"])
            // S12: both confiscations issued in 2024 and both executed, one standard and one of value
            let issued = try #require(extract.indicators.first { $0.key == "S12.issued" })
            let executed = try #require(extract.indicators.first { $0.key == "S12.executed" })
            #expect(issued.figure == .count(2) && executed.figure == .count(2))
            #expect(executed.breakdowns.first { $0.dimension == "confiscation_type" }?.rows.map(\.key) == ["standard", "value"])
            // S13: the van sold in the interim for EUR 19,500.00; nothing put to reuse
            #expect(extract.indicators.first { $0.key == "S13.interim_sales" }?.figure == .count(1))
            #expect(extract.indicators.first { $0.key == "S13.interim_sale_proceeds" }?.figure == .euro(19_500))
            #expect(extract.indicators.first { $0.key == "S13.reuse" }?.figure == .count(0))
            #expect(extract.rates.count == 1)
            #expect(extract.indicators.map(\.key) == IndicatorCode.keys)
        }
    }

    @Test func theSameDataGivesTheSameFiguresAndDigestAndEveryExplanationAddsUpToItsFigure() async throws {
        try await TestWorld.with { world in
            let year = try await StatisticsYear.build(in: world)
            let first = try await world.useCases.produceStatistics(year: 2024, by: world.analyst)
            world.clock.advance(hours: 3)
            let again = try await world.useCases.produceStatistics(year: 2024, state: "BE", by: world.admin)
            #expect(again.dataDigest == first.dataDigest && again.indicators == first.indicators && again.producedAt != first.producedAt)
            // and each production is in the audit trail
            #expect(try await world.count("SELECT count(*) FROM audit_entry WHERE operation = 'ProduceStatistics' AND entity_id = '2024/BE'") == 2)
            for indicator in first.indicators {
                let explained = try await world.useCases.explainStatistic(year: 2024, code: indicator.key, by: world.analyst).1
                switch indicator.figure {
                case .count(let count): #expect(explained.contributions.count == count)
                case .euro(let sum):
                    var exact = explained.contributions.reduce(Decimal(0)) { $0 + ($1.amount?.euro ?? 0) }
                    var rounded = Decimal()
                    NSDecimalRound(&rounded, &exact, 2, .plain)
                    #expect(rounded == sum)
                case .days(let average):
                    #expect(average == nil && explained.contributions.isEmpty)
                }
            }
            // and a valuation entered later for the necklace, dated before its freeze, changes S3 and the digest
            _ = try await world.useCases.recordValuation(
                assetID: year.necklace.id, NewValuation(valuedOn: "2024-02-15", method: "expert", value: MoneyInput(amount: "3333.33", currency: "EUR")),
                by: world.officer)
            let changed = try await world.useCases.produceStatistics(year: 2024, by: world.analyst)
            #expect(changed.dataDigest != first.dataDigest && figure(changed, .s3)?.figure == .euro(Decimal(string: "73333.33")!))
        }
    }

    @Test func certificatesSentAbroadCountOncePerExecutingStateAndWhatTheyRecoveredIsSummedByState() async throws {
        try await TestWorld.with { world in
            // given a Belgian value confiscation of EUR 120,000 sent to the Netherlands and to Germany in 2026
            let order = try await world.valueConfiscation(on: try await world.openCase())
            let dutch = try await world.sendCertificate(order, to: "NL", office: "ARO Netherlands (FIOD)")
            let german = try await world.sendCertificate(order, to: "DE", office: "ARO Germany (BKA)")
            _ = try await world.recover(dutch, "70000.00", on: "2026-11-02")
            _ = try await world.recover(german, "10000.50", on: "2026-11-03")
            // when the 2026 extract is produced
            let extract = try await world.useCases.produceStatistics(year: 2026, by: world.analyst)
            // then S6 counts two certificates, one per state, S5 none, and S7 sums EUR 80,000.50 by state
            let s6 = try #require(figure(extract, .s6))
            #expect(s6.figure == .count(2) && figure(extract, .s5)?.figure == .count(0))
            #expect(s6.breakdowns.first { $0.dimension == "counterpart_state" }?.rows.map(\.key) == ["DE", "NL"])
            let s7 = try #require(figure(extract, .s7))
            #expect(s7.figure == .euro(Decimal(string: "80000.50")!))
            let byState = s7.breakdowns.first { $0.dimension == "counterpart_state" }?.rows
            #expect(byState?.map(\.figure) == [.euro(Decimal(string: "10000.50")!), .euro(70_000)])
        }
    }

    @Test func ordersReceivedFromOtherStatesCountRecognisedAndExecutedOrRefusedByGround() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            // given three Dutch certificates received in 2026: a freeze recognised and executed, a confiscation refused, one undecided
            let executedOrder = try await world.dutchOrder("freezing", on: file)
            let recognised = try await world.receiveCertificate(for: executedOrder, receivedAt: "2026-11-20T09:00:00Z")
            let refusedOne = try await world.receiveCertificate(for: try await world.dutchOrder("confiscation", on: file), receivedAt: "2026-11-21T09:00:00Z")
            _ = try await world.receiveCertificate(for: try await world.dutchOrder("confiscation", on: file), receivedAt: "2026-11-22T09:00:00Z")
            _ = try await world.useCases.moveCertificate(certificateID: recognised.certificate.id, CertificateMoveInput(action: "recognise"), by: world.liaison)
            _ = try await world.execute(executedOrder, on: "2026-11-29")
            _ = try await world.useCases.moveCertificate(certificateID: recognised.certificate.id, CertificateMoveInput(action: "execute"), by: world.liaison)
            _ = try await world.useCases.moveCertificate(
                certificateID: refusedOne.certificate.id, CertificateMoveInput(action: "refuse", refusalGround: "ne_bis_in_idem"), by: world.liaison)
            // then S8 counts one recognised and executed, one refused on its ground, both from the Netherlands
            let extract = try await world.useCases.produceStatistics(year: 2026, by: world.analyst)
            let executed = try #require(extract.indicators.first { $0.key == "S8.recognised_executed" })
            let refusals = try #require(extract.indicators.first { $0.key == "S8.refused" })
            #expect(executed.contributions.map(\.id) == [recognised.certificate.id.lowercased])
            #expect(refusals.figure == .count(1) && refusals.breakdowns.first { $0.dimension == "refusal_ground" }?.rows.map(\.key) == ["ne_bis_in_idem"])
            #expect(executed.breakdowns.first { $0.dimension == "counterpart_state" }?.rows.map(\.key) == ["NL"])
            // and S10 averages 9 days from its receipt on 20 November to its execution on 29 November
            #expect(extract.indicators.first { $0.key == "S10.freezing" }?.figure == .days(9))
            #expect(extract.indicators.first { $0.key == "S10.confiscation" }?.figure == .days(nil))
        }
    }

    @Test func aConfiscationForAnotherStateThatPaidVictimsCountsInS9() async throws {
        try await TestWorld.with { world in
            // given a Dutch value confiscation received on 20 November, executed and disposed of with EUR 3,000 to victims
            let order = try await world.dutchOrder("confiscation", on: try await world.openCase())
            let received = try await world.receiveCertificate(for: order, receivedAt: "2026-11-20T09:00:00Z")
            _ = try await world.useCases.moveCertificate(certificateID: received.certificate.id, CertificateMoveInput(action: "recognise"), by: world.liaison)
            _ = try await world.useCases.finaliseOrder(orderID: order.id, OrderFinality(on: "2026-11-25", reason: "final in the Netherlands"), by: world.officer)
            _ = try await world.useCases.executeOrder(
                orderID: order.id, OrderExecutionInput(on: "2026-11-29", amount: MoneyInput(amount: "25000.00", currency: "EUR")), by: world.officer)
            for action in ["execute", "dispose"] {
                _ = try await world.useCases.moveCertificate(
                    certificateID: received.certificate.id,
                    CertificateMoveInput(
                        action: action, realised: action == "dispose" ? MoneyInput(amount: "25000.00", currency: "EUR") : nil,
                        victimsClaims: action == "dispose" ? MoneyInput(amount: "3000.00", currency: "EUR") : nil),
                    by: world.liaison)
            }
            // then S9 counts it, and S10 its 9 days to execution
            let extract = try await world.useCases.produceStatistics(year: 2026, by: world.analyst)
            #expect(figure(extract, .s9)?.contributions.map(\.id) == [received.certificate.id.lowercased])
            #expect(extract.indicators.first { $0.key == "S10.confiscation" }?.figure == .days(9))
        }
    }

    @Test func moneyOfAConfiscationForAnotherStatePaidToAVictimCountsInS9() async throws {
        try await TestWorld.with { world in
            // given a Dutch value confiscation received on 20 November and executed on 29 November, in a case with a victim
            let file = try await world.openCase()
            let victim = try await world.victim(in: file.id)
            let order = try await world.dutchOrder("confiscation", on: file)
            let received = try await world.receiveCertificate(for: order, receivedAt: "2026-11-20T09:00:00Z")
            _ = try await world.useCases.moveCertificate(certificateID: received.certificate.id, CertificateMoveInput(action: "recognise"), by: world.liaison)
            _ = try await world.useCases.finaliseOrder(orderID: order.id, OrderFinality(on: "2026-11-25", reason: "final in the Netherlands"), by: world.officer)
            _ = try await world.useCases.executeOrder(
                orderID: order.id, OrderExecutionInput(on: "2026-11-29", amount: MoneyInput(amount: "25000.00", currency: "EUR")), by: world.officer)
            _ = try await world.useCases.moveCertificate(certificateID: received.certificate.id, CertificateMoveInput(action: "execute"), by: world.liaison)
            // and money from property the certificate's order does not cover paid to the victim: not from this confiscation
            let safe = try await world.asset("cash", "Cash found in a safe, Ghent", to: file.id, value: "4000.00")
            _ = try await world.recover(
                file.id,
                NewRecoveredValue(
                    amount: MoneyInput(amount: "4000.00", currency: "EUR"), receivedOn: "2026-11-29", source: "seized_cash",
                    destination: "victim_compensation", recipient: victim.id.lowercased, asset: safe.id.lowercased, reason: "returned to the victim"))
            let before = try await world.useCases.produceStatistics(year: 2026, by: world.analyst)
            #expect(figure(before, .s9)?.figure == .count(0))
            // when EUR 4,000 of it is received and paid to the victim the same day
            _ = try await world.recover(
                file.id,
                NewRecoveredValue(
                    amount: MoneyInput(amount: "4000.00", currency: "EUR"), receivedOn: "2026-11-29", source: "payment_by_convicted_person",
                    destination: "victim_compensation", recipient: victim.id.lowercased, reason: "compensation ordered by the court"))
            // then S9 counts the certificate
            let extract = try await world.useCases.produceStatistics(year: 2026, by: world.analyst)
            #expect(figure(extract, .s9)?.contributions.map(\.id) == [received.certificate.id.lowercased])
        }
    }

    @Test func informationRequestsCountBySentReceivedAnsweredRefusedAndLateEachByUrgencyAndState() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let urgent = RequestMoveInput(action: nil, urgent: true, urgencyReason: "imminent transfer", directlyAccessible: true)
            // given three Romanian requests received today: one answered in time, one answered late, one refused
            let onTime = try await world.move(try await world.move(try await world.receiveRequest(on: file), "triage", urgent), "start")
            let late = try await world.move(try await world.move(try await world.receiveRequest(on: file), "triage", urgent), "start")
            let refusedOne = try await world.move(try await world.receiveRequest(on: file), "triage")
            world.clock.advance(hours: 9)
            _ = try await world.move(onTime, "answer_in_part", RequestMoveInput(action: nil, occurredAt: "2026-11-29T16:30:00Z"))
            _ = try await world.move(late, "answer_in_full")
            _ = try await world.move(refusedOne, "refuse", RequestMoveInput(action: nil, refusalGround: "information_not_available"))
            // when the 2026 extract is produced
            let extract = try await world.useCases.produceStatistics(year: 2026, by: world.analyst)
            func figure(_ key: String) -> Indicator? { extract.indicators.first { $0.key == key } }
            // then three received, two answered (one late), one refused on its ground, none sent
            #expect(figure("S11.received")?.figure == .count(3) && figure("S11.sent")?.figure == .count(0))
            #expect(figure("S11.answered")?.figure == .count(2) && figure("S11.answered_late")?.contributions.map(\.id) == [late.request.id.lowercased])
            #expect(figure("S11.refused")?.breakdowns.first { $0.dimension == "refusal_ground" }?.rows.map(\.key) == ["information_not_available"])
            #expect(figure("S11.answered")?.breakdowns.first { $0.dimension == "urgency" }?.rows.map(\.key) == ["urgent"])
            #expect(figure("S11.received")?.breakdowns.first { $0.dimension == "counterpart_state" }?.rows.map(\.figure) == [.count(3)])
        }
    }

    @Test func aRequestReceivedJustBeforeMidnightUTCOnNewYearsEveCountsInTheNewYearInBrussels() async throws {
        try await TestWorld.with { world in
            // 23:30 UTC on 31 December 2025 is 00:30 on 1 January 2026 in Brussels
            _ = try await world.receiveRequest(on: try await world.openCase(), receivedAt: "2025-12-31T23:30:00Z")
            let in2025 = try await world.useCases.produceStatistics(year: 2025, by: world.analyst)
            let in2026 = try await world.useCases.produceStatistics(year: 2026, by: world.analyst)
            #expect(in2025.indicators.first { $0.key == "S11.received" }?.figure == .count(0))
            #expect(in2026.indicators.first { $0.key == "S11.received" }?.figure == .count(1))
        }
    }

    @Test func anExecutionWhoseDateIsCorrectedIntoTheNextYearCountsThere() async throws {
        try await TestWorld.with { world in
            let year = try await StatisticsYear.build(in: world)
            // when the house's confiscation turns out to have been executed on 3 January 2025
            _ = try await world.useCases.correctOrderDate(
                orderID: year.c1.id,
                OrderDateCorrectionInput(step: "execution", asset: year.house.id.lowercased, on: "2025-01-03", reason: "the auction was on 3 January"),
                by: world.officer)
            // then 2024 counts only the sum, and 2025 the house
            let in2024 = try await world.useCases.produceStatistics(year: 2024, by: world.analyst)
            #expect(figure(in2024, .s2)?.figure == .count(1) && figure(in2024, .s4)?.figure == .euro(30_000))
            let in2025 = try await world.useCases.produceStatistics(year: 2025, by: world.analyst)
            #expect(figure(in2025, .s2)?.contributions.map(\.id) == [year.c1.id.lowercased] && figure(in2025, .s4)?.figure == .euro(200_000))
        }
    }

    @Test func withoutTheRatesOfTheYearTheExtractNamesTheCurrencyAndDayInsteadOfCountingZero() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.useCases.addAsset(
                caseID: file.id, NewAsset(category: "bank_account", description: "Account at UBS, Zurich", country: "BE", identifiedOn: "2026-03-20"),
                by: world.officer)
            _ = try await world.useCases.recordValuation(
                assetID: account.id, NewValuation(valuedOn: "2026-03-20", method: "book", value: MoneyInput(amount: "80000.00", currency: "CHF")), by: world.officer)
            let freeze = try await world.order("freezing", assets: [account], on: "2026-04-02")
            _ = try await world.execute(freeze, on: "2026-04-03")
            _ = try await world.useCases.recordAssetEvent(
                assetID: account.id,
                NewAssetEvent(action: "sell_interim", occurredOn: "2026-05-04", reason: "sold to a bank", amount: MoneyInput(amount: "70000.00", currency: "GBP")),
                by: world.officer)
            // then the extract names every value it cannot convert, the freeze's and the sale's, at once
            let refusal = await refused(.conflict) { try await world.useCases.produceStatistics(year: 2026, by: world.analyst) }
            #expect(refusal?.description.contains("CHF on 2026-04-03; GBP on 2026-05-04") == true, "\(String(describing: refusal))")
        }
    }

    @Test func onlyAnalystsAndAdministratorsProduceTheStatisticsAndOnlyForThisDeploymentsStateAndAPastYear() async throws {
        try await TestWorld.with { world in
            for caller in [world.officer, world.liaison, world.auditor] {
                await refused(.forbidden) { try await world.useCases.produceStatistics(year: 2025, by: caller) }
            }
            await refused(.invalid(["state this-deployment"])) { try await world.useCases.produceStatistics(year: 2025, state: "NL", by: world.analyst) }
            await refused(.invalid(["year range"])) { try await world.useCases.produceStatistics(year: 2031, by: world.analyst) }
        }
    }
}
