import ArcaDomain
import Foundation
import LibPQ

/// What loading a rate file did: the rates it holds, those it added, and those already stored.
public struct RateLoad: Sendable, Equatable {
    public let inFile: Int
    public let added: Int
    public var alreadyStored: Int { inFile - added }

    public init(inFile: Int, added: Int) {
        self.inFile = inFile
        self.added = added
    }
}

/// A rate in the file that differs from the one stored for the same day and currency.
public struct RateDisagreement: Sendable, Equatable {
    public let day: Day
    public let currency: Currency
    public let inFile: Decimal
    public let stored: Decimal
}

/// The ECB euro reference rates (migration 0001): one per day and currency, never changed once
/// stored, since figures converted with them must come out the same when produced again.
public struct RateRepository: Sendable {
    let db: Transaction

    /// Sends `rates` in one COPY to a scratch table of the transaction. Then either reports
    /// up to `limit` that disagree with stored ones (and adds nothing), or adds those not stored.
    public func load(_ rates: [ReferenceRate], source: String, reportingAtMost limit: Int = 5) async throws -> Result<RateLoad, Disagreements> {
        // One import at a time, and none between the check below and the insert.
        try await db.execute("LOCK TABLE reference_rate IN SHARE ROW EXCLUSIVE MODE")
        try await db.execute("CREATE TEMP TABLE rate_import (day date NOT NULL, currency char(3) NOT NULL, rate numeric(20, 10) NOT NULL) ON COMMIT DROP")
        _ = try await db.copyIn("COPY rate_import (day, currency, rate) FROM STDIN") { writer in
            for rate in rates { try writer.append([rate.day.description, rate.currency.code, "\(rate.rate)"]) }
        }
        // A scratch table has no statistics until analysed: without them the join below is
        // planned as a nested loop over the whole history twice.
        try await db.execute("ANALYZE rate_import")
        let disagreements = try await db.query(
            """
            SELECT i.day::text, i.currency, i.rate::text, r.rate::text FROM rate_import i JOIN reference_rate r USING (day, currency)
            WHERE i.rate <> r.rate ORDER BY i.day, i.currency LIMIT $1
            """, [limit]
        ).map { row in
            RateDisagreement(
                day: try Day(row.decode(String.self, 0)), currency: try Currency(code: row.decode(String.self, 1)).orThrow("currency"),
                inFile: try Self.decimal(row.decode(String.self, 2)), stored: try Self.decimal(row.decode(String.self, 3)))
        }
        guard disagreements.isEmpty else { return .failure(Disagreements(rates: disagreements)) }
        let added = try await db.execute(
            """
            INSERT INTO reference_rate (day, currency, rate, source) SELECT day, currency, rate, $1 FROM rate_import
            ON CONFLICT (day, currency) DO NOTHING
            """, [source])
        return .success(RateLoad(inFile: rates.count, added: added))
    }

    public struct Disagreements: Error, Sendable, Equatable {
        public let rates: [RateDisagreement]
    }

    /// The rates from `maximumAge` days before `from` through `through`: every rate a
    /// conversion of an event in that span may use; only of `currencies`, when given.
    public func covering(from: Day, through: Day, currencies: [Currency]? = nil) async throws -> RateTable {
        RateTable(
            try await db.query(
                """
                SELECT day::text, currency, rate::text FROM reference_rate
                WHERE day BETWEEN $1::date AND $2::date AND ($3::text[] IS NULL OR currency = ANY ($3::text[]))
                """,
                [from.adding(days: -RateTable.maximumAge).description, through.description, currencies?.map(\.code)]
            ).map { row in
                ReferenceRate(
                    day: try Day(row.decode(String.self, 0)), currency: try Currency(code: row.decode(String.self, 1)).orThrow("currency"),
                    rate: try Self.decimal(row.decode(String.self, 2)))
            })
    }

    static func decimal(_ text: String) throws -> Decimal {
        try Decimal(string: text, locale: posix).orThrow("rate")
    }

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// How many rates are stored, of how many currencies, from which day to which.
    public func coverage() async throws -> RateCoverage {
        let row = try await db.query("SELECT count(*), count(DISTINCT currency), min(day)::text, max(day)::text FROM reference_rate").first
        return RateCoverage(
            rates: try row?.decode(Int.self, 0) ?? 0, currencies: try row?.decode(Int.self, 1) ?? 0,
            first: try row?.decode(String?.self, 2).map { try Day($0) }, last: try row?.decode(String?.self, 3).map { try Day($0) })
    }
}

public struct RateCoverage: Sendable, Equatable {
    public let rates: Int
    public let currencies: Int
    public let first: Day?
    public let last: Day?

    public init(rates: Int, currencies: Int, first: Day?, last: Day?) {
        self.rates = rates
        self.currencies = currencies
        self.first = first
        self.last = last
    }
}
