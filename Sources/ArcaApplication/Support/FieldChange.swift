/// One field of a correction (PATCH): left out (kept), sent as `null` (cleared: the record
/// no longer says anything there), or given a new value (Dir 2016/680 Art 16: rectification
/// and erasure of what is wrong).
public enum FieldChange<Value: Sendable & Equatable>: Sendable, Equatable {
    case keep
    case clear
    case set(Value)

    /// The change with its new value read by `parse`; a value that does not parse is kept,
    /// since `parse` has recorded why it is refused.
    func parsed<T>(_ parse: (Value) -> T?) -> FieldChange<T> {
        switch self {
        case .keep: return .keep
        case .clear: return .clear
        case .set(let value): return parse(value).map(FieldChange<T>.set) ?? .keep
        }
    }

    /// The field once changed, from what is recorded.
    func applied(to current: Value?) -> Value? {
        switch self {
        case .keep: return current
        case .clear: return nil
        case .set(let value): return value
        }
    }
}
