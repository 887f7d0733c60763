import ArcaDomain
import ArcaPersistence
import Foundation

/// Moves a cross-border request on (DOMAIN §3.3), as its table of legal moves allows: one
/// event with the actor, the time it happened and the reason, and an audit entry, in one
/// transaction. Sending an outgoing request starts its clock; triaging an incoming one
/// settles its clock, still counted from the receipt. The deadline is stored and a later
/// change of the settings never moves it; an answer is dated, so a late one shows as late.
/// A request exchanged directly with a partner (channel `arca`) writes the message its move
/// sends to the outbox, in the same transaction.
public struct MoveRequest: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    /// `expectedVersion`, when given (`If-Match`), is the version the caller's move was decided on.
    public func callAsFunction(
        requestID: UUID, _ input: RequestMoveInput, expectedVersion: ExpectedVersion? = nil, by caller: Caller
    ) async throws -> RequestFile {
        try await callAsFunction(requestID: requestID, input, expectedVersion: expectedVersion, dated: nil, by: caller)
    }

    /// `dated`: the instant a partner's message says the move happened (ReceiveMessage).
    func callAsFunction(
        requestID: UUID, _ input: RequestMoveInput, expectedVersion: ExpectedVersion? = nil, dated: Date?, by caller: Caller
    ) async throws -> RequestFile {
        let office = try caller.office(for: .exchangeRequests)
        let now = clock()
        var validation = Validation(reading: input)
        let action = validation.required("action", input.action, "request-action") { (code) throws(VocabularyError) in
            try RequestAction(rawValue: code).orRefuse(code, as: "a request action (\(RequestAction.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let reason = validation.reason("reason", input.reason)
        let ground = validation.optional("refusalGround", input.refusalGround, "refusal-ground") { (code) throws(VocabularyError) in
            try RefusalGround(rawValue: code).orRefuse(code, as: "a refusal ground (\(RefusalGround.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let expectedOn = validation.optional("expectedOn", input.expectedOn, "date") { (text) throws(DayError) in try Day(text) }
        if action == .refuse, input.refusalGround == nil {
            validation.add("refusalGround", "required", "a refusal names its ground (DOMAIN §6)")
        } else if action != .refuse, input.refusalGround != nil {
            validation.add("refusalGround", "not-applicable", "only a refusal has a ground")
        }
        if action == .noticeDelay {
            if input.expectedOn == nil { validation.add("expectedOn", "required", "a delay notice says when the answer is expected") }
            if input.reason == nil { validation.add("reason", "required", "a delay notice says why the answer is late (Dir 2023/977 Art 5(2))") }
            // A partner's notice is history by the time it arrives: its day may have passed.
            if let expectedOn, dated == nil, expectedOn < caller.today(now) {
                validation.add("expectedOn", "not-in-past", "the answer cannot be expected before today (\(caller.today(now)))")
            }
        } else if input.expectedOn != nil {
            validation.add("expectedOn", "not-applicable", "only a delay notice has an expected date")
        }
        if action != .triage {
            for (field, given) in [("urgent", input.urgent != nil), ("urgencyReason", input.urgencyReason != nil), ("directlyAccessible", input.directlyAccessible != nil)]
            where given {
                validation.add(field, "not-applicable", "urgency and access are settled when a request is triaged")
            }
        }
        let urgencyReason = action == .triage ? input.urgent.map { validation.urgencyReason(urgent: $0, input.urgencyReason) } : nil
        if action == .triage, input.urgent == nil, input.urgencyReason != nil {
            validation.add("urgencyReason", "not-applicable", "urgencyReason goes with urgent: true")
        }
        let externalReference = validation.optional("externalReference", input.externalReference, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: 1...100, what: "the external reference")
        }
        if action != .send, input.externalReference != nil {
            validation.add("externalReference", "not-applicable", "the channel's reference is given when a request is registered or sent")
        }
        let caseID = input.caseID.flatMap { validation.id("caseId", $0) }
        if action != .triage, input.caseID != nil {
            validation.add("caseId", "not-applicable", "an incoming request is linked to a case when it is triaged")
        }
        let occurredAt = dated ?? validation.pastInstant("occurredAt", input.occurredAt, now: now)
        try validation.finish()
        guard let action else { return try unreachable() }

        return try await database.transaction { store in
            guard let request = try await store.requests.find(requestID, of: office, forUpdate: true) else {
                throw UseCaseError.notFound("request \(requestID.lowercased)")
            }
            if let expectedVersion { try UseCaseError.requireCurrent(expectedVersion, request.version, of: "request \(requestID.lowercased)") }
            let history = try await store.requestEvents.of(request.id)
            try Self.check(on: request, at: occurredAt, after: history, ground: ground)
            if request.isPartnersMove(action) != (dated != nil) {
                throw UseCaseError.conflict(
                    dated == nil
                        ? "request \(requestID.lowercased) is exchanged directly: \(request.counterpart.office) records \(action.rawValue) in its own deployment and it arrives from there"
                        : "the partner cannot \(action.rawValue) request \(requestID.lowercased): that move is this office's")
            }
            var moved = request
            if let urgencyReason { moved.urgencyReason = urgencyReason }
            if action == .triage, let accessible = input.directlyAccessible { moved.directlyAccessible = accessible }
            if let externalReference { moved.externalReference = externalReference }
            if let caseID { try await Self.link(&moved, to: caseID, in: store) }
            if action == .send, moved.channel == .arca, moved.externalReference == nil { moved.externalReference = moved.id.lowercased }
            let settings = try await store.settings.current()
            do throws(RequestTransitionError) {
                try moved.apply(action, at: occurredAt, period: settings.period(for:), timeZone: caller.timeZone)
            } catch {
                throw UseCaseError.conflict("request \(request.id.lowercased): \(error.description)")
            }
            moved.updatedAt = now
            moved.version += 1
            guard try await store.requests.update(moved) else {
                throw UseCaseError.conflict("request \(request.id.lowercased) was changed meanwhile: try again")
            }
            let event = RequestEvent(
                action: action.rawValue, from: request.state, to: moved.state, occurredAt: occurredAt, actor: caller.name, reason: reason,
                refusalGround: ground, expectedOn: expectedOn)
            try await store.requestEvents.append(requestID: request.id, event)
            try await store.announce(action, from: request.state, of: moved, event: event, at: now)
            try await store.audit.change("MoveRequest", by: caller, entity: "request", id: request.id.lowercased, before: request, after: moved, reason: reason)
            return RequestFile(request: moved, events: try await store.requestEvents.of(request.id), readAt: now, timeZone: caller.timeZone)
        }
    }

    /// Links an incoming request that has no case yet to a case of the office.
    private static func link(_ request: inout CrossBorderRequest, to caseID: UUID, in store: Store) async throws {
        if let linked = request.caseID, linked != caseID {
            throw UseCaseError.conflict("request \(request.id.lowercased) belongs to case \(linked.lowercased) already")
        }
        guard let found = try await store.cases.find(caseID, visibleTo: request.office, forShare: true), found.owner == request.office else {
            throw UseCaseError.notFound("case \(caseID.lowercased)")
        }
        request.caseID = caseID
    }

    /// What a move needs of the request as it stands: a ground that can refuse its kind, and a
    /// time not before its latest event.
    private static func check(
        on request: CrossBorderRequest, at occurredAt: Date, after history: [RequestEvent], ground: RefusalGround?
    ) throws {
        var validation = Validation()
        if let ground, !ground.applies(to: request.kind) {
            validation.add(
                "refusalGround", "refusal-ground",
                "a \(request.kind.rawValue.replacingOccurrences(of: "_", with: " ")) is refused on one of: "
                    + RefusalGround.grounds(for: request.kind).map(\.rawValue).joined(separator: ", "))
        }
        if let last = history.last, occurredAt < last.occurredAt {
            validation.add("occurredAt", "not-before-last-event", "the request's latest event happened at \(last.occurredAt.formatted(.iso8601))")
        }
        try validation.finish()
    }
}
