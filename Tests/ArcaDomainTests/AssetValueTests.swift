import ArcaDomain
import Foundation
import Testing

@Suite("Asset values and event dates (DOMAIN §3.1)")
struct AssetValueTests {
    static func car() throws -> Asset {
        try Asset(
            id: UUID(), caseID: UUID(), category: .motorVehicle, description: "Porsche 911 Carrera, black",
            identifiers: AssetIdentifiers(vin: try VIN("WP0ZZZ99ZTS392124")), country: CountryCode("NL"), propertyRole: .proceedsDirect,
            owners: [], state: .identified, estimatedValue: nil, identifiedOn: Day("2026-03-21"), version: 1, createdAt: Date())
    }

    static func valuation(_ day: String, _ amount: Decimal, of asset: Asset) throws -> Valuation {
        Valuation(id: UUID(), assetID: asset.id, valuedOn: try Day(day), method: .expert, value: Money(amount, .euro), recordedBy: "j.peeters")
    }

    @Test func theValueAtFreezingIsTheValuationDatedOnOrBeforeTheFreeze() throws {
        var car = try Self.car()
        let valuations = [try Self.valuation("2026-03-25", 95_000, of: car), try Self.valuation("2026-05-01", 88_000, of: car)]
        try car.apply(.freeze, on: Day("2026-04-03"), valuations: valuations)
        #expect(car.valueAtFreezing == Money(95_000, .euro))
        #expect(car.estimatedValue == Money(88_000, .euro))
        #expect(car.frozenOn == (try Day("2026-04-03")))
    }

    @Test func aValuationEnteredLaterButDatedBeforeTheFreezeReFixesItsValue() throws {
        var car = try Self.car()
        try car.apply(.freeze, on: Day("2026-04-03"), valuations: [])
        #expect(car.valueAtFreezing == nil)
        #expect(car.isValueMissing)
        car.fixValues(from: [try Self.valuation("2026-04-01", 97_500, of: car)])
        #expect(car.valueAtFreezing == Money(97_500, .euro))
        #expect(!car.isValueMissing)
    }

    @Test func aValuationJustEnteredComesAfterEveryOneOfItsDayOrBeforeAndBeforeLaterOnes() throws {
        let car = try Self.car()
        let march = try Self.valuation("2026-03-25", 95_000, of: car)
        let april = try Self.valuation("2026-04-10", 90_000, of: car)
        let may = try Self.valuation("2026-05-01", 88_000, of: car)
        var valuations = [march, april, may]

        let sameDayAsApril = try Self.valuation("2026-04-10", 91_500, of: car)
        valuations.insertEntered(sameDayAsApril)
        let latest = try Self.valuation("2026-06-01", 87_000, of: car)
        valuations.insertEntered(latest)

        #expect(valuations == [march, april, sameDayAsApril, may, latest])
        #expect(Valuation.value(on: try Day("2026-04-10"), in: valuations) == Money(91_500, .euro))
    }

    @Test func aSecondFreezeKeepsTheDayOfTheFirst() throws {
        var car = try Self.car()
        let valuations = [try Self.valuation("2026-03-25", 95_000, of: car), try Self.valuation("2026-04-20", 80_000, of: car)]
        try car.apply(.freeze, on: Day("2026-04-03"), valuations: valuations)
        try car.apply(.freeze, on: Day("2026-04-22"), valuations: valuations)
        #expect(car.frozenOn == (try Day("2026-04-03")))
        #expect(car.valueAtFreezing == Money(95_000, .euro))
    }

    @Test func liftingAConfiscationForgetsItsValue() throws {
        var car = try Self.car()
        let valuations = [try Self.valuation("2026-03-25", 95_000, of: car)]
        try car.apply(.freeze, on: Day("2026-04-03"), valuations: valuations)
        try car.apply(.orderConfiscation, on: Day("2026-09-15"), valuations: valuations)
        #expect(car.valueAtConfiscation == Money(95_000, .euro))
        try car.apply(.confiscationLifted, on: Day("2026-10-01"), valuations: valuations)
        #expect(car.state == .frozen)
        #expect(car.valueAtConfiscation == nil)
        #expect(car.confiscationOrderedOn == nil)
    }

    @Test func anEventBeforeTheLatestOneIsRefusedNamingBothDates() throws {
        var car = try Self.car()
        try car.apply(.freeze, on: Day("2026-04-03"), valuations: [])
        let error = #expect(throws: EventDateError.self) { try car.checkEventDate(Day("2026-04-02")) }
        #expect(error?.description.contains("2026-04-02") == true)
        #expect(error?.description.contains("2026-04-03") == true)
        try car.checkEventDate(Day("2026-04-03"))
    }
}
