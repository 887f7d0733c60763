import Foundation

/// An order of this state's authorities: executed here, with the day of its first execution
/// (S1, S2, S12 executed), or issued, with the day of its decision (S12 issued).
public struct DomesticOrder: Hashable, Sendable {
    public let id: UUID
    public let kind: LegalOrder.Kind
    public let confiscationType: ConfiscationType?
    public let decisionReference: String
    /// The first execution's day, or for an order issued, its decision's.
    public let day: Day
    public let offences: [OffenceCategory]
    public let categories: [AssetCategory]

    public init(
        id: UUID, kind: LegalOrder.Kind, confiscationType: ConfiscationType?, decisionReference: String, day: Day, offences: [OffenceCategory],
        categories: [AssetCategory]
    ) {
        self.id = id
        self.kind = kind
        self.confiscationType = confiscationType
        self.decisionReference = decisionReference
        self.day = day
        self.offences = offences
        self.categories = categories
    }

    var contribution: Contribution {
        Contribution(
            entity: "order", id: id.lowercased, label: decisionReference, day: day, offences: offences, categories: categories, amount: nil,
            dimensions: confiscationType.map { ["confiscation_type": $0.rawValue] } ?? [:])
    }
}

/// Property frozen or confiscated here under this state's orders, on `day`, with the value the
/// record gives it for that day (nil: no valuation on or before it). An asset, or a sum of money
/// a value confiscation recovered (`category` nil).
public struct ValuedProperty: Hashable, Sendable {
    public let entity: String
    public let id: String
    public let label: String
    public let day: Day
    public let offences: [OffenceCategory]
    public let category: AssetCategory?
    public let value: Money?
    /// The day whose rate converts the value: the day of the event that fixed it.
    public let valueFixedOn: Day

    public init(
        entity: String, id: String, label: String, day: Day, offences: [OffenceCategory], category: AssetCategory?, value: Money?, valueFixedOn: Day
    ) {
        self.entity = entity
        self.id = id
        self.label = label
        self.day = day
        self.offences = offences
        self.category = category
        self.value = value
        self.valueFixedOn = valueFixedOn
    }
}

/// What S1–S4 and S12 are computed from: the domestic orders executed and issued, and the property they froze
/// and confiscated (DOMAIN §5.1; Docs/STATISTICS.md defines each).
public struct DomesticRecord: Sendable {
    /// Executed here, by their first execution.
    public let orders: [DomesticOrder]
    /// Confiscation orders issued, by their decision, wherever they are executed.
    public let confiscationsIssued: [DomesticOrder]
    public let firstFreezes: [ValuedProperty]
    public let confiscations: [ValuedProperty]

    public init(orders: [DomesticOrder], confiscationsIssued: [DomesticOrder], firstFreezes: [ValuedProperty], confiscations: [ValuedProperty]) {
        self.orders = orders
        self.confiscationsIssued = confiscationsIssued
        self.firstFreezes = firstFreezes
        self.confiscations = confiscations
    }
}

/// S1–S4 and S12: orders of this state's authorities executed here, and the value of what
/// they froze and confiscated; confiscation orders issued and executed by type; for one
/// calendar year.
public enum DomesticFigures {
    /// Every value that cannot be converted is added to `missing`.
    public static func indicators(_ record: DomesticRecord, in year: Int, rates: RateTable, missing: inout [MissingRate]) -> [Indicator] {
        func executed(_ kind: LegalOrder.Kind) -> [Contribution] {
            record.orders.filter { $0.kind == kind && $0.day.year == year }.map(\.contribution)
        }
        let (frozen, frozenWithoutValue) = valued(record.firstFreezes, in: year, rates: rates, missing: &missing)
        let (confiscated, confiscatedWithoutValue) = valued(record.confiscations, in: year, rates: rates, missing: &missing)
        return [
            .counting(.s1, executed(.freezing)),
            .counting(.s2, executed(.confiscation)),
            .summing(
                .s3, frozen, withoutValue: frozenWithoutValue,
                notes: ["\(frozenWithoutValue.count) frozen without a value: counted apart, not in the sum"]),
            .summing(
                .s4, confiscated, withoutValue: confiscatedWithoutValue,
                notes: ["\(confiscatedWithoutValue.count) confiscated without a value: counted apart, not in the sum"]),
            .counting(.s12, measure: "issued", record.confiscationsIssued.filter { $0.day.year == year }.map(\.contribution)),
            .counting(.s12, measure: "executed", executed(.confiscation)),
        ]
    }

    /// The property of the year, each converted at the rate of the day that fixed its value;
    /// that with no value apart; every conversion without a rate added to `missing`.
    private static func valued(
        _ property: [ValuedProperty], in year: Int, rates: RateTable, missing: inout [MissingRate]
    ) -> ([Contribution], [Contribution]) {
        var withValue: [Contribution] = []
        var without: [Contribution] = []
        for item in property where item.day.year == year {
            var amount: EuroAmount?
            if let value = item.value {
                do throws(MissingRate) {
                    amount = try rates.euro(value, on: item.valueFixedOn)
                } catch {
                    missing.append(error)
                    continue
                }
            }
            let record = Contribution(
                entity: item.entity, id: item.id, label: item.label, day: item.day, offences: item.offences,
                categories: item.category.map { [$0] } ?? [], amount: amount)
            if amount == nil { without.append(record) } else { withValue.append(record) }
        }
        return (withValue, without)
    }
}
