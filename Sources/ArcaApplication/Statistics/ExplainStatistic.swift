import ArcaDomain
import ArcaPersistence
import Foundation

/// One figure of a year's extract with the records that make it up: their amounts add up to
/// it (`arca stats explain`, `GET /v1/statistics/{year}/{code}`). Produced as the extract is,
/// so it is audited the same way.
public struct ExplainStatistic: Sendable {
    let produce: ProduceStatistics

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        produce = ProduceStatistics(database: database, clock: clock)
    }

    public func callAsFunction(year: Int, code: String, state: String? = nil, by caller: Caller) async throws -> (StatisticsExtract, Indicator) {
        try caller.require(.produceStatistics)
        var validation = Validation()
        let wanted = validation.check("code", "indicator") { () throws(VocabularyError) in
            try IndicatorCode(rawValue: code.uppercased()).orRefuse(code, as: "an indicator (S1 … S13, DOMAIN §5)")
        }
        try validation.finish()
        guard let wanted, ProduceStatistics.computed.contains(wanted) else {
            throw UseCaseError.notFound(
                "indicator \(code.uppercased()): not computed yet; the extract gives \(ProduceStatistics.computed.map(\.rawValue).joined(separator: ", "))")
        }
        let extract = try await produce(year: year, state: state, by: caller)
        guard let indicator = extract.indicators.first(where: { $0.code == wanted }) else { return try unreachable() }
        return (extract, indicator)
    }
}
