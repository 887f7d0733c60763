/// Offence categories (DOMAIN §6): the areas of Art 83(1) TFEU and the 32 offences of the
/// mutual-recognition list (Reg 2018/1805 Art 3(1)), plus tax crimes and a catch-all.
public enum OffenceCategory: String, CaseIterable, Sendable, Codable {
    case participationInCriminalOrganisation = "participation_in_criminal_organisation"
    case terrorism
    case traffickingInHumanBeings = "trafficking_in_human_beings"
    /// Art 83(1) TFEU as written; covers the list's "sexual exploitation of children and
    /// child pornography".
    case sexualExploitationOfWomenAndChildren = "sexual_exploitation_of_women_and_children"
    case drugTrafficking = "drug_trafficking"
    case armsTrafficking = "arms_trafficking"
    case corruption
    case fraud
    case moneyLaundering = "money_laundering"
    case counterfeitingCurrency = "counterfeiting_currency"
    case computerCrime = "computer_crime"
    case environmentalCrime = "environmental_crime"
    case facilitationOfUnauthorisedEntry = "facilitation_of_unauthorised_entry"
    case murderOrGrievousBodilyInjury = "murder_or_grievous_bodily_injury"
    case organTrafficking = "organ_trafficking"
    case kidnapping
    case racismAndXenophobia = "racism_and_xenophobia"
    case organisedOrArmedRobbery = "organised_or_armed_robbery"
    case culturalGoodsTrafficking = "cultural_goods_trafficking"
    case swindling
    case racketeeringAndExtortion = "racketeering_and_extortion"
    case counterfeitingAndPiracyOfProducts = "counterfeiting_and_piracy_of_products"
    case forgeryOfAdministrativeDocuments = "forgery_of_administrative_documents"
    case forgeryOfMeansOfPayment = "forgery_of_means_of_payment"
    case hormonalSubstancesTrafficking = "hormonal_substances_trafficking"
    case nuclearMaterialsTrafficking = "nuclear_materials_trafficking"
    case stolenVehiclesTrafficking = "stolen_vehicles_trafficking"
    case rape
    case arson
    case internationalCriminalCourtCrimes = "international_criminal_court_crimes"
    case unlawfulSeizureOfAircraftOrShips = "unlawful_seizure_of_aircraft_or_ships"
    case sabotage
    case violationOfUnionRestrictiveMeasures = "violation_of_union_restrictive_measures"
    case taxCrime = "tax_crime"
    case other
}
