import ArcaApplication
import ArcaDomain
import ArcaResources
import ArgumentParser
import Foundation

struct RequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests", abstract: "Cross-border information requests: register, move on, list what is late.",
        subcommands: [Add.self, Move.self, Show.self, List.self, Overdue.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register an incoming request as received (role liaison), or draft an outgoing one (officer or liaison).")

        @OptionGroup var acting: ActingOptions

        @Option(help: "incoming or outgoing.") var direction: String
        @Option(help: "information_request or spontaneous_information.") var kind = "information_request"
        @Option(name: .customLong("case"), help: "The case id it concerns (a case of your office).") var caseID: String
        @Option(help: "The other Member State, ISO 3166-1 alpha-2 (RO).") var counterpartState: String
        @Option(help: "The other office, as its messages name it.") var counterpartOffice: String
        @Option(help: "The channel: aro_siena, carin, interpol, europol, eurojust, eppo, fiu, eio, mla, ….") var channel = "aro_siena"
        @Option(help: "The message's reference on its channel (the SIENA reference).") var externalReference: String?
        @Flag(help: "Urgent; say why with --urgency-reason.") var urgent = false
        @Option(help: "Why it is urgent.") var urgencyReason: String?
        @Flag(help: "The information sought is directly accessible to the requested office.") var directlyAccessible = false
        @Option(help: "Incoming: when it arrived (RFC 3339), if not now.") var receivedAt: String?
        @Option(help: "The offence.") var offence: String?
        @Option(help: "The circumstances.") var circumstances: String?
        @Option(help: "The information sought.") var informationSought: String?
        @Option(help: "Why the information is believed to be in the requested state.") var reasonsToBelieve: String?
        @Option(name: .customLong("stated-purpose"), help: "The purpose the request states (--purpose says why you act).") var purpose: String?
        @Option(help: "Restrictions on the use of what is given.") var restrictions: String?
        @Option(name: .customLong("subject"), help: "A subject id of the case it concerns; repeat for several.") var subjects: [String] = []
        @Option(name: .customLong("asset"), help: "An asset id of the case it concerns; repeat for several.") var assets: [String] = []

        func run() async throws {
            let file = try await acting.run { useCases, caller in
                try await useCases.registerRequest(
                    NewRequest(
                        direction: direction, kind: kind, caseID: caseID, counterpartState: counterpartState,
                        counterpartOffice: counterpartOffice, channel: channel, externalReference: externalReference, urgent: urgent,
                        urgencyReason: urgencyReason, directlyAccessible: directlyAccessible, receivedAt: receivedAt,
                        form: RequestForm(
                            offence: offence, circumstances: circumstances, informationSought: informationSought,
                            reasonsToBelieve: reasonsToBelieve, purpose: purpose, restrictions: restrictions),
                        subjects: subjects, assets: assets),
                    by: caller)
            }
            try acting.show(RequestFileResource(file)) {
                "registered \(file.request.direction.rawValue) request \(file.request.id.lowercased) (\(file.request.state.rawValue))"
            }
        }
    }

    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a request on (role liaison): send, triage, start, notice_delay, answer_in_full, refuse, withdraw, close, ….",
            discussion: """
                Triaging an incoming request starts its clock from the receipt, sending an outgoing one from now; the \
                deadline is stored and a later change of the settings never moves it. A refusal needs --refusal-ground, a delay \
                notice --reason and --expected-on.
                """)

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The request id.") var id: String
        @Argument(help: "The move.") var action: String
        @Option(help: "Why.") var reason: String?
        @Option(help: "A refusal's ground (see GET /v1/vocabularies: refusalGrounds).") var refusalGround: String?
        @Option(help: "A delay notice: the day the answer is now expected, YYYY-MM-DD.") var expectedOn: String?
        @Flag(inversion: .prefixedNo, help: "At triage: whether it is urgent.") var urgent: Bool?
        @Option(help: "At triage: why it is urgent.") var urgencyReason: String?
        @Flag(inversion: .prefixedNo, help: "At triage: whether the information is directly accessible.") var directlyAccessible: Bool?
        @Option(help: "When it happened (RFC 3339), if not now: an answer sent before it was recorded.") var occurredAt: String?
        @Option(help: "Sending: the message's reference on its channel (the SIENA reference).") var externalReference: String?
        @Option(name: .customLong("case"), help: "At triage: the case of your office a request a partner sent directly belongs to.") var caseID: String?

        func run() async throws {
            let requestID = try parseID(id, "request")
            let file = try await acting.run { useCases, caller in
                try await useCases.moveRequest(
                    requestID: requestID,
                    RequestMoveInput(
                        action: action, reason: reason, refusalGround: refusalGround, expectedOn: expectedOn, urgent: urgent,
                        urgencyReason: urgencyReason, directlyAccessible: directlyAccessible, occurredAt: occurredAt,
                        externalReference: externalReference, caseID: caseID),
                    by: caller)
            }
            try acting.show(RequestFileResource(file)) {
                var line = "request \(file.request.id.lowercased): \(action) -> \(file.request.state.rawValue)"
                if let clock = file.request.clock { line += ", due \(RequestCommand.local(clock.deadline, file.timeZone))" }
                return line
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A request with its deadline and history.")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The request id.") var id: String

        func run() async throws {
            let requestID = try parseID(id, "request")
            let file = try await acting.run { useCases, caller in try await useCases.readRequest(id: requestID, by: caller) }
            try acting.show(RequestFileResource(file)) {
                let request = file.request
                var lines = [
                    "\(request.direction.rawValue) \(request.kind.rawValue) \(request.id.lowercased)",
                    "counterpart: \(request.counterpart.office) (\(request.counterpart.state.value)) via \(request.channel.rawValue)"
                        + (request.externalReference.map { ", ref \($0)" } ?? ""),
                    "case: " + (request.caseID?.lowercased ?? "none yet (linked at triage)"),
                    "state: \(request.state.rawValue)" + (request.answeredLate == true ? " (answered late)" : "") + "; next: "
                        + request.allowedActions.map(\.rawValue).joined(separator: ", "),
                ]
                lines += request.personsConcerned.map { "person concerned: \($0.name)" + ($0.birthDate.map { ", born \($0)" } ?? "") }
                lines += request.objectsConcerned.map { "object concerned: \($0.category.rawValue), \($0.description)" + ($0.identifiers.iban.map { ", \($0)" } ?? "") }
                if let clock = request.clock {
                    lines.append(
                        "deadline: \(RequestCommand.local(clock.deadline, file.timeZone)) (\(clock.period), \(clock.rule.source))"
                            + " — \(RequestCommand.remaining(request, at: file.readAt))")
                }
                lines += file.events.map { event in
                    "  \(event.occurredAt.formatted(.iso8601))  \(event.action)  \(event.from?.rawValue ?? "-") -> \(event.to.rawValue)  \(event.actor)"
                        + (event.refusalGround.map { "  ground \($0.rawValue)" } ?? "") + (event.expectedOn.map { "  expected \($0)" } ?? "")
                        + (event.reason.map { "  \($0)" } ?? "")
                }
                return lines.joined(separator: "\n")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The office's requests, newest first.")

        @OptionGroup var acting: ActingOptions

        @Option(name: .customLong("case"), help: "Only the requests of this case.") var caseID: String?
        @Option(help: "incoming or outgoing.") var direction: String?
        @Option(help: "Only requests in this state.") var state: String?
        @Flag(help: "Only requests past their deadline without an answer.") var overdue = false
        @Option(help: "Only requests late or due within this period (PT8H, P3D).") var dueWithin: String?
        @Option(help: "Requests per page (1–200).") var limit: Int?
        @Option(help: "The `next` of the previous page.") var cursor: String?

        func run() async throws {
            try await RequestCommand.list(
                RequestListRequest(
                    caseID: caseID, direction: direction, state: state, overdue: overdue ? "true" : nil, dueWithin: dueWithin, limit: limit,
                    cursor: cursor),
                acting: acting)
        }
    }

    struct Overdue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What is late, soonest deadline first; with --due-within, what is due soon as well.")

        @OptionGroup var acting: ActingOptions

        @Option(help: "Also the requests due within this period (PT8H, P3D).") var dueWithin: String?
        @Option(help: "Requests per page (1–200).") var limit: Int?
        @Option(help: "The `next` of the previous page.") var cursor: String?

        func run() async throws {
            try await RequestCommand.list(
                RequestListRequest(overdue: dueWithin == nil ? "true" : nil, dueWithin: dueWithin, limit: limit, cursor: cursor), acting: acting)
        }
    }

    static func list(_ request: RequestListRequest, acting: ActingOptions) async throws {
        let list = try await acting.run { useCases, caller in try await useCases.listRequests(request, by: caller) }
        let items = list.page.items
        try acting.show(PageResource(items: items.map { RequestResource($0, readAt: list.readAt, timeZone: list.timeZone) }, next: list.page.next)) {
            let rows = items.map { request in
                [
                    request.direction.rawValue, request.state.rawValue, "\(request.counterpart.state.value) \(request.counterpart.office)",
                    request.clock.map { local($0.deadline, list.timeZone) } ?? "-", remaining(request, at: list.readAt), request.id.lowercased,
                ]
            }
            return table(["DIRECTION", "STATE", "COUNTERPART", "DUE (LOCAL)", "LEFT", "ID"], rows, next: list.page.next)
        }
    }

    /// The deadline as the office reads it: its local time with the offset.
    static func local(_ instant: Date, _ timeZone: TimeZone) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        return formatter.string(from: instant)
    }

    /// "5h 12m left", "late by 1d 3h", or "-" when no answer is awaited or no clock runs.
    static func remaining(_ request: CrossBorderRequest, at now: Date) -> String {
        guard request.state.awaitsAnswer, let clock = request.clock else { return "-" }
        return left(until: clock.deadline, at: now)
    }

    /// "5h 12m left" or "late by 1d 3h".
    static func left(until deadline: Date, at now: Date) -> String {
        let seconds = Int(deadline.timeIntervalSince(now))
        let minutes = abs(seconds) / 60
        let text = minutes >= 1440 ? "\(minutes / 1440)d \(minutes % 1440 / 60)h" : "\(minutes / 60)h \(minutes % 60)m"
        return seconds < 0 ? "late by \(text)" : "\(text) left"
    }
}
