import ArcaApplication
import ArcaDomain
import ArcaResources
import Foundation
import Hummingbird

/// `/v1/cases`: open, read, change, list and share cases, add their subjects, and review or
/// erase their personal data.
struct CaseRoutes {
    let useCases: UseCases

    func register(on v1: RouterGroup<ArcaRequestContext>) {
        let post = IdempotentPost(keys: useCases.idempotencyKeys)

        v1.post("cases") { request, context -> Reply in
            return try await post(request, context) { body in
                var input = NewCase(
                    title: body.string("title"), offences: body.strings("offences"), openedOn: body.string("openedOn"),
                    origin: body.string("origin"), criminalFileReference: body.string("criminalFileReference"),
                    fromRequest: body.string("fromRequest"), fromCertificate: body.string("fromCertificate"))
                input.unreadable = body.finish()
                let record = try await useCases.createCase(input, by: try context.requireCaller())
                return Reply(CaseResource(record), status: .created, etag: record.version, location: "/v1/cases/\(record.id.lowercased)")
            }
        }

        v1.get("cases") { request, context -> Reply in
            let query = request.uri.queryParameters
            let page = try await useCases.listCases(
                CaseListRequest(
                    status: query.get("status"), offence: query.get("offence"), assetCategory: query.get("assetCategory"),
                    country: query.get("country"), openedFrom: query.get("openedFrom"), openedTo: query.get("openedTo"),
                    text: query.get("q"), reviewDue: query.get("reviewDue"), limit: try request.limit(), cursor: query.get("cursor")),
                by: try context.requireCaller())
            return Reply(PageResource(items: page.items.map(CaseResource.init), next: page.next))
        }

        v1.get("cases/{id}") { request, context -> Reply in
            let file = try await useCases.readCase(id: try context.id(), by: try context.requireCaller())
            return Reply(CaseFileResource(file), etag: file.record.version)
        }

        v1.patch("cases/{id}") { request, context -> Reply in
            let id = try context.id()
            let body = try JSONObjectReader.body(try await bodyData(request, context))
            var changes = CaseChanges(
                title: body.string("title"), offences: body.strings("offences"), status: body.string("status"),
                criminalFileReference: body.change("criminalFileReference"))
            changes.unreadable = body.finish()
            let record = try await useCases.updateCase(
                id: id, changes: changes, expectedVersion: try ETag.expectedVersion(request), by: try context.requireCaller())
            return Reply(CaseResource(record), etag: record.version)
        }

        v1.post("cases/{id}/subjects") { request, context -> Reply in
            let id = try context.id()
            return try await post(request, context) { body in
                var input = NewSubject(
                    kind: body.string("kind"), name: body.string("name"), role: body.string("role"),
                    birthDate: body.string("birthDate"), nationality: body.string("nationality"),
                    registrationNumber: body.string("registrationNumber"), seat: body.string("seat"))
                input.unreadable = body.finish()
                let subject = try await useCases.addSubject(caseID: id, input, by: try context.requireCaller())
                return Reply(SubjectResource(subject), status: .created, etag: subject.version, location: "/v1/subjects/\(subject.id.lowercased)")
            }
        }

        v1.get("subjects/{id}") { _, context -> Reply in
            let subject = try await useCases.readSubject(id: try context.id(), by: try context.requireCaller())
            return Reply(SubjectResource(subject), etag: subject.version)
        }

        v1.patch("subjects/{id}") { request, context -> Reply in
            let id = try context.id()
            let body = try JSONObjectReader.body(try await bodyData(request, context))
            var changes = SubjectChanges(
                name: body.string("name"), role: body.string("role"), birthDate: body.change("birthDate"),
                nationality: body.change("nationality"), registrationNumber: body.change("registrationNumber"), seat: body.change("seat"))
            changes.unreadable = body.finish()
            let subject = try await useCases.updateSubject(
                id: id, changes: changes, expectedVersion: try ETag.expectedVersion(request), by: try context.requireCaller())
            return Reply(SubjectResource(subject), etag: subject.version)
        }

        v1.post("cases/{id}/shares") { request, context -> Reply in
            let id = try context.id()
            return try await post(request, context) { body in
                var input = CaseShare(office: body.string("office"))
                input.unreadable = body.finish()
                let sharedWith = try await useCases.shareCase(id: id, input, by: try context.requireCaller())
                return try Reply(["sharedWith": sharedWith.map(\.value)])
            }
        }

        v1.post("cases/{id}/review") { request, context -> Reply in
            let id = try context.id()
            return try await post(request, context) { body in
                var input = RetentionDecision(reason: body.string("reason"))
                input.unreadable = body.finish()
                let record = try await useCases.keepCaseAfterReview(id: id, input, by: try context.requireCaller())
                return Reply(CaseResource(record), etag: record.version)
            }
        }

        v1.post("cases/{id}/erasure") { request, context -> Reply in
            let id = try context.id()
            return try await post(request, context) { body in
                var input = RetentionDecision(reason: body.string("reason"))
                input.unreadable = body.finish()
                return try Reply(CaseErasureResource(try await useCases.eraseCasePersonalData(id: id, input, by: try context.requireCaller())))
            }
        }

        v1.post("cases/{id}/recoveries") { request, context -> Reply in
            let caseID = try context.id()
            return try await post(request, context) { body in
                var input = NewRecoveredValue(
                    amount: body.money("amount"), receivedOn: body.string("receivedOn"), source: body.string("source"),
                    sourceState: body.string("sourceState"), destination: body.string("destination"),
                    destinationState: body.string("destinationState"), recipient: body.string("recipientSubjectId"),
                    asset: body.string("assetId"), reason: body.string("reason"))
                input.unreadable = body.finish()
                let recovered = try await useCases.recordRecoveredValue(caseID: caseID, input, by: try context.requireCaller())
                return try Reply(RecoveredValueResource(recovered), status: .created, location: "/v1/cases/\(caseID.lowercased)/totals")
            }
        }

        v1.get("cases/{id}/totals") { _, context -> Reply in
            try Reply(CaseTotalsResource(try await useCases.readCaseTotals(caseID: try context.id(), by: try context.requireCaller())))
        }
    }
}

extension ArcaRequestContext {
    /// The `{id}` of the path. An id that is not a UUID names nothing: 404, like any
    /// record the caller may not see.
    func id(_ name: String = "id") throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw UseCaseError.notFound("\(parameters.get(name)?.prefix(40) ?? "record")")
        }
        return id
    }
}
