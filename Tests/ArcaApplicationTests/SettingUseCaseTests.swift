import ArcaApplication
import ArcaDomain
import ArcaTestSupport
import Foundation
import Testing

@Suite("Use cases: settings")
struct SettingUseCaseTests {
    @Test func everySettingIsListedWithItsDefaultAndSource() async throws {
        try await TestWorld.with { world in
            let settings = try await world.useCases.listSettings()
            #expect(settings.map(\.key) == Setting.allCases.map(\.rawValue))
            let urgent = try #require(settings.first { $0.key == "deadline.information_urgent_direct" })
            #expect(urgent.value == "PT8H" && urgent.defaultValue == "PT8H")
            #expect(urgent.source.contains("FD 2006/960 Art 4"))
        }
    }

    @Test func anAdministratorChangesADeadlinesDefaultAndTheTrailKeepsBothValues() async throws {
        try await TestWorld.with { world in
            let changed = try await world.useCases.changeSetting(key: "deadline.information_not_urgent", SettingChange(value: "p10d"), by: world.admin)

            #expect(changed.value == "P10D" && changed.defaultValue == "P7D")
            let listed = try await world.useCases.listSettings().first { $0.key == "deadline.information_not_urgent" }
            #expect(listed?.value == "P10D")
            let entries = try await world.database.transaction { try await $0.audit.entries(entity: "setting", id: "deadline.information_not_urgent") }
            #expect(entries.map(\.operation) == ["ChangeSetting"])
            #expect(entries.first?.before == #"{"value": "P7D"}"#)
            #expect(entries.first?.after == #"{"value": "P10D"}"#)
        }
    }

    @Test func twoAdministratorsChangingOneSettingAtOnceLeaveATrailWhereEachBeforeIsTheOtherOnesAfter() async throws {
        try await TestWorld.with { world in
            async let first = world.useCases.changeSetting(key: "deadline.confiscation", SettingChange(value: "P30D"), by: world.admin)
            async let second = world.useCases.changeSetting(key: "deadline.confiscation", SettingChange(value: "P40D"), by: .commandLine())
            _ = try await (first, second)

            let entries = try await world.database.transaction { try await $0.audit.entries(entity: "setting", id: "deadline.confiscation") }
            #expect(entries.count == 2)
            #expect(entries.first?.before == #"{"value": "P45D"}"#)
            #expect(entries.last?.before == entries.first?.after)
            let kept = try await world.useCases.listSettings().first { $0.key == "deadline.confiscation" }
            #expect(kept.map { #"{"value": "\#($0.value)"}"# } == entries.last?.after)
        }
    }

    @Test(arguments: ["officer", "liaison", "analyst", "auditor"])
    func onlyAnAdministratorChangesASetting(_ role: String) async throws {
        try await TestWorld.with { world in
            let callers = ["officer": world.officer, "liaison": world.liaison, "analyst": world.analyst, "auditor": world.auditor]
            let caller = try #require(callers[role])
            await #expect(throws: UseCaseError.self) {
                try await world.useCases.changeSetting(key: "sharing.issuing_state_percent", SettingChange(value: "40"), by: caller)
            }
            let percent = try await world.useCases.listSettings().first { $0.key == "sharing.issuing_state_percent" }
            #expect(percent?.value == "50")
        }
    }

    @Test func anUnknownSettingAndABadValueAreRefusedByNameAndNothingChanges() async throws {
        try await TestWorld.with { world in
            await #expect(throws: UseCaseError.invalid([
                FieldViolation(
                    field: "key", rule: "setting",
                    message: "\"deadline.urgent\" is not a setting (\(Setting.allCases.map(\.rawValue).joined(separator: ", ")))"),
            ])) {
                try await world.useCases.changeSetting(key: "deadline.urgent", SettingChange(value: "PT4H"), by: world.admin)
            }
            let refused = await #expect(throws: UseCaseError.self) {
                try await world.useCases.changeSetting(key: "sharing.threshold", SettingChange(value: "ten thousand"), by: world.admin)
            }
            #expect(refused?.violations.map(\.field) == ["value"])
            #expect(refused?.violations.map(\.rule) == ["money"])
            let chosen = try await world.count("SELECT count(*) FROM setting")
            #expect(chosen == 0)
        }
    }
}
