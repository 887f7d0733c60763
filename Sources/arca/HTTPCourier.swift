import ArcaApplication
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
            switch response.status.code {
            case 200..<300: return .acknowledged(body)
            // 404: the request a message is about may not have arrived yet (another worker
            // delivered it out of order); it is tried again like an outage.
            case 404, 408, 429, 500...: return .failed("HTTP \(response.status.code): \(body.prefix(500))")
            default: return .refused("HTTP \(response.status.code): \(body.prefix(500))")
            }
        } catch {
            return .failed(String(describing: error).prefix(500).description)
        }
    }
}
