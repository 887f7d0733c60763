import ArcaDomain
import Foundation
import ArcaPersistence

/// Reading the parts of asset and order requests.
extension Validation {
    /// An amount of money the record keeps (DOMAIN §2: exact decimal, ISO 4217, never negative).
    mutating func money(_ field: String, _ input: MoneyInput) -> Money? {
        let currency = required("\(field).currency", input.currency, "currency") { (code) throws(VocabularyError) in
            try Currency(code: code).orRefuse(code, as: "an ISO 4217 currency code such as EUR")
        }
        let amount = required("\(field).amount", input.amount, "decimal") { (text) throws(MoneyError) in try Money.parseAmount(text) }
        guard let amount, let currency else { return nil }
        return check("\(field).amount", "not-negative") { () throws(MoneyError) in try Money.recorded(amount, currency) }
    }

    /// An amount of money that is more than nothing: a cost, money received.
    mutating func positiveMoney(_ field: String, _ input: MoneyInput) -> Money? {
        guard let money = money(field, input) else { return nil }
        guard money.amount > 0 else {
            add("\(field).amount", "positive", "\(field) must be more than zero")
            return nil
        }
        return money
    }

    /// A day that has happened: events and decisions are recorded, not planned.
    mutating func pastDay(_ field: String, _ text: String?, today: Day, required isRequired: Bool = true) -> Day? {
        let day =
            isRequired
            ? required(field, text, "date") { (text) throws(DayError) in try Day(text) }
            : optional(field, text, "date") { (text) throws(DayError) in try Day(text) }
        if let day, day > today {
            add(field, "not-in-future", "\(field) cannot be after today (\(today))")
            return nil
        }
        return day
    }

    mutating func assetDescription(_ text: String) -> String? {
        check("description", "text") { () throws(RecordTextError) in
            try RecordText.valid(text, length: Asset.descriptionLength, what: "the description", multiline: true)
        }
    }

    mutating func country(_ field: String, _ code: String) -> CountryCode? {
        check(field, "country-code") { () throws(VocabularyError) in try CountryCode(code) }
    }

    mutating func propertyRole(_ code: String) -> PropertyRole? {
        check("propertyRole", "property-role") { () throws(VocabularyError) in
            try PropertyRole(rawValue: code).orRefuse(code, as: "a property role (\(PropertyRole.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    mutating func identifiers(_ input: IdentifierInput?) -> AssetIdentifiers {
        guard let input else { return AssetIdentifiers() }
        func identifier<T>(_ name: String, _ text: String?, _ parse: (String) throws(IdentifierError) -> T) -> T? {
            guard let text else { return nil }
            do {
                return try parse(text)
            } catch {
                add("identifiers.\(name)", error.rule, error.description)
                return nil
            }
        }
        return AssetIdentifiers(
            iban: identifier("iban", input.iban) { (text) throws(IdentifierError) in try IBAN(text) },
            vin: identifier("vin", input.vin) { (text) throws(IdentifierError) in try VIN(text) },
            landRegistryReference: identifier("landRegistryReference", input.landRegistryReference) {
                (text) throws(IdentifierError) in try AssetIdentifiers.validLandRegistryReference(text)
            },
            walletAddress: identifier("walletAddress", input.walletAddress) { (text) throws(IdentifierError) in
                try AssetIdentifiers.validWalletAddress(text)
            },
            registrationMark: identifier("registrationMark", input.registrationMark) { (text) throws(IdentifierError) in
                try AssetIdentifiers.validRegistrationMark(text)
            })
    }

    /// Record ids a request refers to, e.g. the owners of an asset.
    /// One record id in `field`.
    mutating func id(_ field: String, _ text: String) -> UUID? {
        guard let id = UUID(uuidString: text) else {
            add(field, "id", "\"\(text.prefix(40))\" is not an id")
            return nil
        }
        return id
    }

    mutating func ids(_ field: String, _ texts: [String]) -> [UUID] {
        var ids: [UUID] = []
        for (index, text) in texts.enumerated() {
            guard let id = UUID(uuidString: text) else {
                add("\(field)[\(index)]", "id", "\"\(text.prefix(40))\" is not an id")
                continue
            }
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    mutating func reason(_ field: String, _ text: String?) -> String? {
        optional(field, text, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: AssetEvent.reasonLength, what: "the reason", multiline: true)
        }
    }
}

extension SubjectRepository {
    /// Refuses owners that are not subjects of the asset's case.
    func checkOwners(_ owners: [UUID], of caseID: UUID) async throws {
        try await checkMembers(owners, of: caseID, field: "owners")
    }

    /// Refuses a recipient, given in `field`, that is not a victim among the case's subjects.
    func checkVictim(_ id: UUID, of caseID: UUID, field: String) async throws {
        guard let subject = try await inCase(caseID).first(where: { $0.id == id }) else {
            throw UseCaseError.invalid(field, "subject-of-case", "\(id.lowercased) is not a subject of this case")
        }
        guard subject.role == .victim else {
            throw UseCaseError.invalid(field, "victim", "\(subject.name) is recorded as \(subject.role.rawValue), not as a victim: record the victim as a subject first")
        }
    }

    /// Refuses ids, given in `field`, that are not subjects of the case.
    func checkMembers(_ ids: [UUID], of caseID: UUID, field: String) async throws {
        guard !ids.isEmpty else { return }
        let subjects = Set(try await inCase(caseID).map(\.id))
        var check = Validation()
        for (index, id) in ids.enumerated() where !subjects.contains(id) {
            check.add("\(field)[\(index)]", "subject-of-case", "\(id.lowercased) is not a subject of this case")
        }
        try check.finish()
    }
}
