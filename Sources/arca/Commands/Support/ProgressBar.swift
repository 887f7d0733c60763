import Foundation
import Synchronization

/// Progress of a long command: a bar redrawn in place on a terminal, or a plain line at
/// every tenth of the way when the output is a file or a pipe (a log stays readable).
final class ProgressBar: Sendable {
    private let total: Int
    private let unit: String
    private let onTerminal = isatty(STDOUT_FILENO) == 1
    private let shownTenths = Mutex(-1)
    private static let width = 40

    init(total: Int, unit: String) {
        self.total = max(total, 1)
        self.unit = unit
    }

    func show(_ done: Int) {
        let share = Double(min(done, total)) / Double(total)
        if onTerminal {
            let filled = Int(share * Double(Self.width))
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: Self.width - filled)
            FileHandle.standardOutput.write(Data("\r[\(bar)] \(Int(share * 100)) % \(done)/\(total) \(unit)".utf8))
        } else {
            let tenths = Int(share * 10)
            guard shownTenths.withLock({ shown in
                defer { shown = max(shown, tenths) }
                return tenths > shown
            }) else { return }
            print("\(tenths * 10) % — \(done) of \(total) \(unit)")
        }
    }

    /// Ends the bar's line on a terminal.
    func finish() {
        if onTerminal { FileHandle.standardOutput.write(Data("\n".utf8)) }
    }
}
