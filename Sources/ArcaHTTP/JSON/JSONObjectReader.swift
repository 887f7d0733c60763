import ArcaApplication
import ArcaDomain
import ArcaResources
import Foundation

/// Reads the fields of one JSON object, collecting every type error and, at the end, every
/// field that no reader asked for (a misspelt field must not be silently ignored).
final class JSONObjectReader {
    private let fields: [String: JSONValue]
    private let path: String
    private let errors: ErrorList
    private var read: Set<String> = []

    final class ErrorList {
        var items: [Problem.FieldError] = []
    }

    /// Parses a request body that must be one JSON object.
    static func body(_ data: Data) throws(Problem) -> JSONObjectReader {
        guard let value = JSONValue(parsing: data) else {
            throw Problem.badRequest(
                "The body is not valid JSON in UTF-8.", errors: [.init(field: "body", rule: "json", message: "expected a JSON object in UTF-8")])
        }
        guard case .object(let fields) = value else {
            throw Problem.badRequest(
                "The body must be a JSON object.", errors: [.init(field: "body", rule: "json-object", message: "expected a JSON object, got \(value.typeName)")])
        }
        return JSONObjectReader(fields: fields, path: "", errors: ErrorList())
    }

    private init(fields: [String: JSONValue], path: String, errors: ErrorList) {
        self.fields = fields
        self.path = path
        self.errors = errors
    }

    private func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func value(_ key: String) -> JSONValue? {
        read.insert(key)
        guard let value = fields[key] else { return nil }
        // Only a correction's erasable fields take null (`change`); any other field is given or left out.
        guard value != .null else {
            errors.items.append(.init(field: name(key), rule: "type", message: "\(name(key)) cannot be null: give a value or leave it out"))
            return nil
        }
        return value
    }

    private func wrongType(_ key: String, _ expected: String, _ got: JSONValue) {
        errors.items.append(.init(field: name(key), rule: "type", message: "\(name(key)) must be \(expected), not \(got.typeName)"))
    }

    /// Every text a request carries is refused with NUL or another control character in it,
    /// whatever the field (RecordText's rule; line breaks are left for the use case, which
    /// knows which fields are one line); the field is then read as absent.
    private func checked(_ text: String, _ field: String) -> String? {
        do throws(RecordTextError) {
            try RecordText.checkCharacters(RecordText.endingLinesInLineFeeds(text), what: field, multiline: true)
            return text
        } catch {
            errors.items.append(.init(field: field, rule: "text", message: error.description))
            return nil
        }
    }

    func string(_ key: String) -> String? {
        switch value(key) {
        case .string(let text)?: return checked(text, name(key))
        case let other?: wrongType(key, "a string", other); return nil
        case nil: return nil
        }
    }

    func strings(_ key: String) -> [String]? {
        switch value(key) {
        case .array(let items)?:
            var texts: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let text) = item else {
                    errors.items.append(.init(field: "\(name(key))[\(index)]", rule: "type", message: "must be a string, not \(item.typeName)"))
                    continue
                }
                if let text = checked(text, "\(name(key))[\(index)]") { texts.append(text) }
            }
            return texts
        case let other?: wrongType(key, "an array of strings", other); return nil
        case nil: return nil
        }
    }

    /// A whole number (an id), sent as a JSON number without a fraction.
    func int(_ key: String) -> Int64? {
        switch value(key) {
        case .number(let number)? where number.rounded() == number && abs(number) < 9_007_199_254_740_992: return Int64(number)
        case let other?: wrongType(key, "a whole number", other); return nil
        case nil: return nil
        }
    }

    func bool(_ key: String) -> Bool? {
        switch value(key) {
        case .bool(let flag)?: return flag
        case let other?: wrongType(key, "true or false", other); return nil
        case nil: return nil
        }
    }

    /// A nested object, read with its own reader; its unknown fields are reported too.
    func object<T>(_ key: String, _ body: (JSONObjectReader) -> T) -> T? {
        switch value(key) {
        case .object(let nested)?:
            let reader = JSONObjectReader(fields: nested, path: name(key), errors: errors)
            let result = body(reader)
            reader.reportUnknown()
            return result
        case let other?: wrongType(key, "an object", other); return nil
        case nil: return nil
        }
    }

    /// A field of a correction: left out, `null` to clear it, or a string.
    func change(_ key: String) -> FieldChange<String> {
        read.insert(key)
        switch fields[key] {
        case nil: return .keep
        case .null?: return .clear
        case .string(let text)?: return checked(text, name(key)).map(FieldChange.set) ?? .keep
        case let other?:
            wrongType(key, "a string or null", other)
            return .keep
        }
    }

    /// An object field of a correction: left out, `null` to clear it, or an object.
    func changeObject<T>(_ key: String, _ body: (JSONObjectReader) -> T) -> FieldChange<T> {
        if fields[key] == .null {
            read.insert(key)
            return .clear
        }
        return object(key, body).map(FieldChange.set) ?? .keep
    }

    /// An array of objects, each read with its own reader.
    func objects<T>(_ key: String, _ body: (JSONObjectReader) -> T) -> [T]? {
        switch value(key) {
        case .array(let items)?:
            return items.enumerated().compactMap { index, item in
                let path = "\(name(key))[\(index)]"
                guard case .object(let nested) = item else {
                    errors.items.append(.init(field: path, rule: "type", message: "must be an object, not \(item.typeName)"))
                    return nil
                }
                let reader = JSONObjectReader(fields: nested, path: path, errors: errors)
                let result = body(reader)
                reader.reportUnknown()
                return result
            }
        case let other?: wrongType(key, "an array of objects", other); return nil
        case nil: return nil
        }
    }

    private func reportUnknown() {
        for key in fields.keys.sorted() where !read.contains(key) {
            errors.items.append(.init(field: name(key), rule: "unknown-field", message: "\(name(key)) is not a field of this request"))
        }
    }

    /// What could not be read (fields of the wrong type, unknown fields, control characters),
    /// for the use case to report with every rule the rest of the request breaks.
    func finish() -> [FieldViolation] {
        reportUnknown()
        return errors.items.map { FieldViolation(field: $0.field, rule: $0.rule, message: $0.message) }
    }
}
