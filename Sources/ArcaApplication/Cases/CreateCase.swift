import ArcaDomain
import ArcaPersistence
import Foundation

/// Opens a case in the caller's office, numbered in the office's series for the year it
/// is opened; opened for an incoming request that has no case yet (a partner's request sent
/// directly), it takes its origin from the request and the request is linked to it; opened
/// for an incoming certificate with no case yet, its origin is `incoming_certificate` and the
/// certificate belongs to it (its order is recorded in it next).
public struct CreateCase: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(_ input: NewCase, by caller: Caller) async throws -> Case {
        let officeCode = try caller.office(for: .recordCases)
        let now = clock()
        var validation = Validation(reading: input)
        let title = validation.required("title", input.title).flatMap { validation.title("title", $0) }
        let offences = validation.required("offences", input.offences).flatMap { validation.offences("offences", $0) }
        let openedOn = validation.pastDay("openedOn", input.openedOn, today: caller.today(now))
        let origin = validation.optional("origin", input.origin, "case-origin") { (code) throws(VocabularyError) in
            try CaseOrigin(rawValue: code).orRefuse(code, as: "a case origin (\(CaseOrigin.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let criminalFile = input.criminalFileReference.flatMap { validation.criminalFileReference("criminalFileReference", $0) }
        let requestID = input.fromRequest.flatMap { validation.id("fromRequest", $0) }
        let certificateID = input.fromCertificate.flatMap { validation.id("fromCertificate", $0) }
        if input.fromRequest != nil, input.fromCertificate != nil {
            validation.add("fromCertificate", "one-origin", "a case is opened for one request or one certificate, not both")
        }
        if let origin, certificateID != nil, origin != .incomingCertificate {
            validation.add("origin", "from-certificate", "a case opened for a certificate has the origin incoming_certificate")
        }
        try validation.finish()
        guard let title, let offences, let openedOn else { return try unreachable() }

        return try await database.transaction { store in
            guard let office = try await store.offices.find(officeCode) else { throw UseCaseError.forbidden("office \(officeCode) is not registered") }
            var request: CrossBorderRequest?
            if let requestID { request = try await Self.request(requestID, of: officeCode, in: store) }
            var certificate: Certificate?
            if let certificateID { certificate = try await Self.certificate(certificateID, of: officeCode, in: store) }
            if let request, let origin, origin != request.caseOrigin {
                throw UseCaseError.invalid("origin", "from-request", "a case opened for a \(request.kind.rawValue.replacingOccurrences(of: "_", with: " ")) has the origin \(request.caseOrigin.rawValue)")
            }
            let reference = try await store.cases.nextReference(office: office, year: openedOn.year)
            let file = Case(
                id: UUID(), reference: reference, office: officeCode, title: title, offences: offences, openedOn: openedOn, status: .opened,
                origin: request?.caseOrigin ?? (certificate != nil ? .incomingCertificate : origin ?? .domesticReferral),
                criminalFileReference: criminalFile, version: 1, createdAt: now, updatedAt: now)
            try await store.cases.add(file)
            try await store.audit.change("CreateCase", by: caller, entity: "case", id: file.id.lowercased, after: file)
            if let request {
                try await Self.file(request, as: "request", in: file, at: now, by: caller, store: store, update: store.requests.update)
            }
            if let certificate {
                try await Self.file(certificate, as: "certificate", in: file, at: now, by: caller, store: store, update: store.certificates.update)
            }
            return file
        }
    }

    /// Files the partner's request or certificate in the case opened for it.
    private static func file<Record: FiledLater>(
        _ record: Record, as entity: String, in file: Case, at now: Date, by caller: Caller, store: Store, update: (Record) async throws -> Bool
    ) async throws {
        var filed = record
        filed.caseID = file.id
        filed.version += 1
        filed.updatedAt = now
        guard try await update(filed) else { throw UseCaseError.conflict("\(entity) \(record.id.lowercased) was changed meanwhile: try again") }
        try await store.audit.change("CreateCase", by: caller, entity: entity, id: record.id.lowercased, before: record, after: filed)
    }

    /// The incoming certificate a case is opened for: the office's, with no case yet.
    private static func certificate(_ id: UUID, of office: OfficeCode, in store: Store) async throws -> Certificate {
        guard let certificate = try await store.certificates.find(id, of: office, forUpdate: true) else {
            throw UseCaseError.notFound("certificate \(id.lowercased)")
        }
        guard certificate.awaitsRecording, certificate.caseID == nil else {
            throw UseCaseError.invalid(
                "fromCertificate", "unlinked-incoming", "a case is opened for an incoming certificate that has no case yet and is still to be decided")
        }
        return certificate
    }

    /// The incoming request a case is opened for: the office's, with no case yet.
    private static func request(_ id: UUID, of office: OfficeCode, in store: Store) async throws -> CrossBorderRequest {
        guard let request = try await store.requests.find(id, of: office, forUpdate: true) else { throw UseCaseError.notFound("request \(id.lowercased)") }
        guard request.direction == .incoming, request.caseID == nil else {
            throw UseCaseError.invalid("fromRequest", "unlinked-incoming", "a case is opened for an incoming request that has no case yet")
        }
        return request
    }
}

/// A partner's request or certificate: it arrives before any case here and is filed in one later.
protocol FiledLater: Encodable, Sendable {
    var id: UUID { get }
    var caseID: UUID? { get set }
    var version: Int { get set }
    var updatedAt: Date { get set }
}

extension CrossBorderRequest: FiledLater {}
extension Certificate: FiledLater {}
