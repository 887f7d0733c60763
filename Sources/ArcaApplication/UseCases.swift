import ArcaPersistence

/// Every use case of the application, built on one database. The composition root makes
/// one and hands it to the HTTP API and the CLI commands.
public struct UseCases: Sendable {
    public let checkReadiness: CheckReadiness
    public let authenticate: Authenticate
    public let addOffice: AddOffice
    public let addUser: AddUser
    public let issueToken: IssueToken
    public let revokeTokens: RevokeTokens
    public let createCase: CreateCase
    public let readCase: ReadCase
    public let updateCase: UpdateCase
    public let listCases: ListCases
    public let shareCase: ShareCase
    public let addSubject: AddSubject
    public let idempotencyKeys: IdempotencyKeys

    public init(database: Database) {
        checkReadiness = CheckReadiness(database: database)
        authenticate = Authenticate(database: database)
        addOffice = AddOffice(database: database)
        addUser = AddUser(database: database)
        issueToken = IssueToken(database: database)
        revokeTokens = RevokeTokens(database: database)
        createCase = CreateCase(database: database)
        readCase = ReadCase(database: database)
        updateCase = UpdateCase(database: database)
        listCases = ListCases(database: database)
        shareCase = ShareCase(database: database)
        addSubject = AddSubject(database: database)
        idempotencyKeys = IdempotencyKeys(database: database)
    }
}
