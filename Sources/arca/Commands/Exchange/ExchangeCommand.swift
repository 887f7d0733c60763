import ArcaApplication
import ArcaDomain
import ArcaResources
import ArgumentParser
import Foundation

struct ExchangeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exchange", abstract: "The direct exchange with other ARCA deployments: identity, partners, deliveries.",
        discussion: "An administrator's commands, run on the server. See Docs/EXCHANGE.md.",
        subcommands: [Initialise.self, PartnerCommand.self, Deliveries.self, Export.self, Import.self])

    struct Initialise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Give this deployment its exchange identity (an office and an Ed25519 key pair), or show the one it has.",
            discussion: "Give the printed public key and inbox URL to each partner's administrator.")

        @Option(help: "The office that speaks for this deployment (its Asset Recovery Office's code).") var office: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let (identity, created) = try await administer { root, admin in try await root.useCases.initialiseExchange(office: office, by: admin) }
            if json {
                try printJSON(IdentityResource(identity))
                return
            }
            print(created ? "exchange identity created:" : "this deployment has its exchange identity already:")
            print("state       \(identity.address.state.value)")
            print("office      \(identity.address.office)")
            print("public key  \(identity.publicKey.base64EncodedString())")
        }
    }

    struct Deliveries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Messages sent to partners, newest first, and whether they arrived.", subcommands: [List.self, Retry.self],
            defaultSubcommand: List.self)
    }
}

extension ExchangeCommand.Deliveries {
    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send a message again now: one the partner refused, once the offices have sorted out why, or one waiting for its next attempt.")

        @Argument(help: "The message id (arca exchange deliveries).") var messageID: String

        func run() async throws {
            let message = try await administer { root, admin in try await root.useCases.retryDelivery(messageID: messageID, by: admin) }
            print("message \(message.messageID.lowercased) goes again now")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Messages sent to partners, newest first, and whether they arrived.")

        @Option(name: .customLong("request"), help: "Only the messages about this request.") var requestID: String?
        @Option(name: .customLong("certificate"), help: "Only the messages about this certificate.") var certificateID: String?
        @Option(help: "How many (1–200).") var limit: Int?
        @Flag(help: "Print JSON, as the HTTP API answers.") var json = false

        func run() async throws {
            let deliveries = try await administer { root, admin in
                try await root.useCases.listDeliveries(requestID: requestID, certificateID: certificateID, limit: limit, by: admin)
            }
            if json {
                try printJSON(DeliveryListResource(deliveries))
                return
            }
            let time = ISO8601DateFormatter()
            print(
                table(
                    ["CREATED", "MESSAGE", "TYPE", "TO", "ABOUT", "STATUS", "ATTEMPTS", "LAST ERROR"],
                    deliveries.map { delivery in
                        let message = delivery.message
                        return [
                            time.string(from: message.createdAt), message.messageID.lowercased, message.type.rawValue,
                            "\(delivery.recipient.state.value)/\(delivery.recipient.office)", (message.requestID ?? message.certificateID)?.lowercased ?? "-",
                            message.status.rawValue, String(message.attempts), message.lastError ?? "",
                        ]
                    }))
        }
    }
}

extension ExchangeCommand {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write signed envelopes to a file, one per line, for a partner reached over another channel (SIENA).",
            discussion: "The messages of one request or certificate, or every message still pending. The partner reads them with arca exchange import.")

        @Option(name: .customLong("request"), help: "The messages of this request (default: the pending ones).") var requestID: String?
        @Option(name: .customLong("certificate"), help: "The messages of this certificate.") var certificateID: String?
        @Option(help: "The file to write (default: standard output).") var out: String?

        func run() async throws {
            let envelopes = try await administer { root, admin in try await root.useCases.exportMessages(requestID: requestID, certificateID: certificateID, by: admin) }
            let lines = envelopes.map { $0 + "\n" }.joined()
            guard let out else {
                print(lines, terminator: "")
                return
            }
            do {
                try Data(lines.utf8).write(to: URL(fileURLWithPath: out))
            } catch {
                throw CLIError("cannot write \(out): \(error.localizedDescription)")
            }
            FileHandle.standardError.write(Data("exported \(envelopes.count) message(s) to \(out)\n".utf8))
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a file of signed envelopes a partner exported, as if each had been delivered to the inbox.",
            discussion: "Each is checked as the inbox checks it; one already taken changes nothing. Prints each acknowledgement.")

        @Argument(help: "The file, one envelope per line.") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("cannot read \(file)") }
            let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
            var refused = 0
            try await administer { root, _ in
                for (index, line) in lines.enumerated() {
                    do {
                        print(try await root.useCases.receiveMessage(Array(line.utf8)))
                    } catch let error as UseCaseError {
                        refused += 1
                        FileHandle.standardError.write(Data("line \(index + 1): \(error.description)\n".utf8))
                    }
                }
            }
            if refused > 0 { throw CLIError("\(refused) of \(lines.count) message(s) refused; the others were taken") }
        }
    }
}

struct PartnerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner", abstract: "The offices this deployment exchanges with.", subcommands: [Add.self, List.self, Remove.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a partner: its state, office, inbox URL and public key.")

        @Option(help: "Its Member State, ISO 3166-1 alpha-2 (NL).") var state: String
        @Option(help: "Its office, as its own `arca exchange init` printed it.") var office: String
        @Option(help: "Its inbox: https://…/v1/exchange/inbox.") var inboxUrl: String
        @Option(help: "Its public key (base64), as its `arca exchange init` printed it.") var publicKey: String

        func run() async throws {
            let partner = try await administer { root, admin in
                try await root.useCases.registerPartner(NewPartner(state: state, office: office, inboxURL: inboxUrl, publicKey: publicKey), by: admin)
            }
            print("registered partner \(partner.address.office) of \(partner.address.state.value) at \(partner.inboxURL)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "This deployment's identity and its partners.")

        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let partnerships = try await administer { root, admin in try await root.useCases.listPartners(by: admin) }
            if json {
                try printJSON(PartnershipsResource(partnerships))
                return
            }
            if let identity = partnerships.identity {
                print("this deployment: \(identity.address.office) of \(identity.address.state.value), key \(identity.publicKey.base64EncodedString())")
            } else {
                print("this deployment has no exchange identity yet: arca exchange init --office CODE")
            }
            print(
                table(
                    ["STATE", "OFFICE", "INBOX", "PUBLIC KEY"],
                    partnerships.partners.map { [$0.address.state.value, $0.address.office, $0.inboxURL, $0.publicKey.base64EncodedString()] }))
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop exchanging with a partner; what it sent and was sent stays on record.")

        @Option(help: "Its Member State.") var state: String
        @Option(help: "Its office.") var office: String

        func run() async throws {
            try await administer { root, admin in try await root.useCases.removePartner(state: state, office: office, by: admin) }
            print("removed partner \(office) of \(state)")
        }
    }
}
