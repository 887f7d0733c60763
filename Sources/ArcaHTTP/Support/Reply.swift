import ArcaApplication
import ArcaResources
import Foundation
import HTTPTypes
import Hummingbird

/// A JSON answer held as UTF-8, so that it can be remembered for an idempotent replay.
struct Reply: ResponseGenerator {
    var status: HTTPResponse.Status
    var headers: [String: String]
    var body: [UInt8]

    init(_ value: some Encodable, status: HTTPResponse.Status = .ok, etag: Int? = nil, location: String? = nil) throws {
        self.init(body: Array(try Self.encoder.encode(value)), status: status, etag: etag, location: location)
    }

    /// The resources read most write themselves, byte for byte as `encoder` would.
    init(_ value: some JSONWritable, status: HTTPResponse.Status = .ok, etag: Int? = nil, location: String? = nil) {
        self.init(body: JSONWriter.write(value), status: status, etag: etag, location: location)
    }

    /// JSON written elsewhere, such as an acknowledgement kept with the message it acknowledges.
    init(json: String, status: HTTPResponse.Status = .ok) {
        self.init(body: Array(json.utf8), status: status, etag: nil, location: nil)
    }

    private init(body: [UInt8], status: HTTPResponse.Status, etag: Int?, location: String?) {
        self.status = status
        self.headers = [:]
        self.body = body
        if let etag { headers[HTTPField.Name.eTag.rawName] = ETag.header(etag) }
        if let location { headers[HTTPField.Name.location.rawName] = location }
    }

    init(remembered: RememberedResponse) {
        self.status = HTTPResponse.Status(code: remembered.status)
        self.headers = remembered.headers
        self.body = Array(remembered.body.utf8)
    }

    var remembered: RememberedResponse {
        RememberedResponse(status: status.code, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    /// camelCase names as declared, RFC 3339 UTC timestamps, stable key order.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        for (name, value) in headers {
            if let name = HTTPField.Name(name) { fields[name] = value }
        }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// Versions travel as strong ETags: `"3"`.
enum ETag {
    static func header(_ version: Int) -> String { "\"\(version)\"" }

    /// The versions `If-Match` names (RFC 9110 §13.1.1); nil when the header is absent.
    /// `*` is whichever version is current; a weak tag (`W/"3"`) or a strong tag that is not
    /// one of ours never matches, so the change is refused as stale (412). A header that is
    /// neither `*` nor a list of entity tags is refused as malformed (422).
    static func expectedVersion(_ request: Request) throws(UseCaseError) -> ExpectedVersion? {
        let values = request.headers[values: .ifMatch]
        guard !values.isEmpty else { return nil }
        let header = values.joined(separator: ",")
        if header.trimmingCharacters(in: .whitespaces) == "*" { return .anyCurrent }
        guard let tags = entityTags(header) else {
            throw .invalid("If-Match", "entity-tag", "If-Match is * or entity tags separated by commas, such as \"3\"")
        }
        return .oneOf(
            Set(tags.compactMap { tag in
                // Entity tags compare character by character: "03" is not "3".
                Int(tag.dropFirst().dropLast()).flatMap { ETag.header($0) == tag ? $0 : nil }
            }))
    }

    /// The tags of a list of entity tags, or nil when `header` is not one: `"…"` or `W/"…"`
    /// around visible ASCII other than the quote, commas included (RFC 9110 §8.8.3). Empty
    /// elements of the list are skipped, as RFC 9110 §5.6.1 asks of a recipient.
    private static func entityTags(_ header: String) -> [String]? {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        var tags: [String] = []
        var rest = Substring(header)
        while true {
            rest = rest.drop(while: { blank($0) || $0 == "," })
            if rest.isEmpty, !tags.isEmpty { return tags }
            let weak = rest.hasPrefix("W/")
            if weak { rest = rest.dropFirst(2) }
            guard rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") else { return nil }
            let opaque = rest[rest.index(after: rest.startIndex)..<close]
            guard opaque.unicodeScalars.allSatisfy({ $0 == "!" || ("#"..."~").contains($0) }) else { return nil }
            tags.append((weak ? "W/" : "") + "\"" + opaque + "\"")
            rest = rest[rest.index(after: close)...].drop(while: blank)
            if rest.isEmpty { return tags }
            guard rest.first == "," else { return nil }
            rest = rest.dropFirst()
        }
    }
}

extension HTTPField.Name {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!
}

/// A request body as bytes, within the context's upload limit.
func bodyData(_ request: Request, _ context: ArcaRequestContext) async throws -> Data {
    Data(try await request.body.collect(upTo: context.maxUploadSize).readableBytesView)
}

/// Carries out a `POST` once per `Idempotency-Key`: a retry with the same body gets the
/// first answer again (marked `Idempotent-Replayed: true`). `carryOut` reads the JSON body;
/// with a key, it runs inside the transaction that remembers its answer.
struct IdempotentPost {
    let keys: IdempotencyKeys

    func callAsFunction(
        _ request: Request, _ context: ArcaRequestContext, _ carryOut: (JSONObjectReader) async throws -> Reply
    ) async throws -> Reply {
        let body = try await bodyData(request, context)
        guard let key = request.headers[.idempotencyKey] else { return try await carryOut(try JSONObjectReader.body(body)) }
        let outcome = try await keys.carryOut(
            key: key, method: request.method.rawValue, path: request.uri.path, body: body, by: try context.requireCaller()
        ) {
            try await carryOut(try JSONObjectReader.body(body)).remembered
        }
        switch outcome {
        case .carriedOut(let response):
            return Reply(remembered: response)
        case .replayed(let response):
            var reply = Reply(remembered: response)
            reply.headers[HTTPField.Name.idempotentReplayed.rawName] = "true"
            return reply
        }
    }
}
