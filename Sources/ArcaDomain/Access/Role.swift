/// What a user does in the office (DOMAIN §1), and so what ARCA lets them do.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Runs the system: offices, users, tokens, settings.
    case admin
    /// Records cases, subjects, assets, valuations, orders; works the deadlines.
    case officer
    /// Sends and answers cross-border requests; reads the cases they concern.
    case liaison
    /// Produces statistics; reads case records.
    case analyst
    /// Data-protection officer: reads who consulted or changed what.
    case auditor

    public var permissions: Set<Permission> {
        switch self {
        case .admin:
            return [
                .administerUsers, .changeSettings, .importRates, .produceStatistics, .readAuditTrail, .verifyAuditTrail, .administerPartners,
                .followDeliveries,
            ]
        case .officer: return [.readCases, .recordCases, .shareCases, .draftRequests, .reviewRetention]
        case .liaison: return [.readCases, .draftRequests, .exchangeRequests, .followDeliveries]
        case .analyst: return [.readCases, .produceStatistics]
        case .auditor: return [.readAuditTrail, .verifyAuditTrail]
        }
    }

    public func may(_ permission: Permission) -> Bool {
        permissions.contains(permission)
    }
}

/// The kinds of act ARCA authorises.
public enum Permission: String, CaseIterable, Sendable {
    case readCases = "read-cases"
    /// Create and change cases, subjects, assets, valuations and orders.
    case recordCases = "record-cases"
    /// Give another office access to a case of one's own office.
    case shareCases = "share-cases"
    /// At a case's review, keep its personal data for another period, or erase it from a
    /// closed case (Dir 2016/680 Arts 5, 16).
    case reviewRetention = "review-retention"
    /// Draft an outgoing cross-border request for one of the office's cases.
    case draftRequests = "draft-requests"
    /// Register incoming requests; send, triage, answer, delay, refuse and withdraw requests.
    case exchangeRequests = "exchange-requests"
    case administerUsers = "administer-users"
    /// Change the deployment's settings: the defaults of deadlines and of sharing (DOMAIN §4).
    case changeSettings = "change-settings"
    /// Import the ECB euro reference rates amounts are converted with.
    case importRates = "import-rates"
    /// Produce the yearly statistics for the Commission and see the records behind each figure.
    case produceStatistics = "produce-statistics"
    case readAuditTrail = "read-audit-trail"
    /// Check that the audit trail's chains hold, and take anchors of their heads: places and
    /// seals only, no entry's content.
    case verifyAuditTrail = "verify-audit-trail"
    /// Give the deployment its exchange identity; register and remove the partners it trusts.
    case administerPartners = "administer-partners"
    /// See what was sent to partners and whether it arrived.
    case followDeliveries = "follow-deliveries"
}
