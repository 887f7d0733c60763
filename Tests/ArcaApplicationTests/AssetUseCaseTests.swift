import ArcaApplication
import ArcaTestSupport
import ArcaDomain
import Foundation
import Testing

extension TestWorld {
    /// A Belgian bank account in the Meltwater case, identified on 2026-03-20.
    func addAccount(to caseID: UUID, estimate: String = "48250.75") async throws -> Asset {
        try await useCases.addAsset(
            caseID: caseID,
            NewAsset(
                category: "bank_account", description: "Current account at KBC, Brussels",
                identifiers: IdentifierInput(iban: "BE68 5390 0754 7034"), country: "BE", propertyRole: "proceeds_direct",
                estimatedValue: MoneyInput(amount: estimate, currency: "EUR"), identifiedOn: "2026-03-20"),
            by: officer)
    }

    func addCar(to caseID: UUID) async throws -> Asset {
        try await useCases.addAsset(
            caseID: caseID,
            NewAsset(
                category: "motor_vehicle", description: "Porsche 911 Carrera, black", identifiers: IdentifierInput(vin: "WP0ZZZ99ZTS392124"),
                country: "NL", estimatedValue: MoneyInput(amount: "95000.00", currency: "EUR"), identifiedOn: "2026-03-21"),
            by: officer)
    }

    func order(
        _ kind: String, type: String? = nil, urgent: Bool = false, confirms: LegalOrder? = nil, executingState: String? = nil, assets: [Asset],
        on day: String = "2026-04-02", covered: String? = nil
    ) async throws -> LegalOrder {
        try await useCases.createOrder(
            caseID: assets[0].caseID,
            NewOrder(
                kind: kind, urgent: urgent, confirms: confirms?.id.lowercased, confiscationType: type,
                issuingAuthority: "Investigating judge, Brussels court of first instance", executingState: executingState,
                decisionReference: "\(kind.uppercased())/2026/\(Int.random(in: 100...999))", decisionDate: day,
                assets: assets.map(\.id.lowercased), coveredAmount: covered.map { MoneyInput(amount: $0, currency: "EUR") }),
            by: officer)
    }

    func execute(_ order: LegalOrder, on day: String, _ parts: [OrderExecutionInput.Part]? = nil) async throws -> LegalOrder {
        try await useCases.executeOrder(orderID: order.id, OrderExecutionInput(on: day, reason: "carried out by the police", assets: parts), by: officer)
    }

    func lift(_ order: LegalOrder, on day: String, ground: String = "quashed_on_appeal") async throws -> LegalOrder {
        try await useCases.liftOrder(orderID: order.id, OrderLifting(on: day, ground: ground, reason: "decision of the chamber"), by: officer)
    }

    func finalise(_ order: LegalOrder, on day: String) async throws -> LegalOrder {
        try await useCases.finaliseOrder(orderID: order.id, OrderFinality(on: day, reason: "no appeal lodged"), by: officer)
    }

    func event(_ action: String, _ asset: Asset, on day: String, amount: String? = nil, outcome: String? = nil) async throws -> Asset {
        try await useCases.recordAssetEvent(
            assetID: asset.id,
            NewAssetEvent(
                action: action, occurredOn: day, reason: "recorded by the case officer", amount: amount.map { MoneyInput(amount: $0, currency: "EUR") },
                outcome: outcome),
            by: officer)
    }

    func state(of asset: Asset) async throws -> AssetState {
        try await useCases.readAsset(id: asset.id, by: officer).asset.state
    }
}

@Suite("Use cases: assets, valuations and orders")
struct AssetUseCaseTests {
    @Test func anAssetIsRecordedIdentifiedWithItsFirstEvent() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            #expect(account.state == .identified)
            #expect(account.identifiers.iban?.value == "BE68539007547034")
            let read = try await world.useCases.readAsset(id: account.id, by: world.analyst)
            #expect(read.events.map(\.action) == ["identify"])
            #expect(read.events.first?.actor == "j.peeters")
            let change = try await world.audit(entity: "asset", id: account.id).filter { $0.kind == .change }
            #expect(change.map(\.operation) == ["AddAsset"])
        }
    }

    @Test func aThirtyDigitValueSurvivesTheDatabase() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id, estimate: "123456789012345678901234567.891")
            let read = try await world.useCases.readAsset(id: account.id, by: world.officer)
            #expect(read.asset.estimatedValue?.amountText == "123456789012345678901234567.891")
        }
    }

    @Test func badIdentifiersAndNegativeValuesAreRefusedFieldByField() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            await refused(.invalid(["category asset-category", "identifiers.iban iban", "identifiers.vin vin", "country country-code", "estimatedValue.amount not-negative"])) {
                try await world.useCases.addAsset(
                    caseID: file.id,
                    NewAsset(
                        category: "yacht", description: "Sunseeker", identifiers: IdentifierInput(iban: "BE68 5390 0754 7035", vin: "WP0ZZZ99ZTS39212"),
                        country: "Belgium", estimatedValue: MoneyInput(amount: "-5.00", currency: "EUR")),
                    by: world.officer)
            }
            do {
                let actual = try await world.count("SELECT count(*) FROM asset")
                #expect(actual == 0)
            }
        }
    }

    @Test func ownersMustBeSubjectsOfTheSameCase() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let other = try await world.openCase(title: "Another case")
            let stranger = try await world.useCases.addSubject(
                caseID: other.id, NewSubject(kind: "natural_person", name: "Piet Stranger", role: "owner"), by: world.officer)
            await refused(.invalid(["owners[0] subject-of-case"])) {
                try await world.useCases.addAsset(
                    caseID: file.id, NewAsset(category: "cash", description: "EUR 20,000 in a safe", country: "BE", owners: [stranger.id.lowercased]),
                    by: world.officer)
            }
        }
    }

    @Test func executingAFreezingOrderFreezesItsAssetsAndFixesTheirValueAtFreezing() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", executingState: "BE", assets: [account, car])
            do {
                let actual = try await world.state(of: account)
                #expect(actual == .identified)
            }

            let executed = try await world.execute(freezing, on: "2026-04-03")

            #expect(executed.status == .executed)
            let read = try await world.useCases.readAsset(id: account.id, by: world.officer)
            #expect(read.asset.state == .frozen)
            #expect(read.asset.valueAtFreezing == Money(Decimal(string: "48250.75")!, .euro))
            #expect(read.events.map(\.action) == ["identify", "freeze"])
            #expect(read.events.last?.orderID == freezing.id)
            do {
                let actual = try await world.state(of: car)
                #expect(actual == .frozen)
            }
        }
    }

    @Test func theWholeLifeOfAnAssetFromIdentificationToClosing() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            _ = try await world.event("trace", car, on: "2026-03-25")
            let freezing = try await world.order("freezing", assets: [car])
            _ = try await world.execute(freezing, on: "2026-04-03")
            _ = try await world.useCases.recordValuation(
                assetID: car.id, NewValuation(valuedOn: "2026-06-01", method: "expert", value: MoneyInput(amount: "88000.00", currency: "EUR")),
                by: world.officer)
            let confiscation = try await world.order("confiscation", type: "standard", assets: [car], on: "2026-09-15")
            do {
                let actual = try await world.state(of: car)
                #expect(actual == .confiscationOrdered)
            }
            _ = try await world.finalise(confiscation, on: "2026-10-20")
            do {
                let actual = try await world.state(of: car)
                #expect(actual == .confiscationFinal)
            }
            _ = try await world.execute(
                confiscation, on: "2026-11-10", [.init(asset: car.id.lowercased, realised: MoneyInput(amount: "91500.00", currency: "EUR"))])
            _ = try await world.event("dispose", car, on: "2026-11-12", amount: "91500.00", outcome: "sold_auction")
            let closed = try await world.event("close", car, on: "2026-11-13")

            #expect(closed.state == .closed)
            #expect(closed.valueAtFreezing?.amountText == "95000.00")
            #expect(closed.valueAtConfiscation?.amountText == "88000.00")
            #expect(closed.realisedValue?.amountText == "91500.00")
            let history = try await world.useCases.readAsset(id: car.id, by: world.officer).events
            #expect(history.map(\.to) == [.identified, .traced, .frozen, .confiscationOrdered, .confiscationFinal, .recovered, .disposed, .closed])
        }
    }

    @Test func nothingIsConfiscatedThatWasNeverFrozen() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let error = await refused(.conflict) {
                try await world.order("confiscation", type: "standard", assets: [car])
            }
            #expect(error?.description.contains("cannot order the confiscation of an asset that is identified") == true)
            do {
                let actual = try await world.count("SELECT count(*) FROM legal_order")
                #expect(actual == 0)
            }
            do {
                let actual = try await world.state(of: car)
                #expect(actual == .identified)
            }
        }
    }

    @Test func aValueConfiscationReachesASumOfMoneyThatWasNeverFrozen() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            _ = try await world.order("confiscation", type: "value", assets: [account], covered: "40000.00")
            do {
                let actual = try await world.state(of: account)
                #expect(actual == .confiscationOrdered)
            }
        }
    }

    @Test func liftingAFreezingOrderReleasesWhatItStillHolds() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let car = try await world.addCar(to: file.id)
            let freezing = try await world.order("freezing", executingState: "BE", assets: [account, car])
            _ = try await world.execute(freezing, on: "2026-04-03")
            _ = try await world.event("restitute", car, on: "2026-05-01")

            let lifted = try await world.lift(freezing, on: "2026-06-01", ground: "acquittal")

            #expect(lifted.status == .lifted)
            #expect(lifted.liftingGround == .acquittal)
            do {
                let actual = try await world.state(of: account)
                #expect(actual == .released)
            }
            do {
                let actual = try await world.state(of: car)
                #expect(actual == .restituted)
            }
        }
    }

    @Test func aFinalConfiscationCannotBeLifted() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let confiscation = try await world.order("confiscation", type: "value", assets: [account], covered: "40000.00")
            _ = try await world.finalise(confiscation, on: "2026-05-01")
            let error = await refused(.conflict) {
                try await world.lift(confiscation, on: "2026-06-01")
            }
            #expect(error?.description.contains("final") == true)
            do {
                let actual = try await world.state(of: account)
                #expect(actual == .confiscationFinal)
            }
        }
    }

    @Test func anOrderIsExecutedOnce() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let freezing = try await world.order("freezing", assets: [try await world.addCar(to: file.id)])
            _ = try await world.execute(freezing, on: "2026-04-03")
            await #expect(throws: UseCaseError.conflict("order \(freezing.decisionReference): every asset of the order is already executed")) {
                try await world.execute(freezing, on: "2026-04-04")
            }
        }
    }

    @Test(arguments: ["freeze", "order_confiscation", "finalise_confiscation", "record_recovery", "release", "order_lifted"])
    func movesThatFollowFromOrdersCannotBeRecordedDirectly(_ action: String) async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            await refused(.invalid(["action by-order"])) {
                try await world.event(action, car, on: "2026-04-01")
            }
        }
    }

    @Test func anIllegalMoveNamesTheCurrentStateAndWhatIsAllowed() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let error = await refused(.conflict) {
                try await world.event("dispose", car, on: "2026-04-01", outcome: "destroyed")
            }
            #expect(error?.description.contains("cannot dispose of an asset that is identified; allowed from there: trace, freeze") == true)
            let history = try await world.useCases.readAsset(id: car.id, by: world.officer).events
            #expect(history.count == 1)
        }
    }

    @Test func theLatestValuationBecomesTheEstimate() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            for (day, amount) in [("2026-05-01", "90000.00"), ("2026-04-01", "99000.00")] {
                _ = try await world.useCases.recordValuation(
                    assetID: car.id, NewValuation(valuedOn: day, method: "market", value: MoneyInput(amount: amount, currency: "EUR")), by: world.officer)
            }
            let read = try await world.useCases.readAsset(id: car.id, by: world.officer)
            #expect(read.valuations.map(\.value.amountText) == ["95000.00", "99000.00", "90000.00"])
            #expect(read.valuations.first?.method == .estimate)
            #expect(read.asset.estimatedValue?.amountText == "90000.00")
        }
    }

    @Test func readingACaseShowsItsAssetsAndOrdersAndTheAssetsTrailFindsTheReading() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            _ = try await world.order("freezing", assets: [account])
            let read = try await world.useCases.readCase(id: file.id, by: world.liaison)
            #expect(read.assets.map(\.id) == [account.id])
            #expect(read.orders.count == 1)
            let consultations = try await world.useCases.readAuditTrail(
                AuditListRequest(entity: "asset", entityID: account.id.lowercased, kind: "consultation"), by: world.auditor)
            #expect(consultations.items.map(\.actor.name) == ["m.dubois"])
        }
    }

    @Test func assetsListAcrossCasesWithFiltersAndOnlyForTheOfficeThatMaySeeThem() async throws {
        try await TestWorld.with { world in
            let meltwater = try await world.openCase()
            let harbour = try await world.openCase(title: "Harbour")
            let account = try await world.addAccount(to: meltwater.id)
            let car = try await world.addCar(to: harbour.id)
            func ids(_ request: AssetListRequest, as caller: Caller? = nil) async throws -> [UUID] {
                try await world.useCases.listAssets(request, by: caller ?? world.analyst).items.map(\.id)
            }
            do {
                let actual = try await ids(AssetListRequest())
                #expect(actual == [car.id, account.id])
            }
            do {
                let actual = try await ids(AssetListRequest(category: "motor_vehicle"))
                #expect(actual == [car.id])
            }
            do {
                let actual = try await ids(AssetListRequest(country: "BE"))
                #expect(actual == [account.id])
            }
            do {
                let actual = try await ids(AssetListRequest(caseID: meltwater.id.lowercased))
                #expect(actual == [account.id])
            }
            do {
                let actual = try await ids(AssetListRequest(text: "BE68539007547034"))
                #expect(actual == [account.id])
            }
            do {
                // An IBAN fragment as printed, in groups of four, finds the compact IBAN.
                let actual = try await ids(AssetListRequest(text: "be68 5390"))
                #expect(actual == [account.id])
            }
            do {
                let actual = try await ids(AssetListRequest(state: "frozen"))
                #expect(actual == [])
            }
            do {
                let actual = try await ids(AssetListRequest(), as: world.amoOfficer)
                #expect(actual == [])
            }
            let cases = try await world.useCases.listCases(CaseListRequest(assetCategory: "bank_account"), by: world.analyst).items
            #expect(cases.map(\.id) == [meltwater.id])
            let inNL = try await world.useCases.listCases(CaseListRequest(country: "NL"), by: world.analyst).items
            #expect(inNL.map(\.id) == [harbour.id])
        }
    }

    @Test func anOfficerCorrectsAnAssetsRecordAgainstItsCurrentVersion() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let owner = try await world.useCases.addSubject(
                caseID: file.id, NewSubject(kind: "natural_person", name: "Jan Vermeulen", role: "owner"), by: world.officer)
            let car = try await world.addCar(to: file.id)
            let corrected = try await world.useCases.updateAsset(
                id: car.id, changes: AssetChanges(description: "Porsche 911 Carrera S, grey", owners: [owner.id.lowercased]),
                expectedVersion: .exactly(car.version), by: world.officer)
            #expect(corrected.description == "Porsche 911 Carrera S, grey")
            #expect(corrected.owners == [owner.id])
            #expect(corrected.identifiers.vin?.value == "WP0ZZZ99ZTS392124")
            #expect(corrected.version == car.version + 1)
            let change = try #require(try await world.audit(entity: "asset", id: car.id).last)
            #expect(change.operation == "UpdateAsset")
            #expect(change.before?.contains("black") == true)
            await #expect(throws: UseCaseError.versionRequired) {
                try await world.useCases.updateAsset(id: car.id, changes: AssetChanges(country: "BE"), expectedVersion: nil, by: world.officer)
            }
            await refused(.stale) {
                try await world.useCases.updateAsset(id: car.id, changes: AssetChanges(country: "BE"), expectedVersion: .exactly(car.version), by: world.officer)
            }
        }
    }

    @Test func aPropertyRoleAndIdentifiersSentAsNullAreErased() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            #expect(account.propertyRole == .proceedsDirect)

            let corrected = try await world.useCases.updateAsset(
                id: account.id, changes: AssetChanges(identifiers: .clear, propertyRole: .clear), expectedVersion: .exactly(account.version), by: world.officer)

            #expect(corrected.propertyRole == nil)
            #expect(corrected.identifiers.isEmpty)
            let read = try await world.useCases.readAsset(id: account.id, by: world.officer).asset
            #expect(read.propertyRole == nil)
            #expect(read.identifiers.iban == nil)
            let change = try #require(try await world.audit(entity: "asset", id: account.id).last { $0.kind == .change })
            #expect(change.operation == "UpdateAsset")
            #expect(change.before?.contains("BE68539007547034") == true)
            #expect(change.after?.contains("BE68539007547034") == false)
        }
    }

    @Test func aMoveMakesAnEarlierVersionStale() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            _ = try await world.event("trace", car, on: "2026-03-25")
            await refused(.stale) {
                try await world.useCases.updateAsset(id: car.id, changes: AssetChanges(description: "Late edit"), expectedVersion: .exactly(car.version), by: world.officer)
            }
        }
    }
}
