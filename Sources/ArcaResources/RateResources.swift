import ArcaApplication
import Foundation

/// `arca rates import --json`: what an import loaded, and what the deployment now holds.
public struct RateImportResource: Encodable {
    let ratesInFile: Int
    let added: Int
    let alreadyStored: Int
    let sha256: String
    let storedRates: Int
    let currencies: Int
    let firstDay: String?
    let lastDay: String?

    public init(_ outcome: RateImport) {
        ratesInFile = outcome.load.inFile
        added = outcome.load.added
        alreadyStored = outcome.load.alreadyStored
        sha256 = outcome.digest
        storedRates = outcome.coverage.rates
        currencies = outcome.coverage.currencies
        firstDay = outcome.coverage.first?.description
        lastDay = outcome.coverage.last?.description
    }
}
