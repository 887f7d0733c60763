import ArcaDomain
import Testing

@Suite("Domain: settings and their defaults")
struct SettingTests {
    @Test func eachClockHasASettingWhoseDefaultIsTheLawsPeriod() {
        for rule in DeadlineRule.allCases {
            let setting = Setting.deadline(rule)
            #expect(setting.defaultValue == rule.defaultPeriod.iso)
            #expect(setting.source == rule.source)
        }
        #expect(Setting.deadlineUrgentDirectlyAccessible.defaultValue == "PT8H")
        #expect(Setting.sharingThreshold.defaultValue == "10000.00 EUR")
        #expect(Setting.sharingIssuingStatePercent.defaultValue == "50")
    }

    @Test func valuesAreStoredInTheOneFormARCAWritesThem() throws {
        #expect(try Setting.deadlineNotUrgent.normalised(" p10d ") == "P10D")
        #expect(try Setting.sharingThreshold.normalised("15000 eur") == "15000.00 EUR")
        #expect(try Setting.sharingIssuingStatePercent.normalised("37.5") == "37.5")
    }

    @Test func aValueTheSettingDoesNotTakeNamesItsRule() {
        for (setting, value, rule) in [
            (Setting.deadlineConfiscation, "45 days", "iso-duration"), (.sharingThreshold, "10000", "money"),
            (.sharingThreshold, "-1 EUR", "money"), (.sharingThreshold, "10000.00 USD", "money"), (.sharingThreshold, "10000.001 EUR", "money"),
            (.sharingIssuingStatePercent, "120", "percent"),
            // The law counts these clocks in hours, those in days: the unit is not a setting.
            (.deadlineUrgentFreezing, "P2D", "duration-unit"), (.deadlineConfiscation, "PT1080H", "duration-unit"),
        ] {
            #expect(throws: SettingError.self) { try setting.normalised(value) }
            do {
                _ = try setting.normalised(value)
            } catch {
                #expect(error.rule == rule, "\(setting) \(value)")
            }
        }
    }

    @Test func aClockRunsForTheChosenPeriodElseTheDefault() {
        let settings = Settings(chosen: [.deadlineNotUrgent: "P10D"])
        #expect(settings.period(for: .notUrgent) == .days(10))
        #expect(settings.period(for: .urgentDirectlyAccessible) == .hours(8))
    }
}
