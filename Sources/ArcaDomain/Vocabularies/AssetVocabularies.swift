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
    /// The recording officer's own estimate when the asset was identified.
    case estimate
}

/// What finally became of confiscated property (DOMAIN §6; Reg 2018/1805 Art 30).
public enum DisposalOutcome: String, CaseIterable, Sendable, Codable {
    case soldAuction = "sold_auction"
    case soldPrivate = "sold_private"
    case interimSale = "interim_sale"
    case destroyed
    /// Given for social re-use (Dir 2024/1260 Art 19).
    case socialReuse = "social_reuse"
    case publicUse = "public_use"
    case restitutedToVictim = "restituted_to_victim"
    case victimCompensation = "victim_compensation"
    case returnedToOwner = "returned_to_owner"
    case transferredToIssuingState = "transferred_to_issuing_state"
    case sharedWithState = "shared_with_state"
    case retainedByExecutingState = "retained_by_executing_state"

    /// Sold: the disposal has gross proceeds.
    public var isSale: Bool { self == .soldAuction || self == .soldPrivate }

    /// The property, or the money from it, went to a victim, who is named.
    public var redressesVictim: Bool { self == .restitutedToVictim || self == .victimCompensation }
}

/// Why a freezing or confiscation order was lifted.
public enum LiftingGround: String, CaseIterable, Sendable, Codable {
    /// The person was acquitted or discharged.
    case acquittal
    case proceedingsDiscontinued = "proceedings_discontinued"
    case quashedOnAppeal = "quashed_on_appeal"
    /// An urgent freeze replaced by the court order that confirms it (Dir 2014/42 Art 7(2)).
    case replacedByConfirmingOrder = "replaced_by_confirming_order"
    /// An urgent freeze that no court confirmed in time (Dir 2014/42 Art 7(2)).
    case notConfirmed = "not_confirmed"
    /// The freeze lapsed: no answer to a request to limit it (Reg 2018/1805 Art 12).
    case timeLimitExpired = "time_limit_expired"
    /// The sum the order secured was paid.
    case amountPaid = "amount_paid"
    /// Returned to the victim (Reg 2018/1805 Art 29).
    case restitutionToVictim = "restitution_to_victim"
    /// The issuing state withdrew the certificate (Reg 2018/1805 Arts 15, 27).
    case withdrawnByIssuingState = "withdrawn_by_issuing_state"
    case other
}
