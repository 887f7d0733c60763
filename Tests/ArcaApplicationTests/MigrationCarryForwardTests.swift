import ArcaApplication
import ArcaDomain
import ArcaPersistence
import ArcaTestSupport
import Foundation
import LibPQ
import Testing

/// Records written as the code before migration 0006 wrote them, then carried forward by it.
@Suite("Migration 0006 carries existing records forward")
struct MigrationCarryForwardTests {
    static let office = "BE-ARO"
    static let caseID = UUID(uuidString: "0b7e3f5a-2c61-4f0e-9a57-1d2e3c4b5a61")!
    static let car = UUID(uuidString: "1a000000-0000-4000-8000-000000000001")!
    static let account = UUID(uuidString: "1a000000-0000-4000-8000-000000000002")!
    static let cash = UUID(uuidString: "1a000000-0000-4000-8000-000000000003")!
    static let freeze = UUID(uuidString: "2b000000-0000-4000-8000-000000000001")!
    static let confiscation = UUID(uuidString: "2b000000-0000-4000-8000-000000000002")!
    static let urgentFreeze = UUID(uuidString: "2b000000-0000-4000-8000-000000000003")!
    static let sumFreeze = UUID(uuidString: "2b000000-0000-4000-8000-000000000004")!
    static let flat = UUID(uuidString: "1a000000-0000-4000-8000-000000000004")!
    static let boat = UUID(uuidString: "1a000000-0000-4000-8000-000000000005")!
    static let suspect = UUID(uuidString: "5e000000-0000-4000-8000-000000000001")!

    /// What the recording code of migrations 0001–0005 wrote for one case (the statements of its
    /// repositories, with the values it computed): a car frozen, confiscated (executed, which
    /// then meant final) and recovered; an account frozen by the same order and restituted; a
    /// flat frozen at its typed estimate and valued lower after the freeze; cash under an urgent
    /// freeze of a sum, lifted unexecuted; a freeze of a sum alone, executed; a suspect.
    static let before = """
        INSERT INTO office (code, member_state, reference_prefix, name) VALUES ('BE-ARO', 'BE', 'BE', 'Belgian ARO');
        INSERT INTO app_user (id, name, role, office_code) VALUES ('3c000000-0000-4000-8000-000000000001', 'j.peeters', 'officer', 'BE-ARO');
        INSERT INTO case_file (id, reference, office_code, title, offences, opened_on, status, origin, criminal_file_reference)
        VALUES ('\(caseID)', 'BE-2025-000001', 'BE-ARO', 'Operation Meltwater', ARRAY['sexual_exploitation_of_children', 'money_laundering'],
            '2025-03-14', 'confiscation', 'domestic_referral', 'BR.21.L8.004512/25');
        INSERT INTO asset (id, case_id, category, description, vin, country, state, estimated_amount, estimated_currency,
            freezing_amount, freezing_currency, confiscation_amount, confiscation_currency, realised_amount, realised_currency, identified_on, version)
        VALUES ('\(car)', '\(caseID)', 'motor_vehicle', 'Porsche 911 Carrera, black', 'WP0ZZZ99ZTS392124', 'NL', 'recovered', 95000.00, 'EUR',
            95000.00, 'EUR', 95000.00, 'EUR', 91500.00, 'EUR', '2025-03-21', 5);
        INSERT INTO asset (id, case_id, category, description, iban, country, state, estimated_amount, estimated_currency,
            freezing_amount, freezing_currency, identified_on, version)
        VALUES ('\(account)', '\(caseID)', 'bank_account', 'Current account at KBC, Brussels', 'BE68539007547034', 'BE', 'restituted',
            48250.75, 'EUR', 48250.75, 'EUR', '2025-03-20', 4);
        INSERT INTO asset (id, case_id, category, description, country, state, identified_on, version)
        VALUES ('\(cash)', '\(caseID)', 'cash', 'EUR 20,000 in a safe', 'BE', 'identified', '2025-03-22', 1);
        INSERT INTO asset (id, case_id, category, description, land_registry_reference, country, state, estimated_amount, estimated_currency,
            freezing_amount, freezing_currency, identified_on, version)
        VALUES ('\(flat)', '\(caseID)', 'real_estate', 'Apartment in Knokke', 'Division 3, section B, parcel 0412/02', 'BE', 'frozen',
            320000.00, 'EUR', 350000.00, 'EUR', '2025-03-24', 3);
        INSERT INTO valuation (id, asset_id, valued_on, method, amount, currency, recorded_by)
        VALUES ('4d000000-0000-4000-8000-000000000002', '\(flat)', '2025-06-01', 'expert', 320000.00, 'EUR', 'j.peeters');
        INSERT INTO asset (id, case_id, category, description, registration_mark, country, state, estimated_amount, estimated_currency,
            freezing_amount, freezing_currency, identified_on, version)
        VALUES ('\(boat)', '\(caseID)', 'vessel', 'Motor yacht Sunseeker Manhattan 52', 'OST-1234', 'BE', 'interim_sold', 90000.00, 'EUR',
            120000.00, 'EUR', '2025-03-23', 3);
        INSERT INTO subject (id, case_id, kind, name, birth_date, nationality, role)
        VALUES ('\(suspect)', '\(caseID)', 'natural_person', 'Jan Vermeulen', '1979-05-14', 'BE', 'suspect');
        INSERT INTO valuation (id, asset_id, valued_on, method, amount, currency, recorded_by)
        VALUES ('4d000000-0000-4000-8000-000000000001', '\(account)', '2025-03-25', 'market', 48250.75, 'EUR', 'j.peeters');
        INSERT INTO legal_order (id, case_id, kind, urgent, issuing_authority, decision_reference, decision_date, status, executed_on, version)
        VALUES ('\(freeze)', '\(caseID)', 'freezing', false, 'Investigating judge, Brussels', 'IJ/2025/77', '2025-04-02', 'executed', '2025-04-03', 2);
        INSERT INTO legal_order (id, case_id, kind, confiscation_type, issuing_authority, decision_reference, decision_date, status, executed_on, version)
        VALUES ('\(confiscation)', '\(caseID)', 'confiscation', 'standard', 'Brussels criminal court', '2025/0412/C', '2025-09-15', 'executed', '2025-10-20', 2);
        INSERT INTO legal_order (id, case_id, kind, urgent, issuing_authority, decision_reference, decision_date, covered_amount, covered_currency,
            status, lifted_on, version)
        VALUES ('\(urgentFreeze)', '\(caseID)', 'freezing', true, 'Public prosecutor, Brussels', 'PK/2025/5', '2025-04-05', 20000.00, 'EUR',
            'lifted', '2025-06-01', 2);
        INSERT INTO legal_order (id, case_id, kind, urgent, issuing_authority, decision_reference, decision_date, covered_amount, covered_currency,
            status, executed_on, version)
        VALUES ('\(sumFreeze)', '\(caseID)', 'freezing', false, 'Investigating judge, Brussels', 'IJ/2025/80', '2025-04-10', 75000.00, 'EUR',
            'executed', '2025-04-11', 2);
        INSERT INTO order_asset (order_id, asset_id) VALUES ('\(freeze)', '\(car)'), ('\(freeze)', '\(account)'), ('\(freeze)', '\(flat)'), ('\(freeze)', '\(boat)'),
            ('\(confiscation)', '\(car)'), ('\(urgentFreeze)', '\(cash)');
        INSERT INTO asset_event (asset_id, action, from_state, to_state, occurred_on, actor_name, reason, order_id) VALUES
            ('\(account)', 'identify', NULL, 'identified', '2025-03-20', 'j.peeters', NULL, NULL),
            ('\(car)', 'identify', NULL, 'identified', '2025-03-21', 'j.peeters', NULL, NULL),
            ('\(cash)', 'identify', NULL, 'identified', '2025-03-22', 'j.peeters', NULL, NULL),
            ('\(flat)', 'identify', NULL, 'identified', '2025-03-24', 'j.peeters', NULL, NULL),
            ('\(flat)', 'freeze', 'identified', 'frozen', '2025-04-03', 'j.peeters', 'order IJ/2025/77 executed', '\(freeze)'),
            ('\(boat)', 'identify', NULL, 'identified', '2025-03-23', 'j.peeters', NULL, NULL),
            ('\(boat)', 'freeze', 'identified', 'frozen', '2025-04-03', 'j.peeters', 'order IJ/2025/77 executed', '\(freeze)'),
            ('\(boat)', 'sell_interim', 'frozen', 'interim_sold', '2025-05-15', 'j.peeters', 'interim sale at auction', NULL),
            ('\(car)', 'freeze', 'identified', 'frozen', '2025-04-03', 'j.peeters', 'order IJ/2025/77 executed', '\(freeze)'),
            ('\(account)', 'freeze', 'identified', 'frozen', '2025-04-03', 'j.peeters', 'order IJ/2025/77 executed', '\(freeze)'),
            ('\(account)', 'restitute', 'frozen', 'restituted', '2025-05-01', 'j.peeters', NULL, NULL),
            ('\(car)', 'order_confiscation', 'frozen', 'confiscation_ordered', '2025-09-15', 'j.peeters', 'order 2025/0412/C', '\(confiscation)'),
            ('\(car)', 'finalise_confiscation', 'confiscation_ordered', 'confiscation_final', '2025-10-20', 'j.peeters',
                'order 2025/0412/C executed', '\(confiscation)'),
            ('\(car)', 'record_recovery', 'confiscation_final', 'recovered', '2025-11-10', 'j.peeters', 'sold at auction', NULL);
        """

    static func withCarriedForward(_ body: (FreshDatabase, UseCases) async throws -> Void) async throws {
        try await TestDatabase.withFresh(migrated: false) { db in
            let shipped = try Migration.embedded()
            try await Migrator(pool: db.pool, migrations: shipped.filter { $0.version <= 5 }).migrate()
            try await db.pool.transaction { _ = try await $0.session.simpleQuery(before) }
            let applied = try await Migrator(pool: db.pool, migrations: shipped).migrate()
            #expect(applied.map(\.name).first == "0006_record_legally_right")
            try await body(db, UseCases(database: Database(pool: db.pool), clock: TestClock().now))
        }
    }

    static func text(_ db: FreshDatabase, _ sql: String) async throws -> String? {
        try await db.pool.query(sql, [])[0].decode(String?.self, 0)
    }

    @Test func ordersKeepWhatTheyDidAndTellItTheNewWay() async throws {
        try await Self.withCarriedForward { _, useCases in
            let officer = try await useCases.signIn("j.peeters")
            let freeze = try await useCases.readOrder(id: Self.freeze, by: officer)
            #expect(freeze.status == .executed)
            #expect(freeze.execution == .complete)
            #expect(Set(freeze.executions.compactMap(\.assetID)) == [Self.car, Self.account, Self.flat, Self.boat])
            #expect(freeze.executedOn == (try Day("2025-04-03")))
            #expect(freeze.issuingState.value == "BE")
            #expect(freeze.executingState.value == "BE")

            let confiscation = try await useCases.readOrder(id: Self.confiscation, by: officer)
            #expect(confiscation.status == .executed)
            #expect(confiscation.finalOn == (try Day("2025-10-20")))
            #expect(confiscation.executions.map(\.assetID) == [Self.car])
            #expect(confiscation.executions.map(\.executedOn) == [try Day("2025-11-10")])
            #expect(confiscation.executions.map(\.amount) == [Money(91_500, .euro)])
            #expect(confiscation.execution == .complete)
            // it covers only the car, located in the Netherlands: executed there
            #expect(confiscation.executingState.value == "NL")

            let sum = try await useCases.readOrder(id: Self.sumFreeze, by: officer)
            #expect(sum.executedOn == (try Day("2025-04-11")))
            #expect(sum.executedAmount == Money(75_000, .euro))

            let urgent = try await useCases.readOrder(id: Self.urgentFreeze, by: officer)
            #expect(urgent.status == .lifted)
            #expect(urgent.liftedOn == (try Day("2025-06-01")))
            #expect(urgent.coveredAmount == Money(20_000, .euro))
            #expect(urgent.liftingGround == nil)
        }
    }

    @Test func assetsGetTheDaysThatFixTheirValuesAndKeepTheValues() async throws {
        try await Self.withCarriedForward { _, useCases in
            let officer = try await useCases.signIn("j.peeters")
            let car = try await useCases.readAsset(id: Self.car, by: officer)
            #expect(car.asset.state == .recovered)
            #expect(car.asset.frozenOn == (try Day("2025-04-03")))
            #expect(car.asset.confiscationOrderedOn == (try Day("2025-09-15")))
            #expect(car.asset.lastEventOn == (try Day("2025-11-10")))
            #expect(car.asset.valueAtFreezing == Money(95_000, .euro))
            #expect(car.asset.valueAtConfiscation == Money(95_000, .euro))
            #expect(car.asset.realisedValue == Money(91_500, .euro))
            #expect(car.valuations.map(\.method) == [.estimate])
            #expect(car.valuations.first?.valuedOn == (try Day("2025-03-21")))
            #expect(car.events.map(\.action) == ["identify", "freeze", "order_confiscation", "finalise_confiscation", "record_recovery"])

            let account = try await useCases.readAsset(id: Self.account, by: officer)
            #expect(account.asset.frozenOn == (try Day("2025-04-03")))
            #expect(account.asset.confiscationOrderedOn == nil)
            #expect(account.asset.lastEventOn == (try Day("2025-05-01")))
            #expect(account.valuations.map(\.method) == [.market])
            #expect(account.events.last?.reason == nil)

            let flat = try await useCases.readAsset(id: Self.flat, by: officer)
            #expect(flat.asset.valueAtFreezing == Money(350_000, .euro))
            #expect(flat.asset.estimatedValue == Money(320_000, .euro))
            #expect(flat.valuations.map(\.valuedOn.description) == ["2025-04-03", "2025-06-01"])

            let boat = try await useCases.readAsset(id: Self.boat, by: officer)
            #expect(boat.asset.interimSoldOn == (try Day("2025-05-15")))
            #expect(boat.valuations.map { "\($0.valuedOn) \($0.method.rawValue) \($0.value.amountText)" } == [
                "2025-04-03 estimate 120000.00", "2025-05-15 sale 90000.00",
            ])
            #expect(boat.asset.valueAtFreezing == Money(120_000, .euro))
            #expect(boat.asset.estimatedValue == Money(90_000, .euro))

            let cash = try await useCases.readAsset(id: Self.cash, by: officer)
            #expect(cash.asset.frozenOn == nil)
            #expect(cash.asset.lastEventOn == (try Day("2025-03-22")))
            #expect(cash.valuations.isEmpty)
            #expect(!cash.asset.isValueMissing)
        }
    }

    @Test func aValueFixedAtTheFreezeSurvivesTheNextValuation() async throws {
        try await Self.withCarriedForward { _, useCases in
            let officer = try await useCases.signIn("j.peeters")
            _ = try await useCases.recordValuation(
                assetID: Self.flat, NewValuation(valuedOn: "2025-07-01", method: "market", value: MoneyInput(amount: "310000.00", currency: "EUR")),
                by: officer)
            let flat = try await useCases.readAsset(id: Self.flat, by: officer).asset
            #expect(flat.valueAtFreezing == Money(350_000, .euro))
            #expect(flat.estimatedValue == Money(310_000, .euro))
        }
    }

    @Test func theDeploymentServesItsFirstOfficesStateAndSubjectsHaveAVersion() async throws {
        try await Self.withCarriedForward { db, useCases in
            #expect(try await Self.text(db, "SELECT member_state FROM deployment") == "BE")
            #expect(try await Self.text(db, "SELECT time_zone FROM office WHERE code = 'BE-ARO'") == "Europe/Brussels")
            let officer = try await useCases.signIn("j.peeters")
            #expect(officer.timeZone.identifier == "Europe/Brussels")
            let suspect = try await useCases.readSubject(id: Self.suspect, by: officer)
            #expect(suspect.version == 1)
            let convicted = try await useCases.updateSubject(
                id: Self.suspect, changes: SubjectChanges(role: "convicted_person"), expectedVersion: 1, by: officer)
            #expect(convicted.role == .convictedPerson)
        }
    }

    @Test func theOffenceAreaIsRenamedAsArticle83Writes() async throws {
        try await Self.withCarriedForward { db, useCases in
            let officer = try await useCases.signIn("j.peeters")
            let file = try await useCases.readCase(id: Self.caseID, by: officer)
            #expect(file.record.offences == [.sexualExploitationOfWomenAndChildren, .moneyLaundering])
            #expect(try await Self.text(db, "SELECT count(*)::text FROM case_file WHERE 'sexual_exploitation_of_children' = ANY (offences)") == "0")
        }
    }

    @Test func theLedgerIsAppendOnlyAfterwardsAndNewEventsFollowTheNewRules() async throws {
        try await Self.withCarriedForward { db, useCases in
            let officer = try await useCases.signIn("j.peeters")
            let rewrite = await #expect(throws: PostgresError.self) {
                _ = try await db.pool.query("UPDATE asset_event SET reason = 'rewritten' WHERE asset_id = $1", [Self.account])
            }
            #expect(rewrite?.sqlState == "42501")
            let erase = await #expect(throws: PostgresError.self) { _ = try await db.pool.query("DELETE FROM order_execution", []) }
            #expect(erase?.sqlState == "42501")
            #expect(try await Self.text(db, "SELECT count(*)::text FROM asset_event WHERE reason = 'rewritten'") == "0")
            await refused(.invalid(["occurredOn not-before-last-event"])) {
                try await useCases.recordAssetEvent(
                    assetID: Self.car, NewAssetEvent(
                        action: "dispose", occurredOn: "2025-11-01", reason: "auctioned", amount: MoneyInput(amount: "14200.00", currency: "EUR"),
                        outcome: "sold_auction"),
                    by: officer)
            }
            let disposed = try await useCases.recordAssetEvent(
                assetID: Self.car, NewAssetEvent(
                    action: "dispose", occurredOn: "2025-11-12", reason: "auctioned", amount: MoneyInput(amount: "14200.00", currency: "EUR"),
                    outcome: "sold_auction"),
                by: officer)
            #expect(disposed.state == .disposed)
        }
    }
}
