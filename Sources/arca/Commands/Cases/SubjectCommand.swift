import ArcaApplication
import ArcaDomain
import ArcaResources
import ArgumentParser
import Foundation

struct SubjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subject", abstract: "Persons in a case: add, correct.", subcommands: [Add.self, Update.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a natural or legal person to a case of your office (role officer).")

        @OptionGroup var acting: ActingOptions

        @Option(name: .customLong("case"), help: "The case id.") var caseID: String
        @Option(help: "natural_person or legal_person.") var kind: String
        @Option(help: "The person's or company's name.") var name: String
        @Option(help: "suspect, accused, convicted_person, owner, third_party or victim.") var role: String
        @Option(help: "A natural person's birth date, YYYY-MM-DD.") var birthDate: String?
        @Option(help: "A natural person's nationality (ISO 3166-1 alpha-2).") var nationality: String?
        @Option(help: "A legal person's registration number.") var registrationNumber: String?
        @Option(help: "A legal person's seat (ISO 3166-1 alpha-2).") var seat: String?

        func run() async throws {
            let id = try parseID(caseID, "case")
            let subject = try await acting.run { useCases, caller in
                try await useCases.addSubject(
                    caseID: id,
                    NewSubject(
                        kind: kind, name: name, role: role, birthDate: birthDate, nationality: nationality,
                        registrationNumber: registrationNumber, seat: seat),
                    by: caller)
            }
            try acting.show(SubjectResource(subject)) { "added \(subject.role.rawValue) \(subject.name), subject \(subject.id.lowercased)" }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Correct a subject of a case of your office (role officer); --clear-… erases a field.",
            discussion: "Without --version, the correction is made against the version read just before it.")

        @OptionGroup var acting: ActingOptions

        @Argument(help: "The subject id.") var id: String
        @Option(help: "The version the correction is made against (the API's ETag).") var version: Int?
        @Option(help: "The corrected name.") var name: String?
        @Option(help: "The new role, e.g. convicted_person once convicted.") var role: String?
        @Option(help: "The birth date, YYYY-MM-DD.") var birthDate: String?
        @Flag(help: "Erase the birth date.") var clearBirthDate = false
        @Option(help: "The nationality (ISO 3166-1 alpha-2).") var nationality: String?
        @Flag(help: "Erase the nationality.") var clearNationality = false
        @Option(help: "A legal person's registration number.") var registrationNumber: String?
        @Flag(help: "Erase the registration number.") var clearRegistrationNumber = false
        @Option(help: "A legal person's seat (ISO 3166-1 alpha-2).") var seat: String?
        @Flag(help: "Erase the seat.") var clearSeat = false

        func validate() throws {
            for (value, clear, name) in [
                (birthDate, clearBirthDate, "birth-date"), (nationality, clearNationality, "nationality"),
                (registrationNumber, clearRegistrationNumber, "registration-number"), (seat, clearSeat, "seat"),
            ] where value != nil && clear {
                throw ValidationError("give --\(name) or --clear-\(name), not both")
            }
        }

        func run() async throws {
            let subjectID = try parseID(id, "subject")
            func change(_ value: String?, clear: Bool) -> FieldChange<String> {
                clear ? .clear : value.map(FieldChange.set) ?? .keep
            }
            let changes = SubjectChanges(
                name: name, role: role, birthDate: change(birthDate, clear: clearBirthDate),
                nationality: change(nationality, clear: clearNationality),
                registrationNumber: change(registrationNumber, clear: clearRegistrationNumber), seat: change(seat, clear: clearSeat))
            let subject = try await acting.run { useCases, caller in
                var expected = version
                if expected == nil { expected = try await useCases.readSubject(id: subjectID, by: caller).version }
                return try await useCases.updateSubject(id: subjectID, changes: changes, expectedVersion: expected.map(ExpectedVersion.exactly), by: caller)
            }
            try acting.show(SubjectResource(subject)) { "corrected subject \(subject.id.lowercased) (\(subject.name), \(subject.role.rawValue)), version \(subject.version)" }
        }
    }
}
