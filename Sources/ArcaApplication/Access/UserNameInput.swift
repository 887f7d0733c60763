import ArcaDomain

extension UserName {
    /// The user name typed in `field`, or a refusal naming that field.
    static func named(_ text: String, in field: String) throws(UseCaseError) -> UserName {
        do {
            return try UserName(text)
        } catch {
            throw .invalid(field, "user-name", error.description)
        }
    }
}
