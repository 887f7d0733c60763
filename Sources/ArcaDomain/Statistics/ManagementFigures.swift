import Foundation

/// A move of property S13 counts: an interim sale with its proceeds, or a disposal to social or
/// public reuse with the property's value at confiscation (nil: none was fixed).
public struct ManagedProperty: Hashable, Sendable {
    public enum Kind: String, Sendable {
        case interimSale = "interim_sale"
        case reuse
    }

    public let assetID: UUID
    public let label: String
    public let kind: Kind
    public let day: Day
    public let offences: [OffenceCategory]
    public let category: AssetCategory
    /// The sale's proceeds; or the value at confiscation of property put to reuse.
    public let value: Money?
    /// The day whose rate converts the value: the sale's, or the day confiscation was ordered.
    public let valueFixedOn: Day?
    /// For reuse: `social_reuse` or `public_use`.
    public let outcome: String?

    public init(
        assetID: UUID, label: String, kind: Kind, day: Day, offences: [OffenceCategory], category: AssetCategory, value: Money?,
        valueFixedOn: Day?, outcome: String?
    ) {
        self.assetID = assetID
        self.label = label
        self.kind = kind
        self.day = day
        self.offences = offences
        self.category = category
        self.value = value
        self.valueFixedOn = valueFixedOn
        self.outcome = outcome
    }
}

/// S13: interim sales (how many, for how much) and property given to social or public reuse
/// (how much property, worth how much at confiscation), for one calendar year.
public enum ManagementFigures {
    /// Every value that cannot be converted is added to `missing`.
    public static func indicators(_ moves: [ManagedProperty], in year: Int, rates: RateTable, missing: inout [MissingRate]) -> [Indicator] {
        func records(_ kind: ManagedProperty.Kind) -> (valued: [Contribution], unvalued: [Contribution]) {
            var valued: [Contribution] = []
            var unvalued: [Contribution] = []
            for move in moves where move.kind == kind && move.day.year == year {
                var amount: EuroAmount?
                if let value = move.value, let day = move.valueFixedOn {
                    do throws(MissingRate) {
                        amount = try rates.euro(value, on: day)
                    } catch {
                        missing.append(error)
                    }
                }
                let record = Contribution(
                    entity: "asset", id: move.assetID.lowercased, label: move.label, day: move.day, offences: move.offences,
                    categories: [move.category], amount: amount, dimensions: move.outcome.map { ["outcome": $0] } ?? [:])
                if amount == nil { unvalued.append(record) } else { valued.append(record) }
            }
            return (valued, unvalued)
        }
        let sales = records(.interimSale)
        let reuse = records(.reuse)
        return [
            .counting(.s13, measure: "interim_sales", sales.valued + sales.unvalued),
            .summing(.s13, measure: "interim_sale_proceeds", sales.valued, withoutValue: sales.unvalued),
            .counting(.s13, measure: "reuse", reuse.valued + reuse.unvalued),
            .summing(.s13, measure: "reuse_value_at_confiscation", reuse.valued, withoutValue: reuse.unvalued),
        ]
    }
}
