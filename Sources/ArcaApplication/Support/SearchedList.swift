import ArcaPersistence

extension Database {
    /// A page of a list, read on `replica` when there is one and its search then logged here,
    /// in a transaction of its own, before the page is answered; without a replica, read and
    /// logged in one transaction. A replica may lag the primary by its replay delay.
    func searched<Item>(
        readingFrom replica: Database?, _ read: (Store) async throws -> Page<Item>, log: (Page<Item>, Store) async throws -> Void
    ) async throws -> Page<Item> {
        guard let replica else {
            return try await transaction { store in
                let page = try await read(store)
                try await log(page, store)
                return page
            }
        }
        let page = try await replica.transaction(read)
        try await transaction { try await log(page, $0) }
        return page
    }
}
