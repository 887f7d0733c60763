import LibPQ

/// Builds a statement from the filters a request actually sets, so the planner sees only
/// real conditions, while every value still travels as a parameter.
///
/// In a fragment, `?` stands for the fragment's next value and `?N` for its N-th value,
/// so one value can be used twice; both become `$k` of the whole statement.
struct SQLBuilder {
    private(set) var text: String
    private(set) var parameters: [any PostgresEncodable]

    init(_ base: String, _ parameters: any PostgresEncodable...) {
        self.text = ""
        self.parameters = []
        append(base, parameters)
    }

    mutating func and(_ condition: String, _ values: any PostgresEncodable...) {
        append(" AND " + condition, values)
    }

    mutating func and(_ condition: String, values: [any PostgresEncodable]) {
        append(" AND " + condition, values)
    }

    mutating func and(_ condition: SQLBuilder) {
        and(condition.text, values: condition.parameters)
    }

    mutating func append(_ fragment: String, _ values: any PostgresEncodable...) {
        append(fragment, values)
    }

    private mutating func append(_ fragment: String, _ values: [any PostgresEncodable]) {
        let base = parameters.count
        var next = 0
        var characters = fragment[...]
        while let mark = characters.firstIndex(where: { $0 == "?" || $0 == "$" }) {
            text += characters[..<mark]
            let marker = characters[mark]
            characters = characters[characters.index(after: mark)...]
            let digits = characters.prefix(while: \.isNumber)
            characters = characters.dropFirst(digits.count)
            if marker == "$" {
                // `$n` and `?n` alike name a value of this fragment.
                text += Int(digits).map { "$\(base + $0)" } ?? "$"
            } else if let index = Int(digits) {
                text += "$\(base + index)"
            } else {
                next += 1
                text += "$\(base + next)"
            }
        }
        text += characters
        parameters += values
    }

    /// Escapes `%`, `_` and `\` so user text matches literally inside a LIKE pattern.
    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
