import ArcaApplication
import ArcaDomain
import ArcaTestSupport
import Foundation
import LibPQ
import Testing

extension TestWorld {
    /// A case opened in March 2025, so that its events fall within the ECB history on record.
    func openCase2025() async throws -> Case {
        try await openCase(title: "Operation Harbour Light: cocaine proceeds through Antwerp", openedOn: "2025-03-03")
    }

    /// The ECB rates of the last eleven business days of the real history (2025-04-24 to
    /// 2025-05-09), as the ECB publishes them: enough for events in early May 2025.
    func importLateRates() async throws {
        let lines = try String(contentsOf: Fixtures.ecbHistory, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        let file = lines.prefix(12).joined(separator: "\n") + "\n"
        _ = try await useCases.importRates(file: Data(file.utf8), named: "eurofxref-hist-tail.csv", by: admin)
    }

    func asset(_ category: String, _ description: String, to caseID: UUID, value: String?, currency: String = "EUR", iban: String? = nil)
        async throws -> Asset
    {
        try await useCases.addAsset(
            caseID: caseID,
            NewAsset(
                category: category, description: description, identifiers: IdentifierInput(iban: iban), country: "BE",
                estimatedValue: value.map { MoneyInput(amount: $0, currency: currency) }, identifiedOn: "2025-03-20"),
            by: officer)
    }

    func victim(in caseID: UUID, name: String = "Sofie Janssens") async throws -> Subject {
        try await useCases.addSubject(caseID: caseID, NewSubject(kind: "natural_person", name: name, role: "victim"), by: officer)
    }

    func manage(_ asset: Asset, _ input: NewManagementEvent) async throws -> ManagementEvent {
        try await useCases.recordManagementEvent(assetID: asset.id, input, by: officer)
    }

    func recover(_ caseID: UUID, _ input: NewRecoveredValue) async throws -> RecoveredValue {
        try await useCases.recordRecoveredValue(caseID: caseID, input, by: officer)
    }

    /// Frozen by a freezing order decided on 5 May 2025 and executed on 6 May.
    @discardableResult
    func freeze2025(_ assets: [Asset]) async throws -> LegalOrder {
        let freezing = try await order("freezing", assets: assets, on: "2025-05-05")
        return try await execute(freezing, on: "2025-05-06")
    }
}

private func euro(_ amount: String) -> MoneyInput { MoneyInput(amount: amount, currency: "EUR") }

@Suite("Use cases: management of held property, disposal details, recovered value and case totals (DOMAIN §2, §3.1)")
struct ManagementAndRecoveryTests {
    @Test func custodyAndCostsOfAFrozenCarShowInItsFileAndTheTrail() async throws {
        try await TestWorld.with { world in
            // given a car frozen on 6 May 2025
            let file = try await world.openCase2025()
            let car = try await world.asset("motor_vehicle", "Audi RS6 Avant, grey", to: file.id, value: "78000.00")
            try await world.freeze2025([car])
            // when it is handed to the asset management office and its storage is billed
            let custody = try await world.manage(
                car, NewManagementEvent(kind: "custody", occurredOn: "2025-05-07", manager: "COSC vehicle pound, Vilvoorde", reason: "towed"))
            let cost = try await world.manage(
                car, NewManagementEvent(kind: "cost", occurredOn: "2025-05-31", purpose: "storage, May", amount: euro("310.00"), reason: "invoice 2025/0412"))
            // then both stand in the asset's file, in order, and in the trail
            let read = try await world.useCases.readAsset(id: car.id, by: world.officer)
            #expect(read.management.map(\.kind) == [.custody, .cost])
            #expect(read.management.first?.manager == "COSC vehicle pound, Vilvoorde")
            #expect(read.management.last?.cost?.description == "310.00 EUR" && read.management.last?.purpose == "storage, May")
            #expect(read.asset.state == .frozen && read.asset.version == car.version + 1)
            #expect(try await world.count("SELECT count(*) FROM audit_entry WHERE operation = 'RecordManagementEvent' AND entity = 'asset_management'") == 2)
            #expect(custody.id != nil && cost.id != nil && custody.id != cost.id)
        }
    }

    @Test func propertyNeverHeldHasNoManagementAndCustodyEndsWithTheFreeze() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase2025()
            let car = try await world.asset("motor_vehicle", "Audi RS6 Avant, grey", to: file.id, value: "78000.00")
            // given a car only identified: custody is refused, naming the state
            let never = await refused(.conflict) {
                try await world.manage(car, NewManagementEvent(kind: "custody", occurredOn: "2025-04-01", manager: "COSC", reason: "towed"))
            }
            #expect(never?.description.contains("was never frozen or confiscated") == true)
            // given it frozen on 6 May, a cost dated before is refused on its date
            let freezing = try await world.freeze2025([car])
            await refused(.invalid(["occurredOn held-by-then"])) {
                try await world.manage(car, NewManagementEvent(kind: "cost", occurredOn: "2025-05-01", purpose: "towing", amount: euro("180.00"), reason: "invoice"))
            }
            // given the freeze lifted, custody is refused but the last invoice is still taken
            _ = try await world.lift(freezing, on: "2025-06-02")
            await refused(.conflict) {
                try await world.manage(car, NewManagementEvent(kind: "custody", occurredOn: "2025-06-03", manager: "COSC", reason: "towed"))
            }
            let last = try await world.manage(
                car, NewManagementEvent(kind: "cost", occurredOn: "2025-06-03", purpose: "storage until release", amount: euro("95.00"), reason: "final invoice"))
            #expect(last.cost?.description == "95.00 EUR")
        }
    }

    @Test func aManagementEventMissingItsPartsIsRefusedWithEveryViolationAtOnce() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase2025()
            let car = try await world.asset("motor_vehicle", "Audi RS6 Avant, grey", to: file.id, value: "78000.00")
            try await world.freeze2025([car])
            await refused(.invalid(["manager required", "amount not-applicable"])) {
                try await world.manage(car, NewManagementEvent(kind: "custody", occurredOn: "2025-05-07", amount: euro("10.00"), reason: "towed"))
            }
            await refused(.invalid(["purpose required", "amount required", "manager not-applicable"])) {
                try await world.manage(car, NewManagementEvent(kind: "cost", occurredOn: "2025-05-07", manager: "COSC", reason: "invoice"))
            }
            await refused(.invalid(["kind management-kind", "amount.amount positive"])) {
                try await world.manage(car, NewManagementEvent(kind: "repair", occurredOn: "2025-05-07", purpose: "x", amount: euro("0.00"), reason: "invoice"))
            }
            #expect(try await world.count("SELECT count(*) FROM asset_management") == 0)
        }
    }

    @Test func aDisposalBySaleCarriesItsProceedsAndCostsAndOneToAVictimNamesTheVictim() async throws {
        try await TestWorld.with { world in
            // given two confiscated, final and executed assets of a case with a victim and a suspect
            let file = try await world.openCase2025()
            let victim = try await world.victim(in: file.id)
            let suspect = try await world.useCases.addSubject(
                caseID: file.id, NewSubject(kind: "natural_person", name: "Dirk Wouters", role: "suspect"), by: world.officer)
            let car = try await world.asset("motor_vehicle", "Audi RS6 Avant, grey", to: file.id, value: "78000.00")
            let watch = try await world.asset("luxury_goods", "Patek Philippe Nautilus 5711", to: file.id, value: "65000.00")
            try await world.freeze2025([car, watch])
            let confiscation = try await world.order("confiscation", type: "standard", assets: [car, watch], on: "2025-05-07")
            _ = try await world.finalise(confiscation, on: "2025-05-08")
            _ = try await world.execute(
                confiscation, on: "2025-05-09",
                [.init(asset: car.id.lowercased, realised: euro("74000.00")), .init(asset: watch.id.lowercased, realised: euro("65000.00"))])
            // then a sale without its proceeds, and a victim's compensation without the victim or with the suspect, are refused
            await refused(.invalid(["amount required"])) {
                try await world.useCases.recordAssetEvent(
                    assetID: car.id, NewAssetEvent(action: "dispose", occurredOn: "2025-05-12", reason: "auctioned", outcome: "sold_auction"), by: world.officer)
            }
            await refused(.invalid(["recipientSubjectId required"])) {
                try await world.useCases.recordAssetEvent(
                    assetID: watch.id, NewAssetEvent(action: "dispose", occurredOn: "2025-05-12", reason: "to the victim", outcome: "victim_compensation"),
                    by: world.officer)
            }
            await refused(.invalid(["recipientSubjectId victim"])) {
                try await world.useCases.recordAssetEvent(
                    assetID: watch.id,
                    NewAssetEvent(
                        action: "dispose", occurredOn: "2025-05-12", reason: "to the victim", outcome: "restituted_to_victim",
                        recipient: suspect.id.lowercased),
                    by: world.officer)
            }
            await refused(.invalid(["costs not-applicable", "recipientSubjectId not-applicable"])) {
                try await world.useCases.recordAssetEvent(
                    assetID: watch.id,
                    NewAssetEvent(action: "close", occurredOn: "2025-05-12", reason: "done", costs: euro("10.00"), recipient: victim.id.lowercased),
                    by: world.officer)
            }
            // when the car is auctioned with its costs and the watch restituted to the victim
            _ = try await world.useCases.recordAssetEvent(
                assetID: car.id,
                NewAssetEvent(
                    action: "dispose", occurredOn: "2025-05-12", reason: "public auction by the COSC", amount: euro("74000.00"), outcome: "sold_auction",
                    costs: euro("1800.00")),
                by: world.officer)
            _ = try await world.useCases.recordAssetEvent(
                assetID: watch.id,
                NewAssetEvent(
                    action: "dispose", occurredOn: "2025-05-12", reason: "returned to its owner, the victim", outcome: "restituted_to_victim",
                    recipient: victim.id.lowercased),
                by: world.officer)
            // then the ledger keeps each disposal's details
            let sold = try #require(try await world.useCases.readAsset(id: car.id, by: world.officer).events.last)
            #expect(sold.outcome == .soldAuction && sold.amount?.description == "74000.00 EUR" && sold.costs?.description == "1800.00 EUR")
            let returned = try #require(try await world.useCases.readAsset(id: watch.id, by: world.officer).events.last)
            #expect(returned.outcome == .restitutedToVictim && returned.recipientID == victim.id && returned.amount == nil)
        }
    }

    @Test func aRecoveredValueNamesWhatItsSourceAndDestinationNeedAndEveryViolationAtOnce() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase2025()
            let victim = try await world.victim(in: file.id)
            let other = try await world.openCase2025()
            let elsewhere = try await world.asset("cash", "Cash found in a safe, Ghent", to: other.id, value: "12000.00")
            // when money is recorded without what its source and destination need
            await refused(.invalid(["sourceState required", "destinationState required"])) {
                try await world.recover(
                    file.id,
                    NewRecoveredValue(
                        amount: euro("5000.00"), receivedOn: "2025-05-09", source: "funds_from_another_state", destination: "share_to_another_state",
                        reason: "paid by the Dutch ARO"))
            }
            await refused(.invalid(["assetId asset-of-case"])) {
                try await world.recover(
                    file.id,
                    NewRecoveredValue(
                        amount: euro("5000.00"), receivedOn: "2025-05-09", source: "sale", destination: "state_budget", asset: elsewhere.id.lowercased,
                        reason: "sold"))
            }
            await refused(.invalid(["sourceState not-applicable", "recipientSubjectId required"])) {
                try await world.recover(
                    file.id,
                    NewRecoveredValue(
                        amount: euro("5000.00"), receivedOn: "2025-05-09", source: "seized_cash", sourceState: "NL", destination: "victim_compensation",
                        reason: "paid to the victim"))
            }
            // then one complete record is taken, with the victim it compensated
            let paid = try await world.recover(
                file.id,
                NewRecoveredValue(
                    amount: euro("5000.00"), receivedOn: "2025-05-09", source: "payment_by_convicted_person", destination: "victim_compensation",
                    recipient: victim.id.lowercased, reason: "instalment ordered by the court"))
            #expect(paid.recipientID == victim.id && paid.value.description == "5000.00 EUR")
            let shared = try await world.recover(
                file.id,
                NewRecoveredValue(
                    amount: MoneyInput(amount: "8000.00", currency: "EUR"), receivedOn: "2025-05-09", source: "funds_from_another_state", sourceState: "NL",
                    destination: "share_to_another_state", destinationState: "DE", reason: "Art 30 share passed on"))
            #expect(shared.sourceState?.value == "NL" && shared.destinationState?.value == "DE")
            #expect(try await world.count("SELECT count(*) FROM recovered_value") == 2)
            #expect(try await world.count("SELECT count(*) FROM audit_entry WHERE operation = 'RecordRecoveredValue'") == 2)
        }
    }

    @Test func aCaseShowsItsTotalsInEuroAtEachDaysRateAndNamesWhatItCouldNotConvert() async throws {
        try await TestWorld.with { world in
            try await world.importLateRates()
            // given a Swiss account of CHF 120,000, a car of EUR 95,000 and a wallet with no value, frozen on 6 May 2025
            let file = try await world.openCase2025()
            let account = try await world.asset(
                "bank_account", "Account at UBS Zurich", to: file.id, value: "120000.00", currency: "CHF", iban: "CH93 0076 2011 6238 5295 7")
            let car = try await world.asset("motor_vehicle", "Range Rover Sport, white", to: file.id, value: "95000.00")
            let wallet = try await world.asset("virtual_asset", "Hardware wallet, Ledger Nano X", to: file.id, value: nil)
            try await world.freeze2025([account, car, wallet])
            // and a value confiscation of EUR 50,000 decided on 8 May, enforced on the Swiss account
            _ = try await world.order("confiscation", type: "value", assets: [account], on: "2025-05-08", covered: "50000.00")
            // and the car's keep: EUR 1,250 of storage and USD 400 of transport
            _ = try await world.manage(
                car, NewManagementEvent(kind: "cost", occurredOn: "2025-05-07", purpose: "storage", amount: euro("1250.00"), reason: "invoice"))
            _ = try await world.manage(
                car,
                NewManagementEvent(
                    kind: "cost", occurredOn: "2025-05-08", purpose: "transport from Rotterdam", amount: MoneyInput(amount: "400.00", currency: "USD"),
                    reason: "invoice"))
            // and the car confiscated on 7 May, final on 8 May, realising EUR 91,500 on 9 May, auctioned with EUR 1,800 of costs
            let confiscation = try await world.order("confiscation", type: "standard", assets: [car], on: "2025-05-07")
            _ = try await world.finalise(confiscation, on: "2025-05-08")
            _ = try await world.execute(confiscation, on: "2025-05-09", [.init(asset: car.id.lowercased, realised: euro("91500.00"))])
            _ = try await world.useCases.recordAssetEvent(
                assetID: car.id,
                NewAssetEvent(
                    action: "dispose", occurredOn: "2025-05-09", reason: "auction", amount: euro("91500.00"), outcome: "sold_auction",
                    costs: euro("1800.00")),
                by: world.officer)
            // and EUR 20,000 received on 9 May, and USD 5,000 on 30 May, past the last rate on record (9 May)
            _ = try await world.recover(
                file.id,
                NewRecoveredValue(
                    amount: euro("20000.00"), receivedOn: "2025-05-09", source: "sale", destination: "state_budget", asset: car.id.lowercased,
                    reason: "net auction proceeds"))
            _ = try await world.recover(
                file.id,
                NewRecoveredValue(
                    amount: MoneyInput(amount: "5000.00", currency: "USD"), receivedOn: "2025-05-30", source: "payment_by_convicted_person",
                    destination: "special_fund", reason: "paid by the convicted person"))

            // when the totals are read
            let money = try await world.useCases.readCaseTotals(caseID: file.id, by: world.officer)
            let totals = money.totals

            // then frozen: 120,000 CHF / 0.9346 (6 May) = 128,397.1752… + 95,000 = 223,397.18, the wallet named as without value
            #expect(totals[.frozen].count == 3)
            #expect(totals[.frozen].euro == Decimal(string: "223397.18"))
            #expect(totals[.frozen].withoutValue.map(\.id) == [wallet.id.lowercased])
            #expect(!totals[.frozen].isComplete)
            let swiss = try #require(totals[.frozen].records.first { $0.amount.id == account.id.lowercased }?.euro)
            #expect(swiss.rate?.day.description == "2025-05-06" && swiss.rate?.rate == Decimal(string: "0.9346"))
            // confiscated: the car at its value on 7 May, and the value confiscation's sum, not the account it is enforced on as well;
            // realised: EUR 91,500
            #expect(totals[.confiscated].records.map(\.amount.entity) == ["asset", "legal_order"])
            #expect(totals[.confiscated].euro == 145_000)
            #expect(totals[.realised].count == 1 && totals[.realised].euro == Decimal(string: "91500"))
            // management costs: 1,250 + 400 USD / 1.1297 (8 May) = 354.0763… + 1,800 = 3,404.08
            #expect(totals[.managementCosts].count == 3 && totals[.managementCosts].euro == Decimal(string: "3404.08"))
            #expect(totals[.managementCosts].isComplete)
            // recovered: EUR 20,000 summed; the dollars of 30 May named, not counted as zero
            #expect(totals[.recovered].count == 2 && totals[.recovered].euro == 20000)
            #expect(totals[.recovered].unconverted.map { "\($0.currency.code) \($0.day)" } == ["USD 2025-05-30"])
            #expect(money.recovered.count == 2)
            #expect(try await world.count("SELECT count(*) FROM audit_entry WHERE operation = 'ReadCaseTotals' AND entity_id = $1", [file.id.lowercased]) == 1)
        }
    }

    @Test func theManagementAndRecoveryLedgersCannotBeRewritten() async throws {
        try await TestWorld.with { world in
            let file = try await world.openCase2025()
            let car = try await world.asset("motor_vehicle", "Audi RS6 Avant, grey", to: file.id, value: "78000.00")
            try await world.freeze2025([car])
            _ = try await world.manage(car, NewManagementEvent(kind: "custody", occurredOn: "2025-05-07", manager: "COSC", reason: "towed"))
            _ = try await world.recover(
                file.id,
                NewRecoveredValue(amount: euro("900.00"), receivedOn: "2025-05-09", source: "seized_cash", destination: "state_budget", reason: "cash"))
            for statement in [
                "UPDATE asset_management SET manager = 'someone else'", "DELETE FROM asset_management", "TRUNCATE asset_management",
                "UPDATE recovered_value SET amount = 1", "DELETE FROM recovered_value", "TRUNCATE recovered_value",
            ] {
                let refusal = await #expect(throws: PostgresError.self, "\(statement)") { _ = try await world.db.pool.query(statement, []) }
                #expect(refusal?.sqlState == "42501", "\(statement)")
            }
            #expect(try await world.count("SELECT count(*) FROM asset_management WHERE manager = 'COSC'") == 1)
            #expect(try await world.count("SELECT count(*) FROM recovered_value WHERE amount = 900") == 1)
        }
    }
}
