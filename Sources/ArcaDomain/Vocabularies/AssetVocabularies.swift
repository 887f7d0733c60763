/// Kinds of property (DOMAIN §6).
public enum AssetCategory: String, CaseIterable, Sendable, Codable {
    case realEstate = "real_estate"
    case bankAccount = "bank_account"
    case cash
    case virtualAsset = "virtual_asset"
    case securities
    case companyInterest = "company_interest"
    case motorVehicle = "motor_vehicle"
    case vessel
    case aircraft
    case jewelleryPreciousMetals = "jewellery_precious_metals"
    case luxuryGoods = "luxury_goods"
    case artCulturalGoods = "art_cultural_goods"
    case receivableClaim = "receivable_claim"
    case ipRight = "ip_right"
    case perishable
    case instrumentality
    case otherMovable = "other_movable"
    case other

    /// Property that is itself a sum of money: the only kind a value-based confiscation
    /// may reach without an earlier freeze (DOMAIN §3.1).
    public var isSumOfMoney: Bool { self == .cash || self == .bankAccount }
}

/// Why the property is liable to confiscation (Dir 2014/42 Arts 4–6; Dir 2024/1260).
public enum PropertyRole: String, CaseIterable, Sendable, Codable {
    case proceedsDirect = "proceeds_direct"
    case proceedsIndirect = "proceeds_indirect"
    case instrumentality
    case equivalentValue = "equivalent_value"
    case extended
    case unexplainedWealth = "unexplained_wealth"
}

/// Kinds of confiscation order (DOMAIN §6; Dir 2024/1260 Art 28 statistics).
public enum ConfiscationType: String, CaseIterable, Sendable, Codable {
    case standard
    case value
    case extended
    case nonConvictionBased = "non_conviction_based"
    case thirdParty = "third_party"
    case unexplainedWealth = "unexplained_wealth"
}

/// A person's part in a case (DOMAIN §2).
public enum SubjectRole: String, CaseIterable, Sendable, Codable {
    case suspect
    case accused
    case convictedPerson = "convicted_person"
    case owner
    case thirdParty = "third_party"
    case victim
}

/// How a value was estimated (DOMAIN §2).
public enum ValuationMethod: String, CaseIterable, Sendable, Codable {
    case market
    case book
    case expert
    case sale
}
