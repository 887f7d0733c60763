import ArcaApplication
import ArcaDomain
import AsyncHTTPClient
import Foundation
import NIOCore

/// Delivers envelopes to partners' inboxes over HTTP(S) with AsyncHTTPClient.
struct HTTPCourier: Courier {
    let client: HTTPClient
    /// How long one delivery may take before it counts as failed and waits its backoff. The
    /// client keeps trying to connect until then, so an outage shorter than this costs no
    /// retry; a partner that answers later is sent the message again and takes it once.
    static let timeout: TimeAmount = .seconds(5)

    func deliver(_ envelope: String, to inboxURL: String) async -> DeliveryOutcome {
        var request = HTTPClientRequest(url: inboxURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: envelope))
        do {
            let response = try await client.execute(request, timeout: Self.timeout)
            let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
            let answer = "HTTP \(response.status.code): \(body.prefix(500))"
            switch response.status.code {
            case 200..<300:
                return Self.acknowledges(body, envelope) ? .acknowledged(body) : .failed("\(answer) (not an acknowledgement of this message)")
            // The envelope itself is wrong: sending it again cannot help.
            case 400, 413, 415, 422: return .refused(answer)
            // Anything else may pass: the partner has not registered this deployment yet (401),
            // a message about a request it does not know yet (404), a state out of step (409),
            // an outage (5xx).
            default: return .failed(answer)
            }
        } catch {
            return .failed(String(describing: error).prefix(500).description)
        }
    }

    /// Whether `body` is the partner's acknowledgement of this very message, not some page a
    /// proxy or a wrong URL answered with.
    static func acknowledges(_ body: String, _ envelope: String) -> Bool {
        guard let answer = CanonicalJSON(parsing: Array(body.utf8)), let sent = CanonicalJSON(parsing: Array(envelope.utf8)) else { return false }
        return answer["status"]?.text == "accepted" && answer["messageId"]?.text != nil && answer["messageId"] == sent["messageId"]
    }
}
