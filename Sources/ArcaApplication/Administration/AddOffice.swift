import ArcaDomain
import ArcaPersistence
import Foundation

/// Registers an office of this deployment.
public struct AddOffice: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(
        code: String, memberState: String, referencePrefix: String?, name: String, timeZone: String? = nil, by caller: Caller
    ) async throws -> Office {
        try caller.require(.administerUsers)
        var validation = Validation()
        let code = validation.check("code", "office-code") { () throws(OfficeError) in try OfficeCode(code) }
        let state = validation.check("memberState", "member-state") { () throws(VocabularyError) in
            try MemberState(code: memberState).orRefuse(memberState, as: "an EU Member State code")
        }
        let zone = validation.optional("timeZone", timeZone, "time-zone") { (name) throws(OfficeError) in try Office.timeZone(named: name) }
        try validation.finish()
        guard let code, let state else { return try unreachable() }
        let office: Office
        do {
            office = try Office(
                code: code, memberState: state, referencePrefix: referencePrefix ?? state.code, name: name, timeZone: zone)
        } catch {
            if case .badName = error { throw UseCaseError.invalid("name", "text", error.description) }
            throw UseCaseError.invalid("referencePrefix", "office", error.description)
        }
        return try await database.transaction { store in
            if let deployment = try await store.offices.deploymentState() {
                do throws(OfficeError) {
                    try office.checkBelongs(to: deployment)
                } catch {
                    throw UseCaseError.invalid("memberState", "deployment-state", error.description)
                }
            } else {
                try await store.offices.settleDeploymentState(state)
            }
            do {
                try await store.offices.add(office)
            } catch let violation as ConstraintViolation where violation.kind == .missingReference {
                // Another first office, of another state, was registered at the same moment.
                throw UseCaseError.invalid("memberState", "deployment-state", "this deployment serves another Member State than \(state.code)")
            } catch let violation as ConstraintViolation where violation.kind == .duplicate {
                throw UseCaseError.conflict(
                    violation.constraint.contains("prefix")
                        ? "another office already uses the reference prefix \(office.referencePrefix)"
                        : "office \(office.code) already exists")
            }
            try await store.audit.change("AddOffice", by: caller, entity: "office", id: office.code.value, after: office)
            return office
        }
    }
}
