import Foundation

/// One asset-recovery matter (DOMAIN §2).
public struct Case: Hashable, Sendable, Codable {
    public let id: UUID
    public let reference: CaseReference
    public let office: OfficeCode
    public var title: String
    public var offences: [OffenceCategory]
    public var openedOn: Day
    public var status: CaseStatus
    public var origin: CaseOrigin
    /// The reference of the criminal file the case belongs to, in the prosecution's notation.
    public var criminalFileReference: String?
    /// Counts changes; the API's ETag.
    public let version: Int
    public let createdAt: Date
    public let updatedAt: Date
    /// Its review day and erasure, as read; absent on a case not yet stored.
    public let retention: CaseRetention?

    public init(
        id: UUID, reference: CaseReference, office: OfficeCode, title: String, offences: [OffenceCategory],
        openedOn: Day, status: CaseStatus, origin: CaseOrigin, criminalFileReference: String?, version: Int,
        createdAt: Date, updatedAt: Date, retention: CaseRetention? = nil
    ) {
        self.id = id
        self.reference = reference
        self.office = office
        self.title = title
        self.offences = offences
        self.openedOn = openedOn
        self.status = status
        self.origin = origin
        self.criminalFileReference = criminalFileReference
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.retention = retention
    }
}

/// The rules on what a case holds, shared by creation and update.
public enum CaseRules {
    public static let titleLength = 1...500
    public static let offenceCount = 1...20
    public static let criminalFileReferenceLength = 1...200
}
