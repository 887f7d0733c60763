import ArcaDomain
import ArcaPersistence
import Foundation

/// Moves a cross-border request on (DOMAIN §3.3), as its table of legal moves allows: one
/// event with the actor and reason, and an audit entry, in one transaction. Triaging an
/// incoming request, or sending an outgoing one, starts its clock with the period the
/// settings give at that moment; the deadline is stored and never moves afterwards.
public struct MoveRequest: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(requestID: UUID, _ input: RequestMoveInput, by caller: Caller) async throws -> RequestFile {
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
            if let expectedOn, expectedOn < caller.today(now) {
                validation.add("expectedOn", "not-in-past", "the answer cannot be expected before today (\(caller.today(now)))")
            }
        } else if input.expectedOn != nil {
            validation.add("expectedOn", "not-applicable", "only a delay notice has an expected date")
        }
        let settlesUrgency = input.urgent != nil || input.directlyAccessible != nil || input.urgencyReason != nil
        if settlesUrgency, action != .triage {
            validation.add("urgent", "not-applicable", "urgency and access are settled when a request is triaged")
        }
        let urgencyReason = input.urgent.map { validation.urgencyReason(urgent: $0, input.urgencyReason) }
        if input.urgent == nil, input.urgencyReason != nil, action == .triage {
            validation.add("urgencyReason", "not-applicable", "urgencyReason goes with urgent: true")
        }
        try validation.finish()
        guard let action else { return try unreachable() }

        return try await database.transaction { store in
            guard let request = try await store.requests.find(requestID, of: office, forUpdate: true) else {
                throw UseCaseError.notFound("request \(requestID.lowercased)")
            }
            var moved = request
            if action == .triage {
                if let urgencyReason { moved.urgencyReason = urgencyReason }
                if let accessible = input.directlyAccessible { moved.directlyAccessible = accessible }
            }
            let settings = try await store.settings.current()
            do throws(RequestTransitionError) {
                try moved.apply(action, at: now, period: settings.period(for:), timeZone: caller.timeZone)
            } catch {
                throw UseCaseError.conflict("request \(request.id.lowercased): \(error.description)")
            }
            moved.version += 1
            guard try await store.requests.update(moved) else {
                throw UseCaseError.conflict("request \(request.id.lowercased) was changed meanwhile: try again")
            }
            try await store.requestEvents.append(
                requestID: request.id,
                RequestEvent(
                    action: action.rawValue, from: request.state, to: moved.state, occurredAt: now, actor: caller.name, reason: reason,
                    refusalGround: ground, expectedOn: expectedOn))
            try await store.audit.change("MoveRequest", by: caller, entity: "request", id: request.id.lowercased, before: request, after: moved, reason: reason)
            return RequestFile(request: moved, events: try await store.requestEvents.of(request.id), readAt: now, timeZone: caller.timeZone)
        }
    }
}
