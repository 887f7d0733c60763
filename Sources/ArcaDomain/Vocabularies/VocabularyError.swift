/// A code that is not in the vocabulary it was given for.
public struct VocabularyError: Error, Equatable, CustomStringConvertible {
    public let code: String
    public let expected: String

    public var description: String { "\"\(code.prefix(40))\" is not \(expected)" }
}

extension Optional {
    /// The value, or a refusal that names the code and what was expected.
    public func orRefuse(_ code: String, as expected: String) throws(VocabularyError) -> Wrapped {
        guard let self else { throw VocabularyError(code: code, expected: expected) }
        return self
    }
}
