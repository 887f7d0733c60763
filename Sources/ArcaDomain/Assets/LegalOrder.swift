import Foundation

/// A freezing order (urgent or ordinary) or a confiscation order (Dir 2014/42 Art 2;
/// Reg 2018/1805 Art 2), over named assets of one case or a sum of money, or both.
public struct LegalOrder: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case freezing
        case confiscation
    }

    public enum Status: String, CaseIterable, Sendable, Codable {
        /// Decided, not yet carried out.
        case issued
        /// Carried out: the assets are frozen, or the confiscation is final and enforced.
        case executed
        /// Withdrawn or quashed: the assets it held are released.
        case lifted
    }

    public let id: UUID
    public let caseID: UUID
    public let kind: Kind
    /// An urgent freeze by the competent authority before a court's order (Dir 2014/42 Art 7(2)).
    public let urgent: Bool
    public let confiscationType: ConfiscationType?
    public let issuingAuthority: String
    public let decisionReference: String
    public let decisionDate: Day
    /// The sum the order covers, for value-based orders.
    public let coveredAmount: Money?
    public let assetIDs: [UUID]
    public var status: Status
    public var executedOn: Day?
    public var liftedOn: Day?
    public var version: Int
    public let createdAt: Date

    public init(
        id: UUID, caseID: UUID, kind: Kind, urgent: Bool, confiscationType: ConfiscationType?, issuingAuthority: String,
        decisionReference: String, decisionDate: Day, coveredAmount: Money?, assetIDs: [UUID], status: Status,
        executedOn: Day?, liftedOn: Day?, version: Int, createdAt: Date
    ) throws(OrderRuleError) {
        guard (kind == .confiscation) == (confiscationType != nil) else { throw .confiscationType(kind) }
        guard !urgent || kind == .freezing else { throw .urgentConfiscation }
        guard !assetIDs.isEmpty || coveredAmount != nil else { throw .coversNothing }
        self.id = id
        self.caseID = caseID
        self.kind = kind
        self.urgent = urgent
        self.confiscationType = confiscationType
        self.issuingAuthority = issuingAuthority
        self.decisionReference = decisionReference
        self.decisionDate = decisionDate
        self.coveredAmount = coveredAmount
        self.assetIDs = assetIDs
        self.status = status
        self.executedOn = executedOn
        self.liftedOn = liftedOn
        self.version = version
        self.createdAt = createdAt
    }

    /// What issuing the order does to its assets: a confiscation order puts them under
    /// ordered confiscation at once; a freezing order acts only when executed.
    public var actionWhenIssued: AssetAction? { kind == .confiscation ? .orderConfiscation : nil }

    /// What executing the order does to its assets.
    public var actionWhenExecuted: AssetAction { kind == .freezing ? .freeze : .finaliseConfiscation }

    /// Whether the confiscation reaches `asset` without an earlier freeze: only a
    /// value-based confiscation of a sum of money does (DOMAIN §3.1; Dir 2014/42 Art 4(1)).
    public func reachesUnfrozen(_ category: AssetCategory) -> Bool {
        confiscationType == .value && category.isSumOfMoney
    }

    /// Whether the order, as it stands, holds an asset in `state`, so that lifting the order
    /// releases it: an executed freeze holds what is frozen (or sold and replaced by its
    /// proceeds), an issued confiscation what it put under ordered confiscation. Assets that
    /// moved on (confiscated under a later order, restituted) are no longer its to release.
    public func holds(_ state: AssetState) -> Bool {
        switch (kind, status) {
        case (.freezing, .executed): return state == .frozen || state == .interimSold
        case (.confiscation, .issued): return state == .confiscationOrdered
        default: return false
        }
    }

    /// Records that the order was carried out on `day`.
    public mutating func execute(on day: Day) throws(OrderRuleError) {
        guard status == .issued else { throw .notIssued(status) }
        guard day >= decisionDate else { throw .executedBeforeDecision(decisionDate) }
        status = .executed
        executedOn = day
        version += 1
    }

    /// Records that the order was withdrawn or quashed on `day`. A confiscation that became
    /// final and was enforced is not lifted; a release goes through the asset itself.
    public mutating func lift(on day: Day) throws(OrderRuleError) {
        guard status != .lifted else { throw .alreadyLifted }
        guard !(kind == .confiscation && status == .executed) else { throw .finalConfiscation }
        guard day >= decisionDate else { throw .liftedBeforeDecision(decisionDate) }
        status = .lifted
        liftedOn = day
        version += 1
    }

    public static let authorityLength = 1...300
    public static let decisionReferenceLength = 1...200
}

public enum OrderRuleError: Error, Equatable, CustomStringConvertible {
    case confiscationType(LegalOrder.Kind)
    case urgentConfiscation
    case coversNothing
    case notIssued(LegalOrder.Status)
    case executedBeforeDecision(Day)
    case liftedBeforeDecision(Day)
    case alreadyLifted
    case finalConfiscation

    public var description: String {
        switch self {
        case .confiscationType(.confiscation): return "a confiscation order needs its confiscation type"
        case .confiscationType: return "only a confiscation order has a confiscation type"
        case .urgentConfiscation: return "only a freezing order can be urgent"
        case .coversNothing: return "an order covers at least one asset or a sum of money"
        case .notIssued(let status): return "the order is already \(status.rawValue)"
        case .executedBeforeDecision(let day): return "an order cannot be executed before its decision of \(day)"
        case .liftedBeforeDecision(let day): return "an order cannot be lifted before its decision of \(day)"
        case .alreadyLifted: return "the order is already lifted"
        case .finalConfiscation: return "an executed confiscation order is final and cannot be lifted"
        }
    }
}
