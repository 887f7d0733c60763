import ArcaDomain
import ArcaPersistence
import Crypto
import Foundation

/// What an import of reference rates did, and what the deployment holds afterwards.
public struct RateImport: Sendable, Equatable {
    public let load: RateLoad
    public let coverage: RateCoverage
    /// SHA-256 of the file, as the audit trail records it.
    public let digest: String
}

/// Loads the ECB euro reference-rate history (`eurofxref-hist.csv`, in the ECB's own format)
/// so that amounts can be converted to euro at the rate of their day (DOMAIN §5.1). Importing
/// the same file again adds nothing; a file whose rate for a day differs from the one stored
/// is refused whole, naming the rates, since figures already produced used the stored one.
/// Administrators only; audited with the file's digest and what it added.
public struct ImportRates: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(file contents: Data, named name: String, by caller: Caller) async throws -> RateImport {
        try caller.require(.importRates)
        let rates: [ReferenceRate]
        do {
            rates = try ECBRateFile.parse(String(decoding: contents, as: UTF8.self))
        } catch {
            throw UseCaseError.invalid(error.problems.map { FieldViolation(field: "file", rule: "ecb-rate-file", message: "\(name) line \($0.line): \($0.message)") })
        }
        let digest = SHA256.hash(data: contents).hexadecimal
        return try await database.transaction { store in
            switch try await store.rates.load(rates, source: "ECB") {
            case .failure(let disagreements):
                throw UseCaseError.conflict(
                    "the file's rates differ from those stored, which figures already produced used; nothing was imported: "
                        + disagreements.rates.map { "\($0.currency.code) on \($0.day): \($0.inFile) in the file, \($0.stored) stored" }.joined(separator: "; "))
            case .success(let load):
                let coverage = try await store.rates.coverage()
                try await store.audit.change(
                    "ImportRates", by: caller, entity: "reference_rate", id: digest,
                    after: ImportRecord(file: name, sha256: digest, ratesInFile: load.inFile, added: load.added))
                return RateImport(load: load, coverage: coverage, digest: digest)
            }
        }
    }

    /// What the audit trail keeps of an import.
    struct ImportRecord: Encodable {
        let file: String
        let sha256: String
        let ratesInFile: Int
        let added: Int
    }
}
