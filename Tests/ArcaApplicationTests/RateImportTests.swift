import ArcaApplication
import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import Testing

@Suite("Use cases: importing the ECB reference rates")
struct RateImportTests {
    private let history = try! Data(contentsOf: Fixtures.ecbHistory)

    @Test func theECBHistoryImportsWholeAndASecondImportAddsNothing() async throws {
        try await TestWorld.with { world in
            // when the ECB's file is imported twice
            let first = try await world.useCases.importRates(file: history, named: "eurofxref-hist.csv", by: world.admin)
            let second = try await world.useCases.importRates(file: history, named: "eurofxref-hist.csv", by: world.admin)
            // then every rate is stored once, and the second import found them all there
            #expect(first.load == RateLoad(inFile: 210_545, added: 210_545))
            #expect(second.load.added == 0 && second.load.alreadyStored == 210_545)
            let span = (first: try Day("1999-01-04"), last: try Day("2025-05-09"))
            #expect(second.coverage == RateCoverage(rates: 210_545, currencies: 41, first: span.first, last: span.last))
            #expect(try await world.count("SELECT count(*) FROM reference_rate") == 210_545)
            // and each import is in the audit trail with the file's digest
            #expect(try await world.count("SELECT count(*) FROM audit_entry WHERE operation = 'ImportRates' AND entity_id = $1", [first.digest]) == 2)
        }
    }

    @Test func aFileThatDisagreesWithAStoredRateIsRefusedWholeNamingTheRate() async throws {
        try await TestWorld.with { world in
            _ = try await world.useCases.importRates(file: history, named: "eurofxref-hist.csv", by: world.admin)
            // given a file where one day's dollar rate was changed and a day was added
            let changed = """
                Date,USD,JPY,
                2025-05-12,1.1100,164.00,
                2025-05-09,1.1300,163.36,
                """
            // when it is imported, it is refused naming the rate, and nothing of it is stored
            let refusal = await refused(.conflict) {
                try await world.useCases.importRates(file: Data(changed.utf8), named: "changed.csv", by: world.admin)
            }
            #expect(refusal?.description.contains("USD on 2025-05-09: 1.13 in the file, 1.1252 stored") == true, "\(String(describing: refusal))")
            #expect(try await world.count("SELECT count(*) FROM reference_rate WHERE day = '2025-05-12'") == 0)
        }
    }

    @Test func aFileNotInTheECBsFormatIsRefusedNamingTheLine() async throws {
        try await TestWorld.with { world in
            await refused(.invalid(["file ecb-rate-file"])) {
                try await world.useCases.importRates(file: Data("Date,USD,\n9 May 2025,1.12,\n".utf8), named: "rates.csv", by: world.admin)
            }
        }
    }

    @Test func onlyAnAdministratorImportsRates() async throws {
        try await TestWorld.with { world in
            for caller in [world.officer, world.liaison, world.analyst, world.auditor] {
                await refused(.forbidden) { try await world.useCases.importRates(file: history, named: "eurofxref-hist.csv", by: caller) }
            }
        }
    }
}
