import ArcaApplication
import ArcaDomain
import ArcaResources
import Foundation
import Hummingbird

/// `/v1/certificates`: freezing and confiscation certificates, their moves, and the amounts
/// recovered abroad under an order (Reg 2018/1805 Art 16).
struct CertificateRoutes {
    let useCases: UseCases

    func register(on v1: RouterGroup<ArcaRequestContext>) {
        let post = IdempotentPost(keys: useCases.idempotencyKeys)

        v1.post("certificates") { request, context -> Reply in
            try await post(request, context) { body in
                let file: CertificateFile
                let direction = body.string("direction")
                if direction == "incoming" {
                    var input = IncomingCertificate(
                        orderID: body.string("orderId"), counterpartOffice: body.string("counterpartOffice"),
                        externalReference: body.string("externalReference"), receivedAt: body.string("receivedAt"), urgent: body.bool("urgent"),
                        urgencyReason: body.string("urgencyReason"))
                    input.unreadable = body.finish()
                    file = try await useCases.receiveCertificate(input, by: try context.requireCaller())
                } else {
                    var input = NewCertificate(
                        orderID: body.string("orderId"), counterpartState: body.string("counterpartState"),
                        counterpartOffice: body.string("counterpartOffice"), externalReference: body.string("externalReference"),
                        channel: body.string("channel"), urgent: body.bool("urgent"), urgencyReason: body.string("urgencyReason"), direction: direction)
                    input.unreadable = body.finish()
                    file = try await useCases.issueCertificate(input, by: try context.requireCaller())
                }
                return try Reply(
                    CertificateFileResource(file), status: .created, etag: file.certificate.version,
                    location: "/v1/certificates/\(file.certificate.id.lowercased)")
            }
        }

        v1.get("certificates") { request, context -> Reply in
            let list = try await useCases.listCertificates(try RequestListRequest(request), by: try context.requireCaller())
            return try Reply(
                PageResource(items: list.page.items.map { CertificateResource($0, readAt: list.readAt, timeZone: list.timeZone) }, next: list.page.next))
        }

        v1.get("certificates/{id}") { _, context -> Reply in
            let file = try await useCases.readCertificate(id: try context.id(), by: try context.requireCaller())
            return try Reply(CertificateFileResource(file), etag: file.certificate.version)
        }

        v1.post("certificates/{id}/events") { request, context -> Reply in
            let certificateID = try context.id()
            return try await post(request, context) { body in
                var input = CertificateMoveInput(
                    action: body.string("action"), reason: body.string("reason"), refusalGround: body.string("refusalGround"),
                    occurredAt: body.string("occurredAt"), externalReference: body.string("externalReference"), realised: body.money("realised"),
                    victimsClaims: body.money("victimsClaims"), agreedIssuingStatePercent: body.string("agreedIssuingStatePercent"))
                input.unreadable = body.finish()
                let file = try await useCases.moveCertificate(certificateID: certificateID, input, by: try context.requireCaller())
                return try Reply(
                    CertificateFileResource(file), status: .created, etag: file.certificate.version, location: "/v1/certificates/\(certificateID.lowercased)")
            }
        }

        v1.post("certificates/{id}/link") { request, context -> Reply in
            let certificateID = try context.id()
            return try await post(request, context) { body in
                var input = CertificateLink(orderID: body.string("orderId"))
                input.unreadable = body.finish()
                let file = try await useCases.linkCertificate(certificateID: certificateID, input, by: try context.requireCaller())
                return try Reply(CertificateFileResource(file), etag: file.certificate.version, location: "/v1/certificates/\(certificateID.lowercased)")
            }
        }

        v1.post("certificates/{id}/recoveries") { request, context -> Reply in
            let certificateID = try context.id()
            return try await post(request, context) { body in
                var input = NewRecovery(amount: body.money("amount"), recoveredOn: body.string("recoveredOn"), reason: body.string("reason"))
                input.unreadable = body.finish()
                let file = try await useCases.recordRecovery(certificateID: certificateID, input, by: try context.requireCaller())
                return try Reply(
                    CertificateFileResource(file), status: .created, etag: file.certificate.version, location: "/v1/certificates/\(certificateID.lowercased)")
            }
        }
    }
}
