import ArcaDomain
import Foundation

/// Names, places and wording for demo cases: plausible for a Belgian office, invented.
enum DemoPeople {
    static let codenames = [
        "Meltwater", "Harbour Light", "Blue Orchid", "Silent Ledger", "Iron Tulip", "Northern Gate", "Amber Coast",
        "Glass Anchor", "Red Heron", "Quiet Mill", "Copper Dune", "Night Ferry", "Golden Weir", "Stone Lantern",
        "White Canal", "Black Meadow", "Grey Falcon", "Salt Road", "Velvet Dock", "Cobalt Bridge",
    ]
    static let schemes: [(code: String, title: String)] = [
        ("drug_trafficking", "cocaine imports through the port of Antwerp"),
        ("fraud", "VAT carousel in mobile phones"),
        ("money_laundering", "laundering through used-car dealers"),
        ("corruption", "kickbacks on public works contracts"),
        ("trafficking_in_human_beings", "exploitation in car washes"),
        ("computer_crime", "ransomware proceeds in crypto-assets"),
        ("tax_crime", "undeclared income hidden in Luxembourg"),
        ("swindling", "investment fraud targeting pensioners"),
        ("environmental_crime", "illegal waste shipments"),
        ("counterfeiting_and_piracy_of_products", "counterfeit luxury goods"),
        ("organised_or_armed_robbery", "jewellery robberies"),
        ("racketeering_and_extortion", "extortion of restaurant owners"),
        ("violation_of_union_restrictive_measures", "sanctions evasion through shell companies"),
        ("stolen_vehicles_trafficking", "stolen vehicles shipped to Africa"),
        ("cultural_goods_trafficking", "looted antiquities sold at auction"),
    ]
    static let firstNames = ["Jan", "Sofie", "Mohamed", "Lotte", "Pieter", "Amélie", "Marco", "Nadia", "Koen", "Elif", "Dimitri", "Inès", "Tomasz", "Giulia"]
    static let lastNames = ["Vermeulen", "Dubois", "El Amrani", "Peeters", "Lambert", "Rossi", "Janssens", "Nowak", "Yilmaz", "Papadopoulos", "De Smet", "Moreau"]
    static let nationalities = ["BE", "BE", "BE", "NL", "FR", "IT", "MA", "TR", "PL", "GR", "RO", "AL"]
    static let companies = ["Autohandel", "Immo", "Trading", "Logistics", "Invest", "Consult", "Import-Export", "Holding"]
    static let forms = [("BV", "BE"), ("SRL", "BE"), ("NV", "BE"), ("B.V.", "NL"), ("SARL", "LU"), ("Ltd", "CY"), ("GmbH", "DE")]
    static let authorities = [
        "Investigating judge, Brussels court of first instance", "Public prosecutor, Antwerp",
        "Federal prosecutor", "Investigating judge, Ghent court of first instance", "Public prosecutor, Liège",
    ]
    static let courts = ["Brussels criminal court", "Antwerp court of appeal", "Ghent criminal court", "Liège court of appeal", "Court of cassation"]

    static func subjects(random: inout DemoRandom) -> [NewSubject] {
        var people: [NewSubject] = []
        for index in 0..<random.int(1...3) {
            let year = random.int(1955...2002)
            people.append(
                NewSubject(
                    kind: "natural_person", name: personName(random: &random),
                    role: index == 0 ? random.pick(["suspect", "accused", "convicted_person"]) : random.pick(["suspect", "owner", "third_party", "victim"]),
                    birthDate: String(format: "%04d-%02d-%02d", year, random.int(1...12), random.int(1...28)),
                    nationality: random.pick(nationalities)))
        }
        if random.chance(60) {
            let (form, seat) = random.pick(forms)
            people.append(
                NewSubject(
                    kind: "legal_person", name: companyName(form: form, random: &random), role: "owner",
                    registrationNumber: "0\(random.digits(3)).\(random.digits(3)).\(random.digits(3))", seat: seat))
        }
        return people
    }

    static func personName(random: inout DemoRandom) -> String {
        "\(random.pick(firstNames)) \(random.pick(lastNames))"
    }

    static func companyName(form: String, random: inout DemoRandom) -> String {
        "\(random.pick(lastNames)) \(random.pick(companies)) \(form)"
    }
}

enum DemoAssets {
    static let tracing = ["found in the land registry", "bank reply to a tracing request", "vehicle register check", "open-source research"]
    static let disposals: [DisposalOutcome] = [.soldAuction, .soldAuction, .soldPrivate, .socialReuse, .publicUse, .victimCompensation, .destroyed]
    /// Property that needs keeping while frozen.
    static let managed: Set<AssetCategory> = [.motorVehicle, .vessel, .realEstate, .luxuryGoods, .artCulturalGoods]
    static let managers = [
        "Central Office for Seizure and Confiscation (COSC), Brussels", "COSC vehicle pound, Vilvoorde", "Notary D. Claes, judicial sequestrator",
    ]
    static let costs = ["storage", "insurance", "upkeep and maintenance", "expert valuation", "towing and transport"]
    static let recoveries = ["sold at public auction", "funds transferred to the Treasury", "sold by private treaty", "balance transferred by the bank"]

    /// Estimates are mostly in euro; property abroad is often valued in its own currency. The
    /// ECB quotes no rate for the dirham, so Emirati property is valued in dollars, as it often
    /// is there: every demo value converts to euro for the statistics.
    static func currency(for country: String, random: inout DemoRandom) -> String {
        switch country {
        case "CH": return "CHF"
        case "GB": return "GBP"
        case "AE": return "USD"
        case "US": return "USD"
        default: return random.chance(8) ? random.pick(["USD", "CHF", "GBP"]) : "EUR"
        }
    }

    static func asset(_ category: AssetCategory, owners: [String], identifiedOn: Day, random: inout DemoRandom) -> NewAsset {
        var identifiers = IdentifierInput()
        var country = random.pick(["BE", "BE", "BE", "NL", "LU", "FR", "ES", "DE", "CH", "AE", "GB"])
        let description: String
        let range: ClosedRange<Int>
        switch category {
        case .realEstate:
            description = random.pick(["Apartment", "Terraced house", "Villa", "Warehouse", "Commercial unit"]) + " in " + random.pick(["Antwerp", "Knokke", "Marbella", "Uccle", "Liège", "Dubai Marina"])
            identifiers.landRegistryReference = "Division \(random.int(1...40)), section \(random.pick(["A", "B", "C", "D"])), parcel \(random.digits(4))/\(random.digits(2))"
            range = 150_000...2_500_000
        case .bankAccount:
            country = random.pick(Array(bankAccountLengths.keys).sorted())
            identifiers.iban = iban(in: country, random: &random)
            description = "Current account at " + random.pick(["KBC", "BNP Paribas Fortis", "ING", "Belfius", "ABN AMRO", "Deutsche Bank", "BIL"])
            range = 5_000...800_000
        case .cash:
            description = "Banknotes found " + random.pick(["in a safe", "in a car boot", "at the suspect's home", "in a storage unit"])
            range = 2_000...400_000
        case .virtualAsset:
            identifiers.walletAddress = "bc1q" + String((0..<38).map { _ in random.pick(Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l")) })
            description = random.pick(["Bitcoin", "Tether (USDT)", "Ether", "Monero"]) + " held in a self-hosted wallet"
            range = 1_000...1_500_000
        case .securities:
            description = "Portfolio of listed shares at " + random.pick(["Euroclear", "a Luxembourg custodian", "Saxo Bank"])
            range = 20_000...900_000
        case .companyInterest:
            description = "\(random.int(25...100)) % of the shares of a holding company"
            range = 50_000...3_000_000
        case .motorVehicle:
            identifiers.vin = vin(random: &random)
            identifiers.registrationMark = registrationMark(of: category, random: &random)
            description = random.pick(["Porsche 911", "BMW X5", "Mercedes G-Class", "Range Rover Sport", "Audi RS6", "Lamborghini Urus"])
            range = 25_000...280_000
        case .vessel:
            identifiers.registrationMark = registrationMark(of: category, random: &random)
            description = random.pick(["Motor yacht", "Sailing yacht", "Speedboat"]) + " moored in " + random.pick(["Nieuwpoort", "Zeebrugge", "Antibes"])
            range = 60_000...4_000_000
        case .aircraft:
            identifiers.registrationMark = registrationMark(of: category, random: &random)
            description = random.pick(["Cessna 172", "Pilatus PC-12", "Robinson R44 helicopter"])
            range = 150_000...3_500_000
        case .jewelleryPreciousMetals:
            description = random.pick(["Gold bars", "Diamond jewellery", "Rolex watches", "Gold coins"])
            range = 10_000...600_000
        case .luxuryGoods:
            description = random.pick(["Designer handbags", "Luxury watches", "Fine wines"])
            range = 5_000...250_000
        case .artCulturalGoods:
            description = random.pick(["Oil painting attributed to a Flemish master", "Pre-Columbian statuettes", "Contemporary art collection"])
            range = 20_000...2_000_000
        case .receivableClaim:
            description = "Loan granted to " + random.pick(["a shell company", "a relative", "a construction firm"])
            range = 10_000...500_000
        case .ipRight:
            description = "Trademark registered at the EUIPO"
            range = 5_000...300_000
        case .perishable:
            description = random.pick(["Cannabis plantation equipment", "Container of frozen shrimp", "Stock of cigarettes"])
            range = 2_000...120_000
        case .instrumentality:
            description = random.pick(["Drug-processing laboratory equipment", "Van used for transport", "Encrypted phones"])
            range = 1_000...60_000
        case .otherMovable:
            description = random.pick(["Construction machinery", "Horses", "Office furniture"])
            range = 3_000...200_000
        case .other:
            description = "Life-insurance policy"
            range = 10_000...400_000
        }
        let amount = "\(random.int(range)).\(random.int(10...99))"
        return NewAsset(
            category: category.rawValue, description: description, identifiers: identifiers, country: country,
            propertyRole: random.pick(PropertyRole.allCases).rawValue, owners: owners,
            estimatedValue: MoneyInput(amount: amount, currency: currency(for: country, random: &random)),
            identifiedOn: identifiedOn.description)
    }

    /// Account lengths (BBAN) of the banks demo accounts are held at, by country.
    static let bankAccountLengths = ["BE": 12, "NL": 14, "DE": 18, "LU": 16]

    /// An account number with valid check digits at a bank in `country` (nil for a country
    /// the demo has no banks in).
    static func iban(in country: String, random: inout DemoRandom) -> String? {
        guard let length = bankAccountLengths[country] else { return nil }
        let bban = country == "NL" ? random.pick(["ABNA", "INGB", "RABO"]) + random.digits(10) : random.digits(length)
        return (try? IBAN.make(country: country, bban: bban))?.value
    }

    static func vin(random: inout DemoRandom) -> String {
        random.pick(["WP0ZZZ", "WBAZZZ", "WDBZZZ", "VF1ZZZ", "ZFAZZZ", "YV1ZZZ"]) + String((0..<11).map { _ in random.pick(Array("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")) })
    }

    /// A Belgian car plate, vessel or aircraft mark; nil for property that carries none.
    static func registrationMark(of category: AssetCategory, random: inout DemoRandom) -> String? {
        let letters = Array("ABCDEFGHJKLMNPRSTUVWXYZ")
        switch category {
        case .motorVehicle: return "\(random.int(1...2))-\(String((0..<3).map { _ in random.pick(letters) }))-\(random.digits(3))"
        case .vessel: return "OST-\(random.digits(3))"
        case .aircraft: return "OO-\(String((0..<3).map { _ in random.pick(letters) }))"
        default: return nil
        }
    }

    static func valuation(of asset: Asset, on day: Day, random: inout DemoRandom) -> NewValuation {
        NewValuation(
            valuedOn: day.description, method: random.pick(ValuationMethod.allCases).rawValue,
            value: fraction(of: asset.estimatedValue, random: &random))
    }

    /// 60–115 % of an amount, in its currency: what a sale or a new estimate fetches.
    static func fraction(of value: Money?, random: inout DemoRandom) -> MoneyInput {
        guard let value else { return MoneyInput(amount: "\(random.int(1_000...50_000)).00", currency: "EUR") }
        let percent = Decimal(random.int(60...115)) / 100
        let rounded = (value.amount * percent).rounded(toPlaces: 2)
        return MoneyInput(amount: Money(rounded, value.currency).amountText, currency: value.currency.code)
    }
}
