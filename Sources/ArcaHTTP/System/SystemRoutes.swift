import ArcaApplication
import Foundation
import Hummingbird

/// Liveness, readiness and the API contract.
struct SystemRoutes {
    let readiness: CheckReadiness

    func register(on router: Router<ArcaRequestContext>) {
        router.get("/healthz") { _, _ in
            Self.json(#"{"status":"up"}"#)
        }
        router.get("/readyz") { _, _ -> Response in
            switch await readiness() {
            case .ready:
                return Self.json(#"{"status":"ready"}"#)
            case .databaseUnavailable:
                throw Problem.serviceUnavailable("The database does not answer.")
            }
        }
        router.get("/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.text)))
        }
    }

    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The OpenAPI 3.1 document from `Docs/openapi.yaml`, compiled into the binary.
public enum OpenAPIDocument {
    public static var text: String {
        embeddedDocuments.first { $0.name == "openapi.yaml" }?.text ?? ""
    }
}
