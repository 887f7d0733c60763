import Foundation

/// A deployment setting an administrator may change: the defaults of the rules with numbers
/// (DOMAIN §4), each with its legal source. A request keeps the period and deadline it
/// started with, so a changed setting applies to clocks started afterwards only.
public enum Setting: String, CaseIterable, Sendable, Codable {
    case deadlineUrgentDirectlyAccessible = "deadline.information_urgent_direct"
    case deadlineUrgentNotDirectlyAccessible = "deadline.information_urgent_indirect"
    case deadlineNotUrgent = "deadline.information_not_urgent"
    case deadlineUrgentFreezing = "deadline.freezing_urgent"
    case deadlineConfiscation = "deadline.confiscation"
    /// Money realised on an incoming confiscation certificate up to this amount stays here.
    case sharingThreshold = "sharing.threshold"
    /// Above the threshold, the issuing state's percentage.
    case sharingIssuingStatePercent = "sharing.issuing_state_percent"
    /// How long an API token issued from now on is valid.
    case tokenLifetime = "token.lifetime"
    /// How long after its last change a case's personal data is reviewed.
    case caseReviewAfter = "case.review_after"

    /// What a setting holds.
    enum Kind {
        case deadline(DeadlineRule)
        case sharingThreshold
        case sharingPercent
        case tokenLifetime
        case reviewPeriod
    }

    /// A token's life by default: long enough not to burden users, short enough that a token
    /// forgotten on a laptop does not open the records for years.
    public static let defaultTokenLifetime = DeadlinePeriod.days(90)
    /// Three years, the review period most Member States' police-data laws set; migration 0030's
    /// `case_review_period()` holds the same default.
    public static let defaultReviewPeriod = "P3Y"

    var kind: Kind {
        switch self {
        case .deadlineUrgentDirectlyAccessible: return .deadline(.urgentDirectlyAccessible)
        case .deadlineUrgentNotDirectlyAccessible: return .deadline(.urgentNotDirectlyAccessible)
        case .deadlineNotUrgent: return .deadline(.notUrgent)
        case .deadlineUrgentFreezing: return .deadline(.urgentFreezing)
        case .deadlineConfiscation: return .deadline(.confiscation)
        case .sharingThreshold: return .sharingThreshold
        case .sharingIssuingStatePercent: return .sharingPercent
        case .tokenLifetime: return .tokenLifetime
        case .caseReviewAfter: return .reviewPeriod
        }
    }

    /// The setting that holds a clock's period.
    public static func deadline(_ rule: DeadlineRule) -> Setting {
        allCases.first { if case .deadline(rule) = $0.kind { true } else { false } }!
    }

    public var defaultValue: String {
        switch kind {
        case .deadline(let rule): return rule.defaultPeriod.iso
        case .sharingThreshold: return SharingRule.regulation.threshold!.description
        case .sharingPercent: return "\(SharingRule.regulation.issuingStatePercent)"
        case .tokenLifetime: return Self.defaultTokenLifetime.iso
        case .reviewPeriod: return Self.defaultReviewPeriod
        }
    }

    public var source: String {
        switch kind {
        case .deadline(let rule): return rule.source
        case .sharingThreshold, .sharingPercent: return SharingRule.source
        case .tokenLifetime: return "Dir 2016/680 Art 29(2) (user, access and input control)"
        case .reviewPeriod: return "Dir 2016/680 Art 5 (time limits for storage and review)"
        }
    }

    /// What the setting means, as the settings list shows it.
    public var meaning: String {
        switch kind {
        case .deadline(let rule): return "time for \(rule.due) on \(rule.summary)"
        case .sharingThreshold: return "money realised on an incoming confiscation certificate kept here up to this amount"
        case .sharingPercent: return "above the threshold, the issuing state's percentage of the money realised, after the victims' claims"
        case .tokenLifetime: return "how long an API token issued from now on is valid"
        case .reviewPeriod: return "how long after the last change to a case its personal data is reviewed (kept or erased); moves review days set from now on"
        }
    }

    /// The value as stored: checked, and written the one way ARCA writes it (`pt8h` → `PT8H`,
    /// `10000 eur` → `10000.00 EUR`).
    public func normalised(_ text: String) throws(SettingError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .deadline(let rule):
            let period: DeadlinePeriod
            do {
                period = try DeadlinePeriod(iso: trimmed)
            } catch {
                throw SettingError(setting: self, rule: "iso-duration", message: error.description)
            }
            // The law counts this clock in hours or in days; the unit decides how it runs
            // (from the instant, or to a local time), so only the number may change.
            guard period.countsHours == rule.defaultPeriod.countsHours else {
                let unit = rule.defaultPeriod.countsHours ? "hours (PT48H)" : "days (P45D)"
                throw SettingError(setting: self, rule: "duration-unit", message: "\(rule.source) counts this clock in \(unit)")
            }
            return period.iso
        case .sharingThreshold:
            // The regulation sets the threshold in euro; amounts realised in other currencies are converted to it.
            let parts = trimmed.split(separator: " ")
            guard parts.count == 2, parts[1].uppercased() == Currency.euro.code, let money = try? Money(parsing: String(parts[0]), .euro),
                !money.isNegative, money.amount == money.amount.rounded(toPlaces: Currency.euro.minorUnitDigits)
            else {
                throw SettingError(setting: self, rule: "money", message: "\"\(text.prefix(40))\" is not an amount in euro to the cent such as \"10000.00 EUR\"")
            }
            return money.description
        case .sharingPercent:
            guard let percent = try? Money.parseAmount(trimmed), percent >= 0, percent <= 100 else {
                throw SettingError(setting: self, rule: "percent", message: "\"\(text.prefix(40))\" is not a percentage between 0 and 100")
            }
            return "\(percent)"
        case .tokenLifetime:
            guard let period = try? DeadlinePeriod(iso: trimmed), case .days = period else {
                throw SettingError(setting: self, rule: "iso-duration", message: "\"\(text.prefix(40))\" is not a number of days in ISO 8601 (P90D), at most a year")
            }
            return period.iso
        case .reviewPeriod:
            do {
                return try ReviewPeriod(iso: trimmed).iso
            } catch {
                throw SettingError(setting: self, rule: "iso-duration", message: error.description)
            }
        }
    }
}

extension DeadlineRule {
    /// The requests the clock applies to, as a sentence names them.
    var summary: String {
        switch self {
        case .urgentDirectlyAccessible: return "an urgent information request for directly accessible information"
        case .urgentNotDirectlyAccessible: return "an urgent information request for information not directly accessible"
        case .notUrgent: return "an information request that is not urgent"
        case .urgentFreezing: return "an urgent freezing certificate"
        case .confiscation: return "a confiscation certificate"
        }
    }
}

/// A value a setting does not take: which rule it breaks, and why.
public struct SettingError: Error, Equatable, CustomStringConvertible {
    public let setting: Setting
    public let rule: String
    public let message: String

    public var description: String { message }
}

/// The settings in force: what an administrator chose, else the defaults.
public struct Settings: Sendable, Equatable {
    let chosen: [Setting: String]

    /// `chosen` holds normalised values, as stored.
    public init(chosen: [Setting: String]) {
        self.chosen = chosen
    }

    public func value(_ setting: Setting) -> String {
        chosen[setting] ?? setting.defaultValue
    }

    /// The period a clock started now runs for.
    public func period(for rule: DeadlineRule) -> DeadlinePeriod {
        (try? DeadlinePeriod(iso: value(.deadline(rule)))) ?? rule.defaultPeriod
    }

    /// How long a token issued now is valid.
    public var tokenLifetime: TimeInterval {
        guard case .days(let days) = (try? DeadlinePeriod(iso: value(.tokenLifetime))) ?? Setting.defaultTokenLifetime else { return 90 * 86_400 }
        return TimeInterval(days) * 86_400
    }

    /// The Art 30 sharing rule in force now: the threshold (in EUR, stored as "10000.00 EUR")
    /// and the issuing state's percentage.
    public var sharingRule: SharingRule {
        guard let amount = value(.sharingThreshold).split(separator: " ").first, let threshold = try? Money(parsing: String(amount), .euro),
            let percent = try? Money.parseAmount(value(.sharingIssuingStatePercent)),
            let rule = try? SharingRule(threshold: threshold, issuingStatePercent: percent)
        else { return .regulation }
        return rule
    }
}
