import ArcaApplication
import ArcaDomain
import ArcaTestSupport
import Foundation
import Testing

extension TestWorld {
    /// The round trips `body` makes to the database, counted on the world's pool. Each use
    /// case measured here ran once before, so its statements are prepared on the connection
    /// it gets back (the pool lends the one returned last).
    func roundTrips(_ body: () async throws -> Void) async throws -> Int {
        let before = db.pool.roundTrips
        try await body()
        return db.pool.roundTrips - before
    }

    /// Petrov, the suspect of the Meltwater case.
    func addSuspect(to caseID: UUID) async throws -> Subject {
        try await useCases.addSubject(
            caseID: caseID, NewSubject(kind: "natural_person", name: "Ivan Petrov", role: "suspect"), by: officer)
    }
}

@Suite("Use cases: what a reading or a write costs in round trips to the database (issue 8)")
struct RoundTripTests {
    @Test func readingACaseWithItsSubjectsAssetsOrdersAndItsConsultationEntryIsOneRoundTrip() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.addSuspect(to: file.id)
            let account = try await world.addAccount(to: file.id)
            let car = try await world.addCar(to: file.id)
            _ = try await world.order("freezing", executingState: "BE", assets: [account, car])
            _ = try await world.useCases.readCase(id: file.id, by: world.officer)

            let trips = try await world.roundTrips { _ = try await world.useCases.readCase(id: file.id, by: world.officer) }

            #expect(trips == 1)
        }
    }

    @Test func readingAnAssetWithItsValuationsAndEventsIsOneRoundTrip() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let account = try await world.addAccount(to: file.id)
            let freezing = try await world.order("freezing", assets: [account])
            _ = try await world.execute(freezing, on: "2026-04-03")
            _ = try await world.useCases.readAsset(id: account.id, by: world.officer)

            let trips = try await world.roundTrips { _ = try await world.useCases.readAsset(id: account.id, by: world.officer) }

            #expect(trips == 1)
        }
    }

    @Test func readingASubjectOrAnOrderWithItsConsultationEntryIsOneRoundTrip() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let suspect = try await world.addSuspect(to: file.id)
            let freezing = try await world.order("freezing", assets: [try await world.addAccount(to: file.id)])
            _ = try await world.useCases.readSubject(id: suspect.id, by: world.officer)
            _ = try await world.useCases.readOrder(id: freezing.id, by: world.officer)

            let subject = try await world.roundTrips { _ = try await world.useCases.readSubject(id: suspect.id, by: world.officer) }
            let order = try await world.roundTrips { _ = try await world.useCases.readOrder(id: freezing.id, by: world.officer) }

            #expect(subject == 1)
            #expect(order == 1)
            let subjectReadings = try await world.audit(entity: "subject", id: suspect.id).filter { $0.operation == "ReadSubject" }
            let orderReadings = try await world.audit(entity: "order", id: freezing.id).filter { $0.operation == "ReadOrder" }
            #expect(subjectReadings.count == 2)
            #expect(orderReadings.count == 2)
            #expect(subjectReadings.allSatisfy { $0.kind == .consultation && $0.actor.name == "j.peeters" })
        }
    }

    @Test func addingAnAssetIsTwoRoundTripsTheCaseLockedThenEveryInsertWithTheCommit() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.addCar(to: file.id)

            let trips = try await world.roundTrips { _ = try await world.addAccount(to: file.id) }

            #expect(trips == 2)
        }
    }

    @Test func aListOfCasesOrOfAssetsIsOneStatementThenItsConsultationEntryWithTheCommit() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            _ = try await world.addSuspect(to: file.id)
            _ = try await world.addAccount(to: file.id)
            _ = try await world.addCar(to: file.id)
            _ = try await world.useCases.listCases(CaseListRequest(text: "Petrov"), by: world.officer)
            _ = try await world.useCases.listAssets(AssetListRequest(category: "bank_account"), by: world.officer)

            var shown = (cases: 0, assets: 0)
            let cases = try await world.roundTrips {
                shown.cases = try await world.useCases.listCases(CaseListRequest(text: "Petrov"), by: world.officer).items.count
            }
            let assets = try await world.roundTrips {
                shown.assets = try await world.useCases.listAssets(AssetListRequest(category: "bank_account"), by: world.officer).items.count
            }

            #expect(cases == 2)
            #expect(assets == 2)
            #expect(shown.cases == 1)
            #expect(shown.assets == 1)
        }
    }

    @Test func executingAnOrderOnThreeAssetsCostsNoMoreRoundTripsThanOnOne() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let first = try await world.addAccount(to: file.id)
            _ = try await world.execute(try await world.order("freezing", assets: [first]), on: "2026-04-03")
            let single = try await world.order("freezing", assets: [try await world.addAccount(to: file.id)])
            let assets = [try await world.addAccount(to: file.id), try await world.addAccount(to: file.id), try await world.addAccount(to: file.id)]
            let triple = try await world.order("freezing", assets: assets)

            let one = try await world.roundTrips { _ = try await world.execute(single, on: "2026-04-04") }
            let three = try await world.roundTrips { _ = try await world.execute(triple, on: "2026-04-04") }

            // The order, its assets locked, their valuations, the order's change, the assets'
            // new states, then the COMMIT with every event, execution and audit entry.
            #expect(one == 6)
            #expect(three == one)
            for asset in assets {
                let read = try await world.useCases.readAsset(id: asset.id, by: world.officer)
                #expect(read.asset.state == .frozen)
                #expect(read.asset.valueAtFreezing == Money(Decimal(string: "48250.75")!, .euro))
                #expect(read.events.map(\.action) == ["identify", "freeze"])
            }
        }
    }

    @Test func aValueConfiscationOfThreeAccountsIsOrderedInNoMoreRoundTripsThanOfOne() async throws {
        try await TestWorld.with { world in
            func confiscate(_ accounts: [Asset]) async throws {
                _ = try await world.order("confiscation", type: "value", assets: accounts, covered: "40000.00")
            }
            let file = try await world.openCase()
            try await confiscate([try await world.addAccount(to: file.id)])
            let single = [try await world.addAccount(to: file.id)]
            let assets = [try await world.addAccount(to: file.id), try await world.addAccount(to: file.id), try await world.addAccount(to: file.id)]

            let one = try await world.roundTrips { try await confiscate(single) }
            let three = try await world.roundTrips { try await confiscate(assets) }

            #expect(one == 8)
            #expect(three == one)
            for asset in assets {
                let actual = try await world.state(of: asset)
                #expect(actual == .confiscationOrdered)
            }
        }
    }

    @Test func recordingAValuationIsThreeRoundTripsTheAssetLockedItsEarlierValuationsThenTheCommit() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase()
            let car = try await world.addCar(to: file.id)
            let may = NewValuation(valuedOn: "2026-05-01", method: "market", value: MoneyInput(amount: "90000.00", currency: "EUR"))
            _ = try await world.useCases.recordValuation(assetID: car.id, may, by: world.officer)
            let april = NewValuation(valuedOn: "2026-04-01", method: "expert", value: MoneyInput(amount: "99000.00", currency: "EUR"))

            let trips = try await world.roundTrips { _ = try await world.useCases.recordValuation(assetID: car.id, april, by: world.officer) }

            #expect(trips == 3)
            let read = try await world.useCases.readAsset(id: car.id, by: world.officer)
            #expect(read.asset.estimatedValue == Money(Decimal(string: "90000.00")!, .euro))
        }
    }
}
