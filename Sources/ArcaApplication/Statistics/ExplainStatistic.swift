import ArcaDomain
import ArcaPersistence
import Foundation

/// One figure of a year's extract with the records that make it up: their amounts add up to
/// it (`arca stats explain`, `GET /v1/statistics/{year}/{code}`). Produced as the extract is,
/// so it is audited the same way.
public struct ExplainStatistic: Sendable {
    let produce: ProduceStatistics

    public init(database: Database, readingFrom replica: Database? = nil, clock: @escaping @Sendable () -> Date = Date.init) {
        produce = ProduceStatistics(database: database, readingFrom: replica, clock: clock)
    }

    /// `code` names the indicator (`S3`) or one of its figures (`S12.issued`).
    public func callAsFunction(year: Int, code: String, state: String? = nil, by caller: Caller) async throws -> (StatisticsExtract, Indicator) {
        try caller.require(.produceStatistics)
        var validation = Validation()
        let parts = code.split(separator: ".", maxSplits: 1).map(String.init)
        let wanted = validation.check("code", "indicator") { () throws(VocabularyError) in
            try IndicatorCode(rawValue: (parts.first ?? "").uppercased()).orRefuse(code, as: "an indicator (S1 … S13, DOMAIN §5)")
        }
        let measure = parts.count > 1 ? parts[1].lowercased() : nil
        try validation.finish()
        guard let wanted else { return try unreachable() }
        if wanted.measures.isEmpty ? measure != nil : !wanted.measures.contains(measure ?? "") {
            let figures = wanted.measures.isEmpty ? wanted.rawValue : wanted.measures.map { "\(wanted.rawValue).\($0)" }.joined(separator: ", ")
            throw UseCaseError.invalid("code", "measure", "\(wanted.rawValue) gives \(figures): name one of them")
        }
        let extract = try await produce(year: year, state: state, by: caller)
        guard let indicator = extract.indicators.first(where: { $0.code == wanted && $0.measure == measure }) else { return try unreachable() }
        return (extract, indicator)
    }
}
