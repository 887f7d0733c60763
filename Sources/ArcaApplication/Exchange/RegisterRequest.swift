import ArcaDomain
import ArcaPersistence
import Foundation

/// Registers a cross-border information request (DOMAIN §3.3): an incoming one as it was
/// received (by a liaison officer), its clock running from the receipt; or an outgoing one as
/// a draft (by an officer or a liaison officer). Either is linked to one of the office's cases
/// and to the subjects and assets it concerns; a message of a channel is registered once.
/// Certificates follow their own lifecycle (DOMAIN §3.4) and are not registered here.
public struct RegisterRequest: Sendable {
    let database: Database
    let clock: @Sendable () -> Date

    public init(database: Database, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    public func callAsFunction(_ input: NewRequest, by caller: Caller) async throws -> RequestFile {
        var validation = Validation(reading: input)
        let direction = validation.required("direction", input.direction, "request-direction") { (code) throws(VocabularyError) in
            try RequestDirection(rawValue: code).orRefuse(code, as: "a direction (outgoing, incoming)")
        }
        let office = try caller.office(for: direction == .incoming ? .exchangeRequests : .draftRequests)
        let now = clock()
        let kinds = RequestKind.allCases.filter { !$0.isCertificate }
        let kind = validation.required("kind", input.kind, "request-kind") { (code) throws(VocabularyError) in
            try RequestKind(rawValue: code).flatMap { kinds.contains($0) ? $0 : nil }
                .orRefuse(code, as: "a kind of request (\(kinds.map(\.rawValue).joined(separator: ", "))); certificates have their own lifecycle")
        }
        let caseID = validation.required("caseId", input.caseID).flatMap { validation.id("caseId", $0) }
        let state = validation.required("counterpartState", input.counterpartState).flatMap { validation.country("counterpartState", $0) }
        let counterpartOffice = validation.required("counterpartOffice", input.counterpartOffice, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: 1...200, what: "the counterpart office")
        }
        let channel = validation.required("channel", input.channel, "channel") { (code) throws(VocabularyError) in
            try Channel(rawValue: code).orRefuse(code, as: "a channel (\(Channel.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let externalReference = validation.optional("externalReference", input.externalReference, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: 1...100, what: "the external reference")
        }
        let urgencyReason = validation.urgencyReason(urgent: input.urgent ?? false, input.urgencyReason)
        var receivedAt: Date?
        if let text = input.receivedAt {
            if direction == .outgoing {
                validation.add("receivedAt", "not-applicable", "an outgoing request is dated when it is sent")
            } else if let instant = validation.check("receivedAt", "timestamp", { () throws(TimestampError) in try Timestamp.parse(text) }) {
                if instant > now { validation.add("receivedAt", "not-in-future", "receivedAt cannot be later than now") } else { receivedAt = instant }
            }
        } else if direction == .incoming {
            receivedAt = now
        }
        let form = validation.requestForm(input.form)
        if direction == .outgoing, kind == .informationRequest, input.form.informationSought == nil {
            validation.add("informationSought", "required", "an information request says what information it seeks")
        }
        let subjects = validation.ids("subjects", input.subjects ?? [])
        let assets = validation.ids("assets", input.assets ?? [])
        try validation.finish()
        guard let direction, let kind, let caseID, let state, let counterpartOffice, let channel else { return try unreachable() }

        return try await database.transaction { store in
            guard let found = try await store.cases.find(caseID, visibleTo: office, forShare: true), found.owner == office else {
                throw UseCaseError.notFound("case \(caseID.lowercased)")
            }
            guard found.record.status != .closed else {
                throw UseCaseError.conflict("case \(found.record.reference) is closed: a request cannot be registered on it")
            }
            try await store.subjects.checkMembers(subjects, of: caseID, field: "subjects")
            try await store.assets.checkMembers(assets, of: caseID, field: "assets")
            if let externalReference,
                let twin = try await store.requests.registered(externalReference, channel: channel, direction: direction, of: office)
            {
                throw UseCaseError.conflict("\(channel.rawValue) message \(externalReference) is registered already, as request \(twin.lowercased)")
            }
            var request = CrossBorderRequest(
                id: UUID(), office: office, caseID: caseID, direction: direction, kind: kind,
                counterpart: Counterpart(state: state, office: counterpartOffice), channel: channel, externalReference: externalReference,
                urgencyReason: urgencyReason, directlyAccessible: input.directlyAccessible ?? false, form: form, subjectIDs: subjects,
                assetIDs: assets, state: RequestLifecycle.initialState(direction), receivedAt: receivedAt, clock: nil, answeredAt: nil,
                version: 1, createdAt: now, updatedAt: now)
            // An incoming request's clock runs from its receipt, on the urgency and access
            // registered, until a triage settles them.
            let settings = try await store.settings.current()
            request.startClock(period: settings.period(for:), timeZone: caller.timeZone)
            try await store.requests.add(request)
            try await store.requestEvents.append(
                requestID: request.id,
                RequestEvent(action: request.registration, from: nil, to: request.state, occurredAt: receivedAt ?? now, actor: caller.name, reason: nil))
            try await store.audit.change("RegisterRequest", by: caller, entity: "request", id: request.id.lowercased, after: request)
            return RequestFile(request: request, events: try await store.requestEvents.of(request.id), readAt: now, timeZone: caller.timeZone)
        }
    }
}
