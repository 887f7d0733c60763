import ArcaDomain
import Foundation

/// Writes a record's `Encodable` form as JSON for the audit trail, as `JSONEncoder` wrote it
/// with ISO 8601 instants and unescaped slashes (instants in whole UTC seconds, decimals and
/// numbers as their description, data in base64), ids in lower case; without Foundation's
/// encoder, which took about 8 % of the server's time adding an asset. Keys keep the order the
/// record wrote them in: the column is `jsonb`, which keeps its own.
enum SnapshotEncoder {
    static func encode(_ value: some Encodable) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        try SnapshotNode.top(value).write(to: &bytes)
        return bytes
    }
}

/// A value being encoded; objects and arrays are references, so that a container handed out
/// earlier still writes into them.
private indirect enum SnapshotNode {
    case null
    case literal(String)
    case string(String)
    case array(SnapshotItems)
    case object(SnapshotMembers)
    /// What a super-encoder holds once its value is encoded.
    case deferred(SnapshotValueEncoder)

    /// A value inside another; one that wrote nothing is an empty object, as in `JSONEncoder`.
    static func of(_ value: some Encodable, at path: [any CodingKey]) throws -> SnapshotNode {
        try node(of: value, by: SnapshotValueEncoder(codingPath: path)) ?? .object(SnapshotMembers())
    }

    /// The record itself; one that wrote nothing is an error, as in `JSONEncoder`.
    static func top(_ value: some Encodable) throws -> SnapshotNode {
        guard let node = try node(of: value, by: SnapshotValueEncoder(codingPath: [])) else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "\(type(of: value)) encoded no value"))
        }
        return node
    }

    private static func node(of value: some Encodable, by encoder: SnapshotValueEncoder) throws -> SnapshotNode? {
        switch value {
        case let date as Date:
            var bytes: [UInt8] = []
            InstantText.append(date, to: &bytes)
            return .string(String(decoding: bytes, as: UTF8.self))
        case let id as UUID: return .string(id.lowercased)
        case let decimal as Decimal: return .literal(decimal.description)
        case let url as URL: return .string(url.absoluteString)
        case let data as Data: return .string(data.base64EncodedString())
        default:
            try value.encode(to: encoder)
            return encoder.node
        }
    }

    static func number(_ value: some BinaryFloatingPoint & LosslessStringConvertible, at path: [any CodingKey]) throws -> SnapshotNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "\(value) is not a JSON number"))
        }
        let text = value.description
        return .literal(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    func write(to bytes: inout [UInt8]) {
        switch self {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .literal(let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): InstantText.appendJSONString(text, to: &bytes)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (offset, item) in items.nodes.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                item.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (offset, member) in members.pairs.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                InstantText.appendJSONString(member.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                member.node.write(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case .deferred(let encoder): (encoder.node ?? .object(SnapshotMembers())).write(to: &bytes)
        }
    }
}

private final class SnapshotItems {
    var nodes: [SnapshotNode] = []
}

/// An object's members in the order written; a key written again keeps its place and takes
/// the new value, or hands back the object or array it already holds, as in `JSONEncoder`.
private final class SnapshotMembers {
    private(set) var pairs: [(key: String, node: SnapshotNode)] = []
    private var places: [String: Int] = [:]

    func put(_ node: SnapshotNode, _ key: String) {
        if let place = places[key] {
            pairs[place].node = node
        } else {
            places[key] = pairs.count
            pairs.append((key, node))
        }
    }

    func object(_ key: String) -> SnapshotMembers {
        if let place = places[key], case .object(let members) = pairs[place].node { return members }
        let members = SnapshotMembers()
        put(.object(members), key)
        return members
    }

    func array(_ key: String) -> SnapshotItems {
        if let place = places[key], case .array(let items) = pairs[place].node { return items }
        let items = SnapshotItems()
        put(.array(items), key)
        return items
    }
}

/// A key of a coding path that is not the record's own: `super`, an array's index.
private struct SnapshotKey: CodingKey {
    let stringValue: String
    let intValue: Int?
    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }
    init(intValue: Int) {
        self.stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}

/// The encoder a value encodes itself to; `node` is what it wrote.
private final class SnapshotValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var node: SnapshotNode?

    init(codingPath: [any CodingKey]) {
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let members) = node {
            return KeyedEncodingContainer(SnapshotKeyedContainer(members: members, codingPath: codingPath))
        }
        let members = SnapshotMembers()
        node = .object(members)
        return KeyedEncodingContainer(SnapshotKeyedContainer(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let items) = node { return SnapshotUnkeyedContainer(items: items, codingPath: codingPath) }
        let items = SnapshotItems()
        node = .array(items)
        return SnapshotUnkeyedContainer(items: items, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SnapshotSingleValueContainer(encoder: self) }
}

private struct SnapshotKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let members: SnapshotMembers
    let codingPath: [any CodingKey]

    private func put(_ node: SnapshotNode, _ key: Key) { members.put(node, key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.literal(value ? "true" : "false"), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(try .number(value, at: codingPath + [key]), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(try .number(value, at: codingPath + [key]), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.literal(value.description), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.literal(value.description), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.literal(value.description), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.literal(value.description), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.literal(value.description), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(.literal(value.description), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.literal(value.description), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.literal(value.description), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.literal(value.description), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.literal(value.description), key) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws { put(try .of(value, at: codingPath + [key]), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(SnapshotKeyedContainer<NestedKey>(members: members.object(key.stringValue), codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        SnapshotUnkeyedContainer(items: members.array(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: SnapshotKey(stringValue: "super")) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key) }

    private func superEncoder(named key: any CodingKey) -> any Encoder {
        let encoder = SnapshotValueEncoder(codingPath: codingPath + [key])
        members.put(.deferred(encoder), key.stringValue)
        return encoder
    }
}

private struct SnapshotUnkeyedContainer: UnkeyedEncodingContainer {
    let items: SnapshotItems
    let codingPath: [any CodingKey]
    var count: Int { items.nodes.count }

    private var path: [any CodingKey] { codingPath + [SnapshotKey(intValue: count)] }

    mutating func encodeNil() throws { items.nodes.append(.null) }
    mutating func encode(_ value: Bool) throws { items.nodes.append(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { items.nodes.append(.string(value)) }
    mutating func encode(_ value: Double) throws { items.nodes.append(try .number(value, at: path)) }
    mutating func encode(_ value: Float) throws { items.nodes.append(try .number(value, at: path)) }
    mutating func encode(_ value: Int) throws { items.nodes.append(.literal(value.description)) }
    mutating func encode(_ value: Int64) throws { items.nodes.append(.literal(value.description)) }
    mutating func encode(_ value: some Encodable) throws { items.nodes.append(try .of(value, at: path)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = SnapshotMembers()
        let nestedPath = path
        items.nodes.append(.object(nested))
        return KeyedEncodingContainer(SnapshotKeyedContainer<NestedKey>(members: nested, codingPath: nestedPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = SnapshotItems()
        let nestedPath = path
        items.nodes.append(.array(nested))
        return SnapshotUnkeyedContainer(items: nested, codingPath: nestedPath)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = SnapshotValueEncoder(codingPath: path)
        items.nodes.append(.deferred(encoder))
        return encoder
    }
}

private struct SnapshotSingleValueContainer: SingleValueEncodingContainer {
    let encoder: SnapshotValueEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.node = .null }
    mutating func encode(_ value: Bool) throws { encoder.node = .literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.node = try .number(value, at: codingPath) }
    mutating func encode(_ value: Float) throws { encoder.node = try .number(value, at: codingPath) }
    mutating func encode(_ value: Int) throws { encoder.node = .literal(value.description) }
    mutating func encode(_ value: Int8) throws { encoder.node = .literal(value.description) }
    mutating func encode(_ value: Int16) throws { encoder.node = .literal(value.description) }
    mutating func encode(_ value: Int32) throws { encoder.node = .literal(value.description) }
    mutating func encode(_ value: Int64) throws { encoder.node = .literal(value.description) }
    mutating func encode(_ value: UInt) throws { encoder.node = .literal(value.description) }
    mutating func encode(_ value: UInt8) throws { encoder.node = .literal(value.description) }
    mutating func encode(_ value: UInt16) throws { encoder.node = .literal(value.description) }
    mutating func encode(_ value: UInt32) throws { encoder.node = .literal(value.description) }
    mutating func encode(_ value: UInt64) throws { encoder.node = .literal(value.description) }
    mutating func encode(_ value: some Encodable) throws { encoder.node = try .of(value, at: codingPath) }
}
