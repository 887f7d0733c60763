import ArcaApplication
import ArcaDomain
import ArcaResources
import ArgumentParser
import Foundation

struct CertificateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificates", abstract: "Freezing and confiscation certificates (Reg 2018/1805) and the amounts recovered abroad.",
        subcommands: [Issue.self, Receive.self, Link.self, Move.self, Recover.self, Show.self, List.self, Overdue.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draft an outgoing certificate carrying an order of your office to an executing state (officer or liaison).")

        @OptionGroup var acting: ActingOptions

        @Option(name: .customLong("order"), help: "The order id; a freezing order gives a freezing certificate.") var orderID: String
        @Option(help: "The executing state, ISO 3166-1 alpha-2 (NL).") var counterpartState: String
        @Option(help: "The executing state's office.") var counterpartOffice: String
        @Option(help: "The certificate's reference, if it has one already.") var externalReference: String?
        @Option(help: "arca: send it directly to the partner deployment of the executing office (arca exchange partner add).") var channel: String?
        @Flag(help: "An urgent freezing certificate (Art 9(3)); say why with --urgency-reason.") var urgent = false
        @Option(help: "Why it is urgent.") var urgencyReason: String?

        func run() async throws {
            let file = try await acting.run { useCases, caller in
                try await useCases.issueCertificate(
                    NewCertificate(
                        orderID: orderID, counterpartState: counterpartState, counterpartOffice: counterpartOffice, externalReference: externalReference,
                        channel: channel, urgent: urgent, urgencyReason: urgencyReason),
                    by: caller)
            }
            try acting.show(CertificateFileResource(file)) {
                "drafted \(file.certificate.kind.rawValue) certificate \(file.certificate.id.lowercased) to \(file.certificate.counterpart.state.value)"
            }
        }
    }

    struct Receive: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a certificate received from the issuing state (role liaison); its recognition clock starts from the receipt.",
            discussion: """
                First record the order it carries as an order of your office issued by that state (arca order create --issuing-state …). \
                An urgent freezing certificate must be recognised within 48 hours (Art 9(3)), a confiscation certificate within 45 days (Art 20(1)).
                """)

        @OptionGroup var acting: ActingOptions

        @Option(name: .customLong("order"), help: "The order it carries, recorded here with the issuing state.") var orderID: String
        @Option(help: "The issuing office.") var counterpartOffice: String
        @Option(help: "The certificate's reference.") var externalReference: String?
        @Option(help: "When it arrived (RFC 3339), if not now.") var receivedAt: String?
        @Flag(help: "An urgent freezing certificate; say why with --urgency-reason.") var urgent = false
        @Option(help: "Why it is urgent.") var urgencyReason: String?

        func run() async throws {
            let file = try await acting.run { useCases, caller in
                try await useCases.receiveCertificate(
                    IncomingCertificate(
                        orderID: orderID, counterpartOffice: counterpartOffice, externalReference: externalReference, receivedAt: receivedAt,
                        urgent: urgent, urgencyReason: urgencyReason),
                    by: caller)
            }
            try acting.show(CertificateFileResource(file)) {
                let certificate = file.certificate
                return "received \(certificate.kind.rawValue) certificate \(certificate.id.lowercased) from \(certificate.counterpart.state.value)"
                    + (certificate.clock.map { ", recognition due \(RequestCommand.local($0.deadline, file.timeZone))" } ?? ", no fixed clock (Art 9(1))")
            }
        }
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Link a certificate received from a partner deployment to the order it carries, recorded here (role liaison).",
            discussion: """
                The certificate shows the order as the issuing state describes it. Open a case for it (arca case create --from-certificate ID) \
                or pick an existing one, record the order there with the issuing state (arca order create --issuing-state …), then link it; \
                the certificate can then be recognised and executed.
                """)

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The certificate id.") var id: String
        @Option(name: .customLong("order"), help: "The order recorded here, issued by the certificate's issuing state.") var orderID: String

        func run() async throws {
            let certificateID = try parseID(id, "certificate")
            let file = try await acting.run { useCases, caller in
                try await useCases.linkCertificate(certificateID: certificateID, CertificateLink(orderID: orderID), by: caller)
            }
            try acting.show(CertificateFileResource(file)) {
                "certificate \(file.certificate.id.lowercased) carries order \(orderID) of case \(file.certificate.caseID?.lowercased ?? "-")"
            }
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a certificate on (role liaison): send, then the executing state's recognise, postpone, execute, refuse, ….")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The certificate id.") var id: String
        @Argument(help: "The move.") var action: String
        @Option(help: "Why.") var reason: String?
        @Option(help: "A refusal's ground (Reg 2018/1805 Arts 8, 19, 22).") var refusalGround: String?
        @Option(help: "When it happened (RFC 3339), if not now.") var occurredAt: String?
        @Option(help: "Sending: the certificate's reference.") var externalReference: String?
        @Option(help: "Disposing (incoming confiscation): the money realised, a decimal.") var realised: String?
        @Option(help: "Disposing: the victims' claims on it, paid first (Art 30(1)).") var victimsClaims: String?
        @Option(help: "Currency of the amounts (default EUR).") var currency: String?
        @Option(help: "Disposing: the issuing state's percentage agreed for this case, instead of the settings' rule.") var agreedPercent: String?

        func run() async throws {
            let certificateID = try parseID(id, "certificate")
            let file = try await acting.run { useCases, caller in
                try await useCases.moveCertificate(
                    certificateID: certificateID,
                    CertificateMoveInput(
                        action: action, reason: reason, refusalGround: refusalGround, occurredAt: occurredAt, externalReference: externalReference,
                        realised: moneyInput(realised, currency), victimsClaims: moneyInput(victimsClaims, currency),
                        agreedIssuingStatePercent: agreedPercent),
                    by: caller)
            }
            try acting.show(CertificateFileResource(file)) { "certificate \(file.certificate.id.lowercased): \(action) -> \(file.certificate.state.rawValue)" }
        }
    }

    struct Recover: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record an amount the executing state recovered under an outgoing confiscation certificate (role liaison).",
            discussion: "What all the states recover under one order never exceeds the amount in the order (Reg 2018/1805 Art 16).")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The certificate id.") var id: String
        @Option(help: "The amount recovered, a decimal.") var amount: String
        @Option(help: "Its currency (default EUR).") var currency: String?
        @Option(help: "The day it was recovered, YYYY-MM-DD.") var recoveredOn: String
        @Option(help: "How it was recovered.") var reason: String?

        func run() async throws {
            let certificateID = try parseID(id, "certificate")
            let file = try await acting.run { useCases, caller in
                try await useCases.recordRecovery(
                    certificateID: certificateID, NewRecovery(amount: moneyInput(amount, currency), recoveredOn: recoveredOn, reason: reason), by: caller)
            }
            try acting.show(CertificateFileResource(file)) {
                "recorded \(amount) recovered by \(file.certificate.counterpart.state.value); outstanding \(file.ledger?.outstanding.description ?? "-")"
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A certificate with its history and its order's recoveries.")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The certificate id.") var id: String

        func run() async throws {
            let certificateID = try parseID(id, "certificate")
            let file = try await acting.run { useCases, caller in try await useCases.readCertificate(id: certificateID, by: caller) }
            try acting.show(CertificateFileResource(file)) {
                let certificate = file.certificate
                var lines = [
                    "\(certificate.direction.rawValue) \(certificate.kind.rawValue) certificate \(certificate.id.lowercased), "
                        + (certificate.orderID.map { "order \($0.lowercased)" } ?? "not linked to an order here yet (arca certificates link)"),
                    "counterpart: \(certificate.counterpart.office) (\(certificate.counterpart.state.value))"
                        + (certificate.externalReference.map { ", ref \($0)" } ?? ""),
                    "state: \(certificate.state.rawValue); next: "
                        + certificate.allowedActions.map(\.rawValue).joined(separator: ", "),
                ]
                if let order = certificate.orderDescribed {
                    lines.append(
                        "the issuing state's order: \(order.kind.rawValue) \(order.decisionReference) of \(order.decisionDate), \(order.issuingAuthority)"
                            + (order.coveredAmount.map { ", \($0)" } ?? ""))
                    lines += order.personsConcerned.map { "  person: \($0.name) (\($0.kind.rawValue))" }
                    lines += order.objectsConcerned.map { "  property: \($0.category.rawValue), \($0.description) (\($0.country.value))" }
                }
                if let clock = certificate.clock {
                    lines.append(
                        "recognition due: \(RequestCommand.local(clock.deadline, file.timeZone)) (\(clock.period), \(clock.rule.source))"
                            + (certificate.decidedAt.map { " — decided \($0.formatted(.iso8601))" + (certificate.decidedLate == true ? ", late" : "") }
                                ?? (certificate.isOverdue(at: file.readAt) ? " — OVERDUE" : "")))
                }
                if let sharing = file.sharing {
                    lines.append(
                        "shared (\(SharingRule.source), \(sharing.basis.rawValue)): realised \(sharing.realised); victims \(sharing.toVictims); "
                            + "issuing state \(sharing.toIssuingState); kept here \(sharing.keptByExecutingState)")
                }
                if let ledger = file.ledger {
                    lines.append("order: \(ledger.ordered); recovered \(ledger.recovered); outstanding \(ledger.outstanding)")
                    lines += ledger.byState.map { "  \($0.state.value): \($0.recovered)" }
                }
                lines += file.events.map { event in
                    "  \(event.occurredAt.formatted(.iso8601))  \(event.action)  \(event.from?.rawValue ?? "-") -> \(event.to.rawValue)  \(event.actor)"
                        + (event.refusalGround.map { "  ground \($0.rawValue)" } ?? "") + (event.reason.map { "  \($0)" } ?? "")
                }
                return lines.joined(separator: "\n")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The office's certificates, newest first.")

        @OptionGroup var acting: ActingOptions

        @Option(name: .customLong("case"), help: "Only the certificates of this case.") var caseID: String?
        @Option(help: "incoming or outgoing.") var direction: String?
        @Option(help: "Only certificates in this state.") var state: String?
        @Option(help: "Certificates per page (1–200).") var limit: Int?
        @Option(help: "The `next` of the previous page.") var cursor: String?

        func run() async throws {
            try await CertificateCommand.list(
                RequestListRequest(caseID: caseID, direction: direction, state: state, limit: limit, cursor: cursor), acting: acting)
        }
    }

    struct Overdue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Incoming certificates past their recognition deadline, soonest first; with --due-within, those due soon as well.")

        @OptionGroup var acting: ActingOptions

        @Option(help: "Also the certificates due within this period (PT48H, P7D).") var dueWithin: String?
        @Option(help: "Certificates per page (1–200).") var limit: Int?
        @Option(help: "The `next` of the previous page.") var cursor: String?

        func run() async throws {
            try await CertificateCommand.list(
                RequestListRequest(overdue: dueWithin == nil ? "true" : nil, dueWithin: dueWithin, limit: limit, cursor: cursor), acting: acting)
        }
    }

    static func list(_ request: RequestListRequest, acting: ActingOptions) async throws {
        let list = try await acting.run { useCases, caller in try await useCases.listCertificates(request, by: caller) }
        let items = list.page.items
        try acting.show(PageResource(items: items.map { CertificateResource($0, readAt: list.readAt, timeZone: list.timeZone) }, next: list.page.next)) {
            let rows = items.map { certificate in
                [
                    certificate.direction.rawValue, certificate.kind.rawValue, certificate.state.rawValue,
                    "\(certificate.counterpart.state.value) \(certificate.counterpart.office)",
                    certificate.clock.map { RequestCommand.local($0.deadline, list.timeZone) } ?? "-",
                    certificate.clock.map { RequestCommand.left(until: $0.deadline, at: list.readAt) } ?? "-", certificate.id.lowercased,
                ]
            }
            return table(["DIRECTION", "KIND", "STATE", "COUNTERPART", "RECOGNITION DUE", "LEFT", "ID"], rows, next: list.page.next)
        }
    }
}
