import Foundation

/// An asset's events as the ledger keeps them, read with the corrections of their dates:
/// the ledger is never rewritten, so a wrong date stays where it was recorded and a later
/// event says which day it really was (DOMAIN §3.1).
public struct AssetHistory: Sendable {
    /// In ledger order.
    public let events: [AssetEvent]

    public init(events: [AssetEvent]) {
        self.events = events
    }

    /// The moves of the asset: every event that is not a correction.
    public var moves: [AssetEvent] { events.filter { $0.correction == nil } }

    /// The day a correction says `event` happened, when one does (the latest correction wins).
    public func correctedDay(of event: AssetEvent) -> Day? {
        guard let id = event.id else { return nil }
        return events.last { $0.correction?.eventID == id }?.correction?.correctedOn
    }

    /// The day `event` happened: as corrected, or as recorded.
    public func day(of event: AssetEvent) -> Day {
        correctedDay(of: event) ?? event.occurredOn
    }

    /// The day of the latest move: no new move may be dated before it.
    public var lastEventOn: Day? { moves.map(day(of:)).max() }

    /// The day of the first move by `action` (a first freeze).
    public func firstDay(of action: AssetAction) -> Day? {
        moves.filter { $0.action == action.rawValue }.map(day(of:)).min()
    }

    /// The day of the latest move by `action` (the standing confiscation order).
    public func latestDay(of action: AssetAction) -> Day? {
        moves.last { $0.action == action.rawValue }.map(day(of:))
    }

    /// The day the asset was identified, as corrected.
    public var identifiedOn: Day? { moves.first { $0.action == "identify" }.map(day(of:)) }

    /// Moves whose date a correction of the asset may change: those the officer recorded
    /// directly. A move an order made is corrected with the order's step.
    static let correctable: Set<String> = ["identify", "trace", "sell_interim", "dispose", "restitute", "close"]

    /// The move `eventID`, when it may be re-dated to `day` without taking the history out of
    /// order: on or after the move before it, on or before the move after it. A move an order
    /// made is corrected only with that order's step (`byOrder`).
    public func checkCorrection(of eventID: Int64, to day: Day, byOrder: UUID? = nil) throws(DateCorrectionError) -> AssetEvent {
        let moves = self.moves
        guard let index = moves.firstIndex(where: { $0.id == eventID }) else { throw .noSuchMove(eventID) }
        let event = moves[index]
        if let order = event.orderID {
            guard order == byOrder else { throw .madeByOrder(event.action, order) }
        } else {
            guard Self.correctable.contains(event.action) else { throw .notCorrectable(event.action) }
        }
        guard day != self.day(of: event) else { throw .sameDay(day) }
        if index > 0, day < self.day(of: moves[index - 1]) {
            throw .outOfOrder(day, neighbour: moves[index - 1].action, on: self.day(of: moves[index - 1]), after: true)
        }
        if index + 1 < moves.count, day > self.day(of: moves[index + 1]) {
            throw .outOfOrder(day, neighbour: moves[index + 1].action, on: self.day(of: moves[index + 1]), after: false)
        }
        return event
    }
}

public enum DateCorrectionError: Error, Equatable, CustomStringConvertible {
    case noSuchMove(Int64)
    case madeByOrder(String, UUID)
    case notCorrectable(String)
    case sameDay(Day)
    case outOfOrder(Day, neighbour: String, on: Day, after: Bool)

    public var description: String {
        switch self {
        case .noSuchMove(let id): return "event \(id) is not a move of this asset"
        case .madeByOrder(let action, let order):
            return "the \(action) event was made by order \(order.lowercased): correct the date of that order's step (POST /v1/orders/{id}/corrections)"
        case .notCorrectable(let action):
            return "the date of a \(action) event is not corrected this way"
        case .sameDay(let day): return "the event is already dated \(day)"
        case .outOfOrder(let day, let neighbour, let other, let after):
            return after
                ? "\(day) is before the \(neighbour) event of \(other) that precedes it: the history would go back in time"
                : "\(day) is after the \(neighbour) event of \(other) that follows it: the history would go back in time"
        }
    }
}
