import ArcaDomain
import ArcaPersistence
import Foundation

/// A certificate of the office with its history and its order's ledger of recoveries; the
/// reading is logged, as every consultation is.
public struct ReadCertificate: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(id: UUID, by caller: Caller) async throws -> CertificateFile {
        let office = try caller.office(for: .readCases)
        let consultant = try caller.consultant
        return try await database.transaction { store in
            guard let certificate = try await store.certificates.find(id, of: office) else { throw UseCaseError.notFound("certificate \(id.lowercased)") }
            try await store.audit.appendConsultation(by: consultant, operation: "ReadCertificate", entity: "certificate", id: id.lowercased)
            return try await store.certificateFile(certificate, readAt: clock(), timeZone: caller.timeZone)
        }
    }
}
