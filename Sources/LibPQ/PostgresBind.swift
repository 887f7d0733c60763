import Foundation

/// One statement parameter as it travels to the server: a type OID (0 lets the server infer
/// it from context, like an untyped literal) and a text or binary value.
public struct PostgresBind: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case null
        case text(String)
        /// Raw bytes, sent in binary format (only used for `bytea`).
        case binary([UInt8])
    }

    public var oid: UInt32
    public var value: Value

    public init(oid: UInt32, value: Value) {
        self.oid = oid
        self.value = value
    }

    public static let null = PostgresBind(oid: 0, value: .null)

    /// The value in PostgreSQL's text format, as COPY's text format wants it (nil for NULL).
    public var textRepresentation: String? {
        switch value {
        case .null: return nil
        case .text(let text): return text
        case .binary(let bytes): return ByteaText.encode(bytes)
        }
    }
}

/// Type OIDs from pg_type that LibPQ sends or recognises.
public enum PostgresOID {
    public static let unknown: UInt32 = 0
    public static let bool: UInt32 = 16
    public static let bytea: UInt32 = 17
    public static let int8: UInt32 = 20
    public static let int2: UInt32 = 21
    public static let int4: UInt32 = 23
    public static let text: UInt32 = 25
    public static let json: UInt32 = 114
    public static let jsonb: UInt32 = 3802
    public static let numeric: UInt32 = 1700
    public static let date: UInt32 = 1082
    public static let timestamptz: UInt32 = 1184
    public static let uuid: UInt32 = 2950
    public static let textArray: UInt32 = 1009
}

/// A Swift value that can be bound to a statement parameter.
public protocol PostgresEncodable: Sendable {
    var postgresBind: PostgresBind { get }
}

extension String: PostgresEncodable {
    /// Untyped, like a quoted literal: the server takes the type the context needs
    /// (text, varchar, an enum, a date written as text…).
    public var postgresBind: PostgresBind { PostgresBind(oid: PostgresOID.unknown, value: .text(self)) }
}

extension Int: PostgresEncodable {
    public var postgresBind: PostgresBind { PostgresBind(oid: PostgresOID.int8, value: .text(String(self))) }
}

extension Int64: PostgresEncodable {
    public var postgresBind: PostgresBind { PostgresBind(oid: PostgresOID.int8, value: .text(String(self))) }
}

extension Int32: PostgresEncodable {
    public var postgresBind: PostgresBind { PostgresBind(oid: PostgresOID.int4, value: .text(String(self))) }
}

extension Int16: PostgresEncodable {
    public var postgresBind: PostgresBind { PostgresBind(oid: PostgresOID.int2, value: .text(String(self))) }
}

extension Bool: PostgresEncodable {
    public var postgresBind: PostgresBind { PostgresBind(oid: PostgresOID.bool, value: .text(self ? "t" : "f")) }
}

extension Decimal: PostgresEncodable {
    /// Foundation's plain digits (`12500`, `-0.05`, `NaN`), the text `numeric` reads; the same
    /// text as `NSDecimalNumber`'s `stringValue`, without boxing each amount in an object.
    public var postgresBind: PostgresBind {
        PostgresBind(oid: PostgresOID.numeric, value: .text(description))
    }
}

extension UUID: PostgresEncodable {
    public var postgresBind: PostgresBind { PostgresBind(oid: PostgresOID.uuid, value: .text(uuidString)) }
}

extension Date: PostgresEncodable {
    /// Sent as `timestamptz` in UTC with microseconds, PostgreSQL's own precision.
    public var postgresBind: PostgresBind {
        PostgresBind(oid: PostgresOID.timestamptz, value: .text(TimestampText.encode(self)))
    }
}

extension Data: PostgresEncodable {
    public var postgresBind: PostgresBind { PostgresBind(oid: PostgresOID.bytea, value: .binary([UInt8](self))) }
}

extension Array: PostgresEncodable where Element == String {
    public var postgresBind: PostgresBind {
        PostgresBind(oid: PostgresOID.textArray, value: .text(TextArray.encode(self)))
    }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    public var postgresBind: PostgresBind {
        switch self {
        case .none: return .null
        case .some(let value): return value.postgresBind
        }
    }
}

/// A value stored as `jsonb`, encoded and decoded with Foundation's JSON coders.
public struct PostgresJSON<Value: Codable & Sendable>: Sendable, PostgresEncodable {
    public let value: Value
    private let text: String

    /// Encodes now, so that an unencodable value fails here rather than at the server.
    public init(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        self.value = value
        self.text = String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    init(decoded value: Value, text: String) {
        self.value = value
        self.text = text
    }

    public var postgresBind: PostgresBind { PostgresBind(oid: PostgresOID.jsonb, value: .text(text)) }
}
