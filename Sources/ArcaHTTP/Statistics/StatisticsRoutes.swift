import ArcaApplication
import ArcaDomain
import ArcaResources
import Foundation
import Hummingbird

/// `/v1/statistics`: the yearly extract for the Commission (Docs/STATISTICS.md), as JSON or,
/// with `Accept: text/csv`, as CSV; the records behind one figure; and the office's own summary
/// year by year.
struct StatisticsRoutes {
    let useCases: UseCases

    func register(on v1: RouterGroup<ArcaRequestContext>) {
        // A path written out takes precedence over `statistics/{year}`.
        v1.get("statistics/summary") { request, context -> Reply in
            let query = request.uri.queryParameters
            return try Reply(
                StatisticsSummaryResource(try await useCases.summariseStatistics(from: query.get("from"), to: query.get("to"), by: try context.requireCaller())))
        }

        v1.get("statistics/{year}") { request, context -> Response in
            let extract = try await useCases.produceStatistics(
                year: try context.year(), state: request.uri.queryParameters.get("state"), by: try context.requireCaller())
            guard request.headers[values: .accept].contains(where: { $0.contains("text/csv") }) else {
                return try Reply(StatisticsExtractResource(extract)).response(from: request, context: context)
            }
            return Response(
                status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: StatisticsExtractResource.csv(extract))))
        }

        v1.get("statistics/{year}/{code}") { request, context -> Reply in
            let (extract, indicator) = try await useCases.explainStatistic(
                year: try context.year(), code: context.parameters.get("code") ?? "", state: request.uri.queryParameters.get("state"),
                by: try context.requireCaller())
            return try Reply(StatisticsExplanationResource(extract, indicator))
        }
    }
}

extension ArcaRequestContext {
    /// The `{year}` of the path: a calendar year such as 2025.
    func year() throws -> Int {
        guard let text = parameters.get("year"), let year = Int(text) else {
            throw UseCaseError.invalid("year", "year", "a calendar year such as 2025")
        }
        return year
    }
}
