import ArcaDomain
import ArcaPersistence
import Foundation

/// Reading the parts of cross-border requests.
extension Validation {
    /// The reason an urgent request gives (required then); nil for one that is not urgent.
    mutating func urgencyReason(urgent: Bool, _ reason: String?) -> String? {
        guard urgent else {
            if reason != nil { add("urgencyReason", "not-applicable", "a request that is not urgent has no urgency reason") }
            return nil
        }
        guard let reason else {
            add("urgencyReason", "required", "an urgent request says why it is urgent (Dir 2023/977 Art 4(4))")
            return nil
        }
        return self.reason("urgencyReason", reason)
    }

    /// An instant that has happened (RFC 3339); `now` when it is left out.
    mutating func pastInstant(_ field: String, _ text: String?, now: Date) -> Date {
        guard let text, let instant = check(field, "timestamp", { () throws(TimestampError) in try Timestamp.parse(text) }) else { return now }
        guard instant <= now else {
            add(field, "not-in-future", "\(field) cannot be later than now")
            return now
        }
        return instant
    }

    /// The filters of a list of requests or certificates of `office`, read from `request`.
    mutating func exchangeFilter<State: RawRepresentable<String> & CaseIterable & Sendable & Equatable & Codable>(
        _ request: RequestListRequest, of office: OfficeCode, now: Date, timeZone: TimeZone
    ) -> ExchangeFilter<State> {
        var filter = ExchangeFilter<State>(office: office, limit: pageLimit(request.limit))
        if let text = request.caseID { filter.caseID = id("case", text) }
        filter.direction = optional("direction", request.direction, "request-direction") { (code) throws(VocabularyError) in
            try RequestDirection(rawValue: code).orRefuse(code, as: "a direction (outgoing, incoming)")
        }
        filter.state = optional("state", request.state, "state") { (code) throws(VocabularyError) in
            try State(rawValue: code).orRefuse(code, as: "a state (\(State.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        filter.dueBefore = dueBefore(overdue: request.overdue, dueWithin: request.dueWithin, now: now, timeZone: timeZone)
        filter.after = optional("cursor", request.cursor, "cursor") { (text) throws(CursorError) in try Cursor.requestPosition(text) }
        return filter
    }

    /// The deadline before which a list of what is late or due stops: now for `overdue=true`,
    /// the end of `dueWithin` (an ISO 8601 period) from now, which lists what is overdue too
    /// and so wins when both are given; nil for a list of everything.
    private mutating func dueBefore(overdue: String?, dueWithin: String?, now: Date, timeZone: TimeZone) -> Date? {
        // A filter, not a yes-or-no: "not overdue" is no list anyone works from.
        let overdue = optional("overdue", overdue, "true") { (text) throws(VocabularyError) in
            try ["true": true][text].orRefuse(text, as: "true (leave it out to list everything)")
        }
        let within = optional("dueWithin", dueWithin, "iso-duration") { (text) throws(DeadlinePeriodError) in try DeadlinePeriod(iso: text) }
        if let within { return within.deadline(from: now, in: timeZone) }
        return overdue == true ? now : nil
    }

    mutating func formText(_ field: String, _ text: String?) -> String? {
        optional(field, text, "text") { (text) throws(RecordTextError) in
            try RecordText.valid(text, length: 1...4000, what: "the \(field)", multiline: true)
        }
    }

    mutating func requestForm(_ form: RequestForm) -> RequestForm {
        RequestForm(
            offence: formText("offence", form.offence), circumstances: formText("circumstances", form.circumstances),
            informationSought: formText("informationSought", form.informationSought),
            reasonsToBelieve: formText("reasonsToBelieve", form.reasonsToBelieve), purpose: formText("purpose", form.purpose),
            restrictions: formText("restrictions", form.restrictions))
    }

    /// The request or the certificate whose messages to partners are asked for, if one is.
    mutating func exchangeThread(requestID: String?, certificateID: String?) -> UUID? {
        if requestID != nil, certificateID != nil { add("certificateId", "one-thread", "the messages of a request or of a certificate, not both") }
        return requestID.flatMap { id("requestId", $0) } ?? certificateID.flatMap { id("certificateId", $0) }
    }

    /// Only a freezing certificate is urgent.
    mutating func certificateUrgency(_ field: String, _ urgencyReason: String?, of kind: CertificateKind) {
        _ = check(field, "freezing-only") { () throws(CertificateUrgencyError) in try kind.check(urgencyReason: urgencyReason) }
    }
}

extension AssetRepository {
    /// Refuses ids, given in `field`, that are not assets of the case.
    func checkMembers(_ ids: [UUID], of caseID: UUID, field: String) async throws {
        guard !ids.isEmpty else { return }
        let assets = Set(try await inCase(caseID).map(\.id))
        var check = Validation()
        for (index, id) in ids.enumerated() where !assets.contains(id) {
            check.add("\(field)[\(index)]", "asset-of-case", "\(id.lowercased) is not an asset of this case")
        }
        try check.finish()
    }
}
