import Foundation
import HTTPTypes
import Testing

@Suite("HTTP: settings")
struct SettingRoutesTests {
    static let matrix: [(role: String, list: Int, change: Int)] = [
        ("officer", 200, 403), ("liaison", 200, 403), ("analyst", 200, 403), ("auditor", 200, 403), ("admin", 200, 200),
    ]

    @Test(arguments: matrix.indices)
    func everyRoleReadsTheSettingsAndOnlyTheAdministratorChangesThem(_ row: Int) async throws {
        let expected = Self.matrix[row]
        try await APIWorld.with { world in
            let role = expected.role
            let list = try await world.attempt(.get, "/v1/settings", as: role)
            let change = try await world.attempt(.put, "/v1/settings/deadline.information_urgent_direct", as: role, json: #"{"value":"PT6H"}"#)
            #expect(list.status == expected.list, "list as \(role)")
            #expect(change.status == expected.change, "change as \(role)")
        }
    }

    @Test func withoutATokenNothingIsShownOrChanged() async throws {
        try await APIWorld.with { world in
            let anonymous = try await world.attempt(.get, "/v1/settings", as: nil)
            let anonymousChange = try await world.attempt(.put, "/v1/settings/deadline.confiscation", as: nil, json: #"{"value":"P30D"}"#)
            #expect(anonymous.status == 401 && anonymous.isProblem)
            #expect(anonymousChange.status == 401)
            let chosen = try await world.count("setting")
            #expect(chosen == 0)
        }
    }

    @Test func anAdministratorChangesAPeriodAndTheListShowsItWithItsDefault() async throws {
        try await APIWorld.with { world in
            let changed = try await world.attempt(.put, "/v1/settings/deadline.information_urgent_direct", as: "admin", json: #"{"value":"pt6h"}"#)
            #expect(changed.status == 200)
            #expect(changed.json["value"] as? String == "PT6H")
            #expect(changed.json["defaultValue"] as? String == "PT8H")

            let list = try await world.attempt(.get, "/v1/settings", as: "officer")
            let items = list.json["items"] as? [[String: Any]] ?? []
            let urgent = items.first { $0["key"] as? String == "deadline.information_urgent_direct" }
            #expect(urgent?["value"] as? String == "PT6H")
            #expect((urgent?["source"] as? String)?.contains("Dir 2023/977") == true)
        }
    }

    @Test func aBadValueAnUnknownSettingAndAWrongTypeAreProblemsNamingTheField() async throws {
        try await APIWorld.with { world in
            let bad = try await world.attempt(.put, "/v1/settings/sharing.threshold", as: "admin", json: #"{"value":"ten thousand"}"#)
            #expect(bad.status == 422 && bad.isProblem)
            #expect(bad.fieldErrors == ["value money"])

            let unknown = try await world.attempt(.put, "/v1/settings/deadline.urgent", as: "admin", json: #"{"value":"PT4H"}"#)
            #expect(unknown.status == 422)
            #expect(unknown.fieldErrors == ["key setting"])

            let number = try await world.attempt(.put, "/v1/settings/sharing.issuing_state_percent", as: "admin", json: #"{"value":40}"#)
            #expect(number.status == 422)
            #expect(number.fieldErrors.first?.hasPrefix("value ") == true)

            let missing = try await world.attempt(.put, "/v1/settings/sharing.issuing_state_percent", as: "admin", json: "{}")
            #expect(missing.fieldErrors == ["value required"])
            let chosen = try await world.count("setting")
            #expect(chosen == 0)
        }
    }
}
