import CLibPQ
import Foundation

/// The rows a statement returned, read straight from libpq's result without copying.
/// Immutable once built, so it may be shared across tasks.
public final class QueryResult: @unchecked Sendable, RandomAccessCollection {
    private let result: OpaquePointer?
    private let columnCount: Int32
    /// Rows inserted, updated, deleted, copied… as the server's command tag says.
    public let affectedRows: Int
    public let startIndex = 0
    public let endIndex: Int

    init(taking result: OpaquePointer) {
        self.result = result
        self.columnCount = PQnfields(result)
        self.endIndex = Int(PQntuples(result))
        var affected = 0
        var tag = PQcmdTuples(result)!
        while tag.pointee >= 0x30 && tag.pointee <= 0x39 {
            affected = affected * 10 + Int(tag.pointee - 0x30)
            tag += 1
        }
        self.affectedRows = affected
    }

    deinit {
        PQclear(result)
    }

    /// The columns' names, in order. Read from libpq when asked rather than for every result:
    /// rows are read by position, and names are wanted for messages.
    public var columns: [String] { (0..<columnCount).map { String(cString: PQfname(result, $0)) } }

    public subscript(position: Int) -> Row { Row(result: self, index: position) }

    /// The first column of that name.
    func column(named name: String) throws -> Int {
        let found = name.withCString { wanted in
            (0..<columnCount).first { strcmp(PQfname(result, $0), wanted) == 0 }
        }
        guard let found else {
            throw PostgresError.decoding("no column \"\(name)\" in result (columns: \(columns.joined(separator: ", ")))")
        }
        return Int(found)
    }

    func cell(row: Int, column: Int) throws -> PostgresCell {
        guard column >= 0, column < columnCount else {
            throw PostgresError.decoding("column \(column) is out of range (result has \(columnCount))")
        }
        let column = Int32(column)
        let type = PQftype(result, column)
        if PQgetisnull(result, Int32(row), column) == 1 {
            return PostgresCell(bytes: nil, type: type, result: result, columnNumber: column)
        }
        let value = PQgetvalue(result, Int32(row), column)!
        let length = Int(PQgetlength(result, Int32(row), column))
        return PostgresCell(bytes: UnsafeRawBufferPointer(start: value, count: length), type: type, result: result, columnNumber: column)
    }
}

/// One row of a `QueryResult`.
public struct Row: Sendable {
    let result: QueryResult
    let index: Int

    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, _ column: Int) throws -> T {
        try T.decode(from: result.cell(row: index, column: column))
    }

    public func decode<T: PostgresDecodable>(_ type: T.Type = T.self, _ column: String) throws -> T {
        try T.decode(from: result.cell(row: index, column: result.column(named: column)))
    }

    public func isNull(_ column: Int) throws -> Bool {
        try result.cell(row: index, column: column).bytes == nil
    }
}

/// One value of a row in PostgreSQL's text format; `bytes` is nil for NULL. Valid only
/// while the `QueryResult` it came from is alive.
public struct PostgresCell {
    public let bytes: UnsafeRawBufferPointer?
    public let type: UInt32
    /// libpq's result, which the `QueryResult` keeps alive; it is asked for the name only.
    private let result: OpaquePointer?
    private let columnNumber: Int32

    init(bytes: UnsafeRawBufferPointer?, type: UInt32, result: OpaquePointer?, columnNumber: Int32) {
        self.bytes = bytes
        self.type = type
        self.result = result
        self.columnNumber = columnNumber
    }

    /// The column's name, for messages.
    public var column: String { String(cString: PQfname(result, columnNumber)) }

    func required<T>(_ type: T.Type) throws -> UnsafeRawBufferPointer {
        guard let bytes else {
            throw PostgresError.decoding("column \"\(column)\" is NULL; decode it as \(T.self)? to accept NULL")
        }
        return bytes
    }

    var text: String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

    func mismatch<T>(_ type: T.Type) -> PostgresError {
        let shown = text.map { $0.count > 64 ? String($0.prefix(64)) + "…" : $0 } ?? "NULL"
        return PostgresError.decoding("column \"\(column)\" (type oid \(self.type)) holds \"\(shown)\", which is not a \(T.self)")
    }
}
