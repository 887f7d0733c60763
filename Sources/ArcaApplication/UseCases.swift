import ArcaPersistence
import Foundation

/// Every use case of the application, built on one database. The composition root makes
/// one and hands it to the HTTP API and the CLI commands.
public struct UseCases: Sendable {
    public let checkReadiness: CheckReadiness
    public let measureOperations: MeasureOperations
    public let authenticate: Authenticate
    public let actAsUser: ActAsUser
    public let mapOSAccount: MapOSAccount
    public let addOffice: AddOffice
    public let changeOfficeTimeZone: ChangeOfficeTimeZone
    public let requireConsultationPurpose: RequireConsultationPurpose
    public let addUser: AddUser
    public let issueToken: IssueToken
    public let revokeTokens: RevokeTokens
    public let disableUser: DisableUser
    public let enableUser: EnableUser
    public let listTokens: ListTokens
    public let createCase: CreateCase
    public let readCase: ReadCase
    public let updateCase: UpdateCase
    public let listCases: ListCases
    public let shareCase: ShareCase
    public let addSubject: AddSubject
    public let readSubject: ReadSubject
    public let updateSubject: UpdateSubject
    public let keepCaseAfterReview: KeepCaseAfterReview
    public let eraseCasePersonalData: EraseCasePersonalData
    public let idempotencyKeys: IdempotencyKeys
    public let addAsset: AddAsset
    public let readAsset: ReadAsset
    public let updateAsset: UpdateAsset
    public let listAssets: ListAssets
    public let recordValuation: RecordValuation
    public let recordAssetEvent: RecordAssetEvent
    public let recordManagementEvent: RecordManagementEvent
    public let recordRecoveredValue: RecordRecoveredValue
    public let readCaseTotals: ReadCaseTotals
    public let correctEventDate: CorrectEventDate
    public let createOrder: CreateOrder
    public let readOrder: ReadOrder
    public let finaliseOrder: FinaliseOrder
    public let executeOrder: ExecuteOrder
    public let liftOrder: LiftOrder
    public let correctOrderDate: CorrectOrderDate
    public let readAuditTrail: ReadAuditTrail
    public let verifyAuditTrail: VerifyAuditTrail
    public let takeAuditAnchor: TakeAuditAnchor
    public let listSettings: ListSettings
    public let changeSetting: ChangeSetting
    public let importRates: ImportRates
    public let produceStatistics: ProduceStatistics
    public let summariseStatistics: SummariseStatistics
    public let explainStatistic: ExplainStatistic
    public let registerRequest: RegisterRequest
    public let moveRequest: MoveRequest
    public let readRequest: ReadRequest
    public let listRequests: ListRequests
    public let issueCertificate: IssueCertificate
    public let receiveCertificate: ReceiveCertificate
    public let listCertificates: ListCertificates
    public let moveCertificate: MoveCertificate
    public let linkCertificate: LinkCertificate
    public let readCertificate: ReadCertificate
    public let recordRecovery: RecordRecovery
    public let initialiseExchange: InitialiseExchange
    public let registerPartner: RegisterPartner
    public let removePartner: RemovePartner
    public let listPartners: ListPartners
    public let receiveMessage: ReceiveMessage
    public let listDeliveries: ListDeliveries
    public let retryDelivery: RetryDelivery
    public let exportMessages: ExportMessages

    /// `clock` is "now" for every use case that dates what it records, so tests and the demo
    /// can fix it; `idempotencyRetention` is how long a remembered answer is replayed;
    /// `tokenCache`, when given, spares the token check its round trip (a server keeps one).
    public init(
        database: Database, clock: @escaping @Sendable () -> Date = Date.init, idempotencyRetention: Duration = IdempotencyKeys.defaultRetention,
        tokenCache: TokenCache? = nil, signInAttempts: SignInAttempts = SignInAttempts(), replica: Database? = nil
    ) {
        checkReadiness = CheckReadiness(database: database)
        measureOperations = MeasureOperations(database: database)
        authenticate = Authenticate(database: database, cache: tokenCache, attempts: signInAttempts)
        actAsUser = ActAsUser(database: database, authenticate: authenticate)
        mapOSAccount = MapOSAccount(database: database)
        addOffice = AddOffice(database: database)
        changeOfficeTimeZone = ChangeOfficeTimeZone(database: database, tokenCache: tokenCache)
        requireConsultationPurpose = RequireConsultationPurpose(database: database, tokenCache: tokenCache)
        addUser = AddUser(database: database)
        issueToken = IssueToken(database: database)
        revokeTokens = RevokeTokens(database: database, tokenCache: tokenCache)
        disableUser = DisableUser(database: database, tokenCache: tokenCache, clock: clock)
        enableUser = EnableUser(database: database)
        listTokens = ListTokens(database: database)
        createCase = CreateCase(database: database, clock: clock)
        readCase = ReadCase(database: database)
        updateCase = UpdateCase(database: database, clock: clock)
        // The national-scale lists and the statistics read a replica, where there is one.
        listCases = ListCases(database: database, readingFrom: replica)
        shareCase = ShareCase(database: database)
        addSubject = AddSubject(database: database)
        readSubject = ReadSubject(database: database)
        updateSubject = UpdateSubject(database: database)
        keepCaseAfterReview = KeepCaseAfterReview(database: database)
        eraseCasePersonalData = EraseCasePersonalData(database: database)
        idempotencyKeys = IdempotencyKeys(database: database, retention: idempotencyRetention, clock: clock)
        addAsset = AddAsset(database: database, clock: clock)
        readAsset = ReadAsset(database: database)
        updateAsset = UpdateAsset(database: database)
        listAssets = ListAssets(database: database, readingFrom: replica)
        recordValuation = RecordValuation(database: database, clock: clock)
        recordAssetEvent = RecordAssetEvent(database: database, clock: clock)
        recordManagementEvent = RecordManagementEvent(database: database, clock: clock)
        recordRecoveredValue = RecordRecoveredValue(database: database, clock: clock)
        readCaseTotals = ReadCaseTotals(database: database)
        correctEventDate = CorrectEventDate(database: database, clock: clock)
        createOrder = CreateOrder(database: database, clock: clock)
        readOrder = ReadOrder(database: database)
        finaliseOrder = FinaliseOrder(database: database, clock: clock)
        executeOrder = ExecuteOrder(database: database, clock: clock)
        liftOrder = LiftOrder(database: database, clock: clock)
        correctOrderDate = CorrectOrderDate(database: database, clock: clock)
        readAuditTrail = ReadAuditTrail(database: database)
        verifyAuditTrail = VerifyAuditTrail(database: database)
        takeAuditAnchor = TakeAuditAnchor(database: database, clock: clock)
        listSettings = ListSettings(database: database)
        importRates = ImportRates(database: database)
        // The statistics read a whole year at once: a replica, where there is one, takes that load.
        produceStatistics = ProduceStatistics(database: database, readingFrom: replica, clock: clock)
        summariseStatistics = SummariseStatistics(database: database, readingFrom: replica, clock: clock)
        explainStatistic = ExplainStatistic(database: database, readingFrom: replica, clock: clock)
        changeSetting = ChangeSetting(database: database)
        registerRequest = RegisterRequest(database: database, clock: clock)
        moveRequest = MoveRequest(database: database, clock: clock)
        readRequest = ReadRequest(database: database, clock: clock)
        listRequests = ListRequests(database: database, clock: clock)
        issueCertificate = IssueCertificate(database: database, clock: clock)
        receiveCertificate = ReceiveCertificate(database: database, clock: clock)
        listCertificates = ListCertificates(database: database, clock: clock)
        moveCertificate = MoveCertificate(database: database, clock: clock)
        linkCertificate = LinkCertificate(database: database, clock: clock)
        readCertificate = ReadCertificate(database: database, clock: clock)
        recordRecovery = RecordRecovery(database: database, clock: clock)
        initialiseExchange = InitialiseExchange(database: database, clock: clock)
        registerPartner = RegisterPartner(database: database, clock: clock)
        removePartner = RemovePartner(database: database, clock: clock)
        listPartners = ListPartners(database: database)
        receiveMessage = ReceiveMessage(database: database, clock: clock)
        listDeliveries = ListDeliveries(database: database)
        retryDelivery = RetryDelivery(database: database, clock: clock)
        exportMessages = ExportMessages(database: database)
    }
}
