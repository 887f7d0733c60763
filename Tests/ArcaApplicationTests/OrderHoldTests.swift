import ArcaApplication
import ArcaTestSupport
import ArcaDomain
import Foundation
import LibPQ
import Testing

@Suite("Use cases: orders holding assets, values by date, the event ledger (DOMAIN §3.1)")
struct OrderHoldTests {
    @Test func anUrgentFreezeConfirmedByACourtOrderStaysFrozenWhenTheUrgentOneIsLifted() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let urgent = try await world.order("freezing", urgent: true, assets: [account], on: "2026-04-02")
            _ = try await world.execute(urgent, on: "2026-04-02")
            let confirming = try await world.order("freezing", confirms: urgent, assets: [account], on: "2026-04-06")
            _ = try await world.execute(confirming, on: "2026-04-06")

            _ = try await world.lift(urgent, on: "2026-04-07", ground: "replaced_by_confirming_order")

            let read = try await world.useCases.readAsset(id: account.id, by: world.officer)
            #expect(read.asset.state == .frozen)
            #expect(read.events.map(\.action) == ["identify", "freeze", "freeze", "order_lifted"])
            #expect(read.events.last?.orderID == urgent.id)
            #expect(read.asset.frozenOn == (try Day("2026-04-02")))
            #expect(confirming.confirms == urgent.id)
        }
    }

    @Test func liftingTheLastFreezeReleasesTheAsset() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let first = try await world.order("freezing", assets: [account], on: "2026-04-02")
            _ = try await world.execute(first, on: "2026-04-03")
            let second = try await world.order("freezing", assets: [account], on: "2026-04-04")
            _ = try await world.execute(second, on: "2026-04-05")
            _ = try await world.lift(first, on: "2026-05-01")
            do {
                let actual = try await world.state(of: account)
                #expect(actual == .frozen)
            }
            _ = try await world.lift(second, on: "2026-05-02")
            let actual = try await world.state(of: account)
            #expect(actual == .released)
        }
    }

    @Test func liftingAConfiscationThatIsNotFinalReturnsTheAssetToTheStandingFreeze() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", assets: [car], on: "2026-04-02")
            _ = try await world.execute(freezing, on: "2026-04-03")
            let confiscation = try await world.order("confiscation", type: "standard", assets: [car], on: "2026-09-15")

            _ = try await world.lift(confiscation, on: "2026-10-01")

            let read = try await world.useCases.readAsset(id: car.id, by: world.officer)
            #expect(read.asset.state == .frozen)
            #expect(read.asset.valueAtConfiscation == nil)
            #expect(read.events.last?.action == "confiscation_lifted")
            // The freeze still holds it: lifting the freeze now releases it.
            _ = try await world.lift(freezing, on: "2026-10-02")
            let actual = try await world.state(of: car)
            #expect(actual == .released)
        }
    }

    @Test func aTwoAssetOrderIsExecutedAssetByAssetOnTwoDates() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", executingState: "BE", assets: [account, car], on: "2026-04-02")

            let partly = try await world.execute(freezing, on: "2026-04-03", [.init(asset: account.id.lowercased)])
            #expect(partly.execution == .partial)
            #expect(partly.pendingAssetIDs == [car.id])
            do {
                let actual = try await world.state(of: car)
                #expect(actual == .identified)
            }
            let fully = try await world.execute(freezing, on: "2026-04-10")
            #expect(fully.execution == .complete)
            #expect(fully.executedOn == (try Day("2026-04-03")))
            #expect(fully.executions.map(\.executedOn.description) == ["2026-04-03", "2026-04-10"])
            let carRead = try await world.useCases.readAsset(id: car.id, by: world.officer).asset
            #expect(carRead.frozenOn == (try Day("2026-04-10")))
        }
    }

    @Test func aConfiscationIsFinalThenExecutedPerAssetWithTheAmountRealised() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", executingState: "BE", assets: [account, car], on: "2026-04-02")
            _ = try await world.execute(freezing, on: "2026-04-03")
            let confiscation = try await world.order("confiscation", type: "standard", executingState: "BE", assets: [account, car], on: "2026-09-15")
            let early = await refused(.conflict) {
                try await world.execute(confiscation, on: "2026-09-20", [.init(asset: car.id.lowercased, realised: MoneyInput(amount: "91500.00", currency: "EUR"))])
            }
            #expect(early?.description.contains("record its finality first") == true)
            let final = try await world.finalise(confiscation, on: "2026-10-20")
            #expect(final.status == .final)
            await refused(.invalid(["assets order-as-recorded"])) { try await world.execute(confiscation, on: "2026-11-01") }

            let executed = try await world.execute(
                confiscation, on: "2026-11-10", [.init(asset: car.id.lowercased, realised: MoneyInput(amount: "91500.00", currency: "EUR"))])

            #expect(executed.execution == .partial)
            let read = try await world.useCases.readAsset(id: car.id, by: world.officer)
            #expect(read.asset.state == .recovered)
            #expect(read.asset.realisedValue == Money(Decimal(string: "91500.00")!, .euro))
            #expect(read.events.last?.amount == Money(Decimal(string: "91500.00")!, .euro))
            #expect(read.events.last?.orderID == confiscation.id)
            let accountState = try await world.state(of: account)
            #expect(accountState == .confiscationFinal)
        }
    }

    @Test func theValueAtFreezingComesFromAValuationEnteredAfterTheFreezeButDatedBeforeIt() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.useCases.addAsset(
                caseID: file.id,
                NewAsset(
                    category: "motor_vehicle", description: "Audi RS6 Avant, grey", identifiers: IdentifierInput(vin: "WUAZZZ4G7EN901234"),
                    country: "BE", identifiedOn: "2026-03-21"),
                by: world.officer)
            let freezing = try await world.order("freezing", assets: [car], on: "2026-04-02")
            _ = try await world.execute(freezing, on: "2026-04-03")
            do {
                let missing = try await world.useCases.listAssets(AssetListRequest(valueMissing: "true"), by: world.officer).items
                #expect(missing.map(\.id) == [car.id])
                #expect(missing.first?.valueAtFreezing == nil)
            }

            _ = try await world.useCases.recordValuation(
                assetID: car.id, NewValuation(valuedOn: "2026-04-01", method: "expert", value: MoneyInput(amount: "74000.00", currency: "EUR")),
                by: world.officer)
            _ = try await world.useCases.recordValuation(
                assetID: car.id, NewValuation(valuedOn: "2026-05-01", method: "market", value: MoneyInput(amount: "70000.00", currency: "EUR")),
                by: world.officer)

            let read = try await world.useCases.readAsset(id: car.id, by: world.officer).asset
            #expect(read.valueAtFreezing?.amountText == "74000.00")
            #expect(read.estimatedValue?.amountText == "70000.00")
            let missing = try await world.useCases.listAssets(AssetListRequest(valueMissing: "true"), by: world.officer).items
            #expect(missing.isEmpty)
            let refix = try await world.audit(entity: "asset", id: car.id).filter { $0.operation == "RecordValuation" }
            #expect(refix.count == 2)
            #expect(refix.first?.after?.contains("74000.00") == true)
        }
    }

    @Test func anEventDatedBeforeTheAssetsLatestEventIsRefusedNamingBothDates() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", assets: [car], on: "2026-04-02")
            _ = try await world.execute(freezing, on: "2026-04-03")
            let before = try await world.count("SELECT count(*) FROM asset_event")

            let error = await refused(.invalid(["occurredOn not-before-last-event"])) { try await world.event("sell_interim", car, on: "2026-03-30", amount: "80000.00") }

            #expect(error?.violations.first?.message.contains("2026-03-30") == true)
            #expect(error?.violations.first?.message.contains("2026-04-03") == true)
            let after = try await world.count("SELECT count(*) FROM asset_event")
            #expect(after == before)
            let valuations = try await world.count("SELECT count(*) FROM valuation WHERE method = 'sale'")
            #expect(valuations == 0)
        }
    }

    @Test func anInterimSaleNeedsItsPriceAndADisposalItsOutcome() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            await refused(.invalid(["amount required"])) { try await world.event("sell_interim", car, on: "2026-04-05") }
            await refused(.invalid(["outcome required"])) { try await world.event("dispose", car, on: "2026-04-05") }
            await refused(.invalid(["outcome disposal-outcome"])) { try await world.event("dispose", car, on: "2026-04-05", outcome: "burnt") }
            await refused(.invalid(["reason required"])) {
                try await world.useCases.recordAssetEvent(assetID: car.id, NewAssetEvent(action: "trace", occurredOn: "2026-04-05", reason: nil), by: world.officer)
            }
        }
    }

    @Test func eventsCarryTheValueTheyFixAndThePriceTheyName() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", assets: [car], on: "2026-04-02")
            _ = try await world.execute(freezing, on: "2026-04-03")
            let sold = try await world.event("sell_interim", car, on: "2026-06-01", amount: "81000.00")

            let read = try await world.useCases.readAsset(id: car.id, by: world.officer)
            #expect(read.events.map { $0.amount?.amountText } == ["95000.00", "95000.00", "81000.00"])
            #expect(sold.estimatedValue?.amountText == "81000.00")
            #expect(read.valuations.last?.method == .sale)
            #expect(sold.valueAtFreezing?.amountText == "95000.00")
        }
    }

    @Test func aClosedCaseTakesNoNewAssetsOrdersOrEvents() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            _ = try await world.useCases.updateCase(id: file.id, changes: CaseChanges(status: "closed"), expectedVersion: .exactly(file.version), by: world.officer)
            let before = try await world.count("SELECT count(*) FROM asset_event")

            let asset = await refused(.conflict) { try await world.addAccount(to: file.id) }
            let order = await refused(.conflict) { try await world.order("freezing", assets: [car]) }
            let event = await refused(.conflict) { try await world.event("trace", car, on: "2026-04-05") }

            for error in [asset, order, event] {
                guard case .conflict(let message)? = error else {
                    Issue.record("expected a conflict, got \(String(describing: error))")
                    continue
                }
                #expect(message.contains("closed"))
            }
            let assets = try await world.count("SELECT count(*) FROM asset")
            #expect(assets == 1)
            let orders = try await world.count("SELECT count(*) FROM legal_order")
            #expect(orders == 0)
            let after = try await world.count("SELECT count(*) FROM asset_event")
            #expect(after == before)
        }
    }

    @Test func anOrderOnPropertyAtHomeIsExecutedHereAndOneOnPropertyAbroadThere() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let convicted = try await world.useCases.addSubject(
                caseID: file.id, NewSubject(kind: "natural_person", name: "Jan Vermeulen", role: "convicted_person"), by: world.officer)
            let account = try await world.addAccount(to: file.id)
            let car = try await world.addCar(to: file.id)
            let home = try await world.order("freezing", assets: [account])
            #expect(home.issuingState.value == "BE")
            #expect(home.executingState.value == "BE")
            #expect(home.isDomestic(home: try CountryCode("BE")))

            // the car is located in the Netherlands: a Belgian order on it is executed there
            let abroad = try await world.useCases.createOrder(
                caseID: file.id,
                NewOrder(
                    kind: "freezing", issuingAuthority: "Investigating judge, Brussels", decisionReference: "IJ/2026/91",
                    decisionDate: "2026-04-02", assets: [car.id.lowercased], subjects: [convicted.id.lowercased]),
                by: world.officer)
            #expect(abroad.executingState.value == "NL")
            #expect(!abroad.isDomestic(home: try CountryCode("BE")))
            let read = try await world.useCases.readOrder(id: abroad.id, by: world.officer)
            #expect(read.subjectIDs == [convicted.id])

            await refused(.invalid(["executingState order"])) { try await world.order("freezing", assets: [account, car]) }
            let named = try await world.useCases.createOrder(
                caseID: file.id,
                NewOrder(
                    kind: "freezing", issuingAuthority: "Investigating judge, Brussels", executingState: "BE", decisionReference: "IJ/2026/92",
                    decisionDate: "2026-04-02", assets: [account.id.lowercased, car.id.lowercased]),
                by: world.officer)
            #expect(named.executingState.value == "BE")
        }
    }

    @Test func aValueConfiscationIsExecutedAsASumNeverBeyondWhatItCovers() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let value = try await world.order("confiscation", type: "value", assets: [account], on: "2026-09-15", covered: "40000.00")
            _ = try await world.finalise(value, on: "2026-10-20")
            func pay(_ amount: String, _ currency: String = "EUR") async throws -> LegalOrder {
                try await world.useCases.executeOrder(
                    orderID: value.id,
                    OrderExecutionInput(on: "2026-11-02", reason: "paid by the convicted person", amount: MoneyInput(amount: amount, currency: currency)),
                    by: world.officer)
            }
            let first = try await pay("15000.00")
            #expect(first.execution == .partial)
            #expect(first.executedAmount == Money(15_000, .euro))
            do {
                let actual = try await world.state(of: account)
                #expect(actual == .confiscationFinal)
            }
            await refused(.invalid(["amount order-as-recorded"])) { try await pay("25000.01") }
            await refused(.invalid(["amount order-as-recorded"])) { try await pay("100.00", "CHF") }
            let rest = try await pay("25000.00")
            #expect(rest.execution == .complete)
            #expect(rest.executedAmount == Money(40_000, .euro))
        }
    }

    @Test func anAssetNamedTwiceInOneExecutionIsRefusedAndOneExecutedAgainIsAConflict() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", assets: [car])
            await refused(.invalid(["assets named-twice"])) {
                try await world.execute(freezing, on: "2026-04-03", [.init(asset: car.id.lowercased), .init(asset: car.id.lowercased)])
            }
            _ = try await world.execute(freezing, on: "2026-04-03", [.init(asset: car.id.lowercased)])
            let again = await refused(.conflict) { try await world.execute(freezing, on: "2026-04-04", [.init(asset: car.id.lowercased)]) }
            if case .conflict = again {} else { Issue.record("expected a conflict, got \(String(describing: again))") }
        }
    }

    @Test func anAssetSoldInTheInterimReturnsToItsProceedsWhenTheConfiscationIsLifted() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", assets: [car], on: "2026-04-02")
            _ = try await world.execute(freezing, on: "2026-04-03")
            _ = try await world.event("sell_interim", car, on: "2026-05-10", amount: "82000.00")
            let confiscation = try await world.order("confiscation", type: "standard", assets: [car], on: "2026-09-15")
            _ = try await world.lift(confiscation, on: "2026-10-01")
            let read = try await world.useCases.readAsset(id: car.id, by: world.officer).asset
            #expect(read.state == .interimSold)
            #expect(read.interimSoldOn == (try Day("2026-05-10")))
        }
    }

    @Test func theFirstExecutionIsTheEarliestDayWhateverTheOrderOfRecording() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", executingState: "BE", assets: [account, car], on: "2026-04-02")
            _ = try await world.execute(freezing, on: "2026-04-10", [.init(asset: car.id.lowercased)])
            let both = try await world.execute(freezing, on: "2026-04-03", [.init(asset: account.id.lowercased)])
            #expect(both.executedOn == (try Day("2026-04-03")))
        }
    }

    @Test func onlyAStandingUrgentFreezeOfTheCaseCanBeConfirmed() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let ordinary = try await world.order("freezing", assets: [car])
            await refused(.invalid(["confirms urgent-order-of-case"])) { try await world.order("freezing", confirms: ordinary, assets: [car]) }
        }
    }

    @Test func aSumBelongsOnlyToAValueConfiscation() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            await refused(.invalid(["coveredAmount order"])) { try await world.order("freezing", assets: [car], covered: "95000.00") }
        }
    }

    @Test func theEventLedgerRefusesToBeRewritten() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.addCar(to: file.id)
            for statement in ["UPDATE asset_event SET reason = 'rewritten'", "DELETE FROM asset_event", "TRUNCATE asset_event CASCADE"] {
                let refusal = await #expect(throws: PostgresError.self, "\(statement)") { _ = try await world.db.pool.query(statement, []) }
                #expect(refusal?.sqlState == "42501", "\(statement)")
            }
            let events = try await world.count("SELECT count(*) FROM asset_event WHERE reason = 'identified and recorded'")
            #expect(events == 1)
        }
    }

    @Test func aWrongDateIsCorrectedByANewEventThatSaysSoAndTheLedgerKeepsBoth() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            // the trace was entered as 30 May instead of 3 May, which now blocks the freeze of 20 May
            _ = try await world.event("trace", car, on: "2026-05-30")
            await refused(.invalid(["executedOn not-before-last-event"])) {
                let freezing = try await world.order("freezing", assets: [car], on: "2026-05-19")
                _ = try await world.execute(freezing, on: "2026-05-20")
            }
            let trace = try #require(try await world.useCases.readAsset(id: car.id, by: world.officer).events.last)

            let corrected = try await world.useCases.correctEventDate(
                assetID: car.id, eventID: try #require(trace.id),
                EventDateCorrection(occurredOn: "2026-05-03", reason: "typed 30 for 03 (vehicle register extract of 3 May)"), by: world.officer)

            #expect(corrected.asset.lastEventOn == (try Day("2026-05-03")))
            #expect(corrected.events.map(\.action) == ["identify", "trace", "correct_date"])
            #expect(corrected.events[1].occurredOn == (try Day("2026-05-30")))
            #expect(corrected.events[2].correction == DateCorrection(eventID: try #require(trace.id), correctedOn: try Day("2026-05-03")))
            #expect(AssetHistory(events: corrected.events).day(of: corrected.events[1]) == (try Day("2026-05-03")))
            let freezing = try await world.order("freezing", assets: [car], on: "2026-05-19")
            _ = try await world.execute(freezing, on: "2026-05-20")
            let change = try #require(try await world.audit(entity: "asset", id: car.id).last { $0.operation == "CorrectEventDate" })
            #expect(change.reason == "typed 30 for 03 (vehicle register extract of 3 May)")
        }
    }

    @Test func aCorrectionThatWouldPutTheHistoryOutOfOrderOrReDateAnOrdersMoveIsRefused() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            _ = try await world.event("trace", car, on: "2026-03-25")
            let freezing = try await world.order("freezing", assets: [car], on: "2026-04-02")
            _ = try await world.execute(freezing, on: "2026-04-03")
            let events = try await world.useCases.readAsset(id: car.id, by: world.officer).events
            let before = try await world.count("SELECT count(*) FROM asset_event")

            let late = await refused(.invalid(["occurredOn event-date-correction"])) {
                try await world.useCases.correctEventDate(
                    assetID: car.id, eventID: try #require(events[1].id), EventDateCorrection(occurredOn: "2026-04-10", reason: "misread"),
                    by: world.officer)
            }
            #expect(late?.violations.first?.message.contains("after the freeze event of 2026-04-03") == true)
            let byOrder = await refused(.invalid(["occurredOn event-date-correction"])) {
                try await world.useCases.correctEventDate(
                    assetID: car.id, eventID: try #require(events[2].id), EventDateCorrection(occurredOn: "2026-04-04", reason: "misread"),
                    by: world.officer)
            }
            #expect(byOrder?.violations.first?.message.contains("made by order") == true)
            let unknown = await refused(.notFound) {
                try await world.useCases.correctEventDate(
                    assetID: car.id, eventID: 999_999, EventDateCorrection(occurredOn: "2026-04-04", reason: "misread"), by: world.officer)
            }
            if case .notFound = unknown {} else { Issue.record("expected not found, got \(String(describing: unknown))") }
            let after = try await world.count("SELECT count(*) FROM asset_event")
            #expect(after == before)
        }
    }

    @Test func correctingTheDayAnAssetWasIdentifiedMovesItsTypedEstimateWithIt() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.useCases.addAsset(
                caseID: file.id,
                NewAsset(
                    category: "motor_vehicle", description: "Audi RS6 Avant, grey", identifiers: IdentifierInput(vin: "WUAZZZ4G7EN901234"),
                    country: "BE", estimatedValue: MoneyInput(amount: "74000.00", currency: "EUR"), identifiedOn: "2026-05-30"),
                by: world.officer)
            let identify = try #require(try await world.useCases.readAsset(id: car.id, by: world.officer).events.first?.id)
            let corrected = try await world.useCases.correctEventDate(
                assetID: car.id, eventID: identify, EventDateCorrection(occurredOn: "2026-05-03", reason: "identified on 3 May"), by: world.officer)
            #expect(corrected.asset.identifiedOn == (try Day("2026-05-03")))
            #expect(corrected.valuations.map(\.valuedOn.description) == ["2026-05-03"])
            let freezing = try await world.order("freezing", assets: [car], on: "2026-05-19")
            _ = try await world.execute(freezing, on: "2026-05-20")
            let frozen = try await world.useCases.readAsset(id: car.id, by: world.officer).asset
            #expect(frozen.valueAtFreezing?.amountText == "74000.00")
            #expect(!frozen.isValueMissing)
        }
    }

    @Test func aValueConfiscationCountsWhatItsAssetsRealisedAgainstTheSumItCovers() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let value = try await world.order("confiscation", type: "value", assets: [account], on: "2026-09-15", covered: "40000.00")
            _ = try await world.finalise(value, on: "2026-10-20")
            let realised = try await world.execute(
                value, on: "2026-11-02", [.init(asset: account.id.lowercased, realised: MoneyInput(amount: "30000.00", currency: "EUR"))])
            #expect(realised.execution == .partial)
            await refused(.invalid(["amount order-as-recorded"])) {
                try await world.useCases.executeOrder(
                    orderID: value.id, OrderExecutionInput(on: "2026-11-03", amount: MoneyInput(amount: "10000.01", currency: "EUR")), by: world.officer)
            }
            let rest = try await world.useCases.executeOrder(
                orderID: value.id, OrderExecutionInput(on: "2026-11-03", amount: MoneyInput(amount: "10000.00", currency: "EUR")), by: world.officer)
            #expect(rest.execution == .complete)
        }
    }

    @Test func anExecutionNamingNoAssetAndNoAmountIsRefusedAsInput() async throws {
        try await TestWorld.with { world in
            // given a freezing order on an account
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let freezing = try await world.order("freezing", assets: [account], on: "2026-04-02")
            // when it is executed on an empty list of assets and no amount, then the list is named
            await refused(.invalid(["assets required"])) {
                try await world.useCases.executeOrder(orderID: freezing.id, OrderExecutionInput(on: "2026-04-03", assets: []), by: world.officer)
            }
            // and nothing was executed
            #expect(try await world.state(of: account) == .identified)
        }
    }

    @Test func correctingAnInterimSalesDateMovesItsPriceWithIt() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", assets: [car], on: "2026-04-02")
            _ = try await world.execute(freezing, on: "2026-04-03")
            _ = try await world.event("sell_interim", car, on: "2026-06-21", amount: "82000.00")
            let sale = try #require(try await world.useCases.readAsset(id: car.id, by: world.officer).events.last?.id)

            let corrected = try await world.useCases.correctEventDate(
                assetID: car.id, eventID: sale, EventDateCorrection(occurredOn: "2026-06-12", reason: "auction held on 12 June"), by: world.officer)

            #expect(corrected.asset.interimSoldOn == (try Day("2026-06-12")))
            #expect(corrected.valuations.last?.method == .sale)
            #expect(corrected.valuations.last?.valuedOn == (try Day("2026-06-12")))
            #expect(corrected.asset.lastEventOn == (try Day("2026-06-12")))
        }
    }
}
