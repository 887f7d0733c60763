import CLibPQ
import Foundation

/// The rows a statement returned, read straight from libpq's result without copying.
/// Immutable once built, so it may be shared across tasks.
public final class QueryResult: @unchecked Sendable, RandomAccessCollection {
    private let result: OpaquePointer?
    public let columns: [String]
    private let columnIndex: [String: Int]
    /// Rows inserted, updated, deleted, copied… as the server's command tag says.
    public let affectedRows: Int
    public let startIndex = 0
    public let endIndex: Int

    init(taking result: OpaquePointer) {
        self.result = result
        let count = Int(PQnfields(result))
        var columns: [String] = []
        columns.reserveCapacity(count)
        var index: [String: Int] = [:]
        for column in 0..<count {
            let name = String(cString: PQfname(result, Int32(column)))
            columns.append(name)
            if index[name] == nil { index[name] = column }
        }
        self.columns = columns
        self.columnIndex = index
        self.endIndex = Int(PQntuples(result))
        self.affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    deinit {
        PQclear(result)
    }

    public subscript(position: Int) -> Row { Row(result: self, index: position) }

    func column(named name: String) throws -> Int {
        guard let index = columnIndex[name] else {
            throw PostgresError.decoding("no column \"\(name)\" in result (columns: \(columns.joined(separator: ", ")))")
        }
        return index
    }

    func cell(row: Int, column: Int) throws -> PostgresCell {
        guard column >= 0, column < columns.count else {
            throw PostgresError.decoding("column \(column) is out of range (result has \(columns.count))")
        }
        let name = columns[column]
        let type = PQftype(result, Int32(column))
        if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
            return PostgresCell(bytes: nil, type: type, column: name)
        }
        let value = PQgetvalue(result, Int32(row), Int32(column))!
        let length = Int(PQgetlength(result, Int32(row), Int32(column)))
        return PostgresCell(bytes: UnsafeRawBufferPointer(start: value, count: length), type: type, column: name)
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
    public let column: String

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
