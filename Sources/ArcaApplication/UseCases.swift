import ArcaPersistence

/// Every use case of the application, built on one database. The composition root makes
/// one and hands it to the HTTP API and the CLI commands.
public struct UseCases: Sendable {
    public let checkReadiness: CheckReadiness
    public let authenticate: Authenticate
    public let actAsUser: ActAsUser
    public let addOffice: AddOffice
    public let changeOfficeTimeZone: ChangeOfficeTimeZone
    public let addUser: AddUser
    public let issueToken: IssueToken
    public let revokeTokens: RevokeTokens
    public let createCase: CreateCase
    public let readCase: ReadCase
    public let updateCase: UpdateCase
    public let listCases: ListCases
    public let shareCase: ShareCase
    public let addSubject: AddSubject
    public let readSubject: ReadSubject
    public let updateSubject: UpdateSubject
    public let idempotencyKeys: IdempotencyKeys
    public let addAsset: AddAsset
    public let readAsset: ReadAsset
    public let updateAsset: UpdateAsset
    public let listAssets: ListAssets
    public let recordValuation: RecordValuation
    public let recordAssetEvent: RecordAssetEvent
    public let correctEventDate: CorrectEventDate
    public let createOrder: CreateOrder
    public let readOrder: ReadOrder
    public let finaliseOrder: FinaliseOrder
    public let executeOrder: ExecuteOrder
    public let liftOrder: LiftOrder
    public let correctOrderDate: CorrectOrderDate
    public let readAuditTrail: ReadAuditTrail

    public init(database: Database) {
        checkReadiness = CheckReadiness(database: database)
        authenticate = Authenticate(database: database)
        actAsUser = ActAsUser(database: database)
        addOffice = AddOffice(database: database)
        changeOfficeTimeZone = ChangeOfficeTimeZone(database: database)
        addUser = AddUser(database: database)
        issueToken = IssueToken(database: database)
        revokeTokens = RevokeTokens(database: database)
        createCase = CreateCase(database: database)
        readCase = ReadCase(database: database)
        updateCase = UpdateCase(database: database)
        listCases = ListCases(database: database)
        shareCase = ShareCase(database: database)
        addSubject = AddSubject(database: database)
        readSubject = ReadSubject(database: database)
        updateSubject = UpdateSubject(database: database)
        idempotencyKeys = IdempotencyKeys(database: database)
        addAsset = AddAsset(database: database)
        readAsset = ReadAsset(database: database)
        updateAsset = UpdateAsset(database: database)
        listAssets = ListAssets(database: database)
        recordValuation = RecordValuation(database: database)
        recordAssetEvent = RecordAssetEvent(database: database)
        correctEventDate = CorrectEventDate(database: database)
        createOrder = CreateOrder(database: database)
        readOrder = ReadOrder(database: database)
        finaliseOrder = FinaliseOrder(database: database)
        executeOrder = ExecuteOrder(database: database)
        liftOrder = LiftOrder(database: database)
        correctOrderDate = CorrectOrderDate(database: database)
        readAuditTrail = ReadAuditTrail(database: database)
    }
}
