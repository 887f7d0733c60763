import ArcaDomain
import ArcaPersistence
import Foundation

/// This deployment's identity, if it has one, and the partners it exchanges with.
public struct Partnerships: Sendable {
    public let identity: ExchangeIdentity?
    public let partners: [Partner]
}

public struct ListPartners: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    public func callAsFunction(by caller: Caller) async throws -> Partnerships {
        try caller.require(.followDeliveries)
        return try await database.transaction { store in
            Partnerships(identity: try await store.partnerships.identity()?.identity, partners: try await store.partnerships.partners())
        }
    }
}
