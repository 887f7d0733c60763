import Foundation

/// An outgoing certificate, transmitted to an executing state on `sentOn` (its date in the
/// sending office's time zone): S5 for a freeze, S6 for a confiscation.
public struct TransmittedCertificate: Hashable, Sendable {
    public let id: UUID
    public let kind: CertificateKind
    public let label: String
    public let sentOn: Day
    public let executingState: CountryCode
    public let offences: [OffenceCategory]
    public let categories: [AssetCategory]

    public init(
        id: UUID, kind: CertificateKind, label: String, sentOn: Day, executingState: CountryCode, offences: [OffenceCategory],
        categories: [AssetCategory]
    ) {
        self.id = id
        self.kind = kind
        self.label = label
        self.sentOn = sentOn
        self.executingState = executingState
        self.offences = offences
        self.categories = categories
    }
}

/// An amount an executing state recovered under an outgoing confiscation certificate (S7).
public struct RecoveredAbroad: Hashable, Sendable {
    public let id: String
    public let label: String
    public let recoveredOn: Day
    public let executingState: CountryCode
    public let offences: [OffenceCategory]
    public let amount: Money

    public init(id: String, label: String, recoveredOn: Day, executingState: CountryCode, offences: [OffenceCategory], amount: Money) {
        self.id = id
        self.label = label
        self.recoveredOn = recoveredOn
        self.executingState = executingState
        self.offences = offences
        self.amount = amount
    }
}

/// An incoming certificate's recognition decision (S8): recognised or refused on `decidedOn`
/// (a date in the receiving office's time zone), and when it was executed, if it was.
public struct RecognitionDecision: Hashable, Sendable {
    public let id: UUID
    public let kind: CertificateKind
    public let label: String
    public let issuingState: CountryCode
    public let recognised: Bool
    public let decidedOn: Day
    public let refusalGround: RefusalGround?
    public let executedOn: Day?
    public let offences: [OffenceCategory]

    public init(
        id: UUID, kind: CertificateKind, label: String, issuingState: CountryCode, recognised: Bool, decidedOn: Day, refusalGround: RefusalGround?,
        executedOn: Day?, offences: [OffenceCategory]
    ) {
        self.id = id
        self.kind = kind
        self.label = label
        self.issuingState = issuingState
        self.recognised = recognised
        self.decidedOn = decidedOn
        self.refusalGround = refusalGround
        self.executedOn = executedOn
        self.offences = offences
    }
}

/// An incoming certificate, as S9 and S10 see it: received on `receivedOn`, first executed on
/// `executedOn`, and the first day a victim received restitution or compensation from what it
/// confiscated (dates in the receiving office's time zone).
public struct ReceivedCertificate: Hashable, Sendable {
    public let id: UUID
    public let kind: CertificateKind
    public let label: String
    public let issuingState: CountryCode
    public let receivedOn: Day
    public let executedOn: Day?
    public let victimRedressOn: Day?
    public let offences: [OffenceCategory]

    public init(
        id: UUID, kind: CertificateKind, label: String, issuingState: CountryCode, receivedOn: Day, executedOn: Day?, victimRedressOn: Day?,
        offences: [OffenceCategory]
    ) {
        self.id = id
        self.kind = kind
        self.label = label
        self.issuingState = issuingState
        self.receivedOn = receivedOn
        self.executedOn = executedOn
        self.victimRedressOn = victimRedressOn
        self.offences = offences
    }
}

/// What S5–S10 are computed from.
public struct CrossBorderRecord: Sendable {
    public let transmitted: [TransmittedCertificate]
    public let recovered: [RecoveredAbroad]
    public let decisions: [RecognitionDecision]
    public let received: [ReceivedCertificate]

    public init(transmitted: [TransmittedCertificate], recovered: [RecoveredAbroad], decisions: [RecognitionDecision], received: [ReceivedCertificate]) {
        self.transmitted = transmitted
        self.recovered = recovered
        self.decisions = decisions
        self.received = received
    }
}

/// S5–S7: this state's orders sent for execution in other Member States, and what they
/// recovered there; S8: other states' orders received here, recognised and executed or
/// refused; for one calendar year, by counterpart state.
public enum CrossBorderFigures {
    /// Every value that cannot be converted is added to `missing`.
    public static func indicators(_ record: CrossBorderRecord, in year: Int, rates: RateTable, missing: inout [MissingRate]) -> [Indicator] {
        func transmitted(_ kind: CertificateKind) -> [Contribution] {
            record.transmitted.filter { $0.kind == kind && $0.sentOn.year == year }.map { certificate in
                Contribution(
                    entity: "certificate", id: certificate.id.lowercased, label: certificate.label, day: certificate.sentOn,
                    offences: certificate.offences, categories: certificate.categories, amount: nil,
                    dimensions: ["counterpart_state": certificate.executingState.value])
            }
        }
        var recovered: [Contribution] = []
        for recovery in record.recovered where recovery.recoveredOn.year == year {
            do throws(MissingRate) {
                recovered.append(
                    Contribution(
                        entity: "certificate_recovery", id: recovery.id, label: recovery.label, day: recovery.recoveredOn,
                        offences: recovery.offences, categories: [], amount: try rates.euro(recovery.amount, on: recovery.recoveredOn),
                        dimensions: ["counterpart_state": recovery.executingState.value]))
            } catch {
                missing.append(error)
            }
        }
        let decided = record.decisions.filter { $0.decidedOn.year == year }
        func decision(_ certificate: RecognitionDecision, _ dimensions: [String: String]) -> Contribution {
            Contribution(
                entity: "certificate", id: certificate.id.lowercased, label: certificate.label, day: certificate.decidedOn,
                offences: certificate.offences, categories: [], amount: nil,
                dimensions: dimensions.merging(["counterpart_state": certificate.issuingState.value, "certificate_kind": certificate.kind.rawValue]) { $1 })
        }
        // Recognised in the year and executed by its end; refused in the year, by ground.
        let recognisedAndExecuted = decided.filter { $0.recognised && ($0.executedOn.map { $0.year <= year } ?? false) }.map { decision($0, [:]) }
        let refused = decided.filter { !$0.recognised }.map { decision($0, ["refusal_ground": $0.refusalGround?.rawValue ?? "none"]) }
        func received(_ certificate: ReceivedCertificate, on day: Day, days: Int? = nil) -> Contribution {
            Contribution(
                entity: "certificate", id: certificate.id.lowercased, label: certificate.label, day: day, offences: certificate.offences,
                categories: [], amount: nil, days: days, dimensions: ["counterpart_state": certificate.issuingState.value])
        }
        // S9: confiscation certificates whose first redress of a victim is in the year.
        let redressed = record.received.compactMap { certificate -> Contribution? in
            guard certificate.kind == .confiscation, let day = certificate.victimRedressOn, day.year == year else { return nil }
            return received(certificate, on: day)
        }
        // S10: certificates first executed in the year, with the days from receipt to execution.
        func durations(_ kind: CertificateKind) -> [Contribution] {
            record.received.compactMap { certificate in
                guard certificate.kind == kind, let executed = certificate.executedOn, executed.year == year else { return nil }
                return received(certificate, on: executed, days: certificate.receivedOn.days(until: executed))
            }
        }
        return [
            .counting(.s5, transmitted(.freezing)), .counting(.s6, transmitted(.confiscation)), .summing(.s7, recovered, byCategory: false),
            .counting(.s9, redressed, byCategory: false),
            .averaging(.s10, measure: "freezing", durations(.freezing)), .averaging(.s10, measure: "confiscation", durations(.confiscation)),
            .counting(.s8, measure: "recognised_executed", recognisedAndExecuted, byCategory: false),
            .counting(.s8, measure: "refused", refused, byCategory: false),
        ]
    }
}
