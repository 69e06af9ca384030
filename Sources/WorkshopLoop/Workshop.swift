import Export
import Foundation
import SensemakingCore
import SessionLog
import TerminalPort
import TerminalUI

/// The running session: terminal in, reduce, journal and screen out. Every decision is made
/// in the core, every pixel in the view; this only keeps the order of effects (the journal
/// before the frame that shows it saved).
///
/// Runs on one thread. Other threads reach it only through the terminal's `inbox`.
public final class Workshop {
    public private(set) var state: AppState
    private let journal: Journal
    private let terminal: any Terminal
    private let theme: Theme
    private let clock: () -> Date
    private var decoder = InputDecoder()
    private var exit: ExitReason?
    /// Redraws only what changed: a key the input box, a tick the clock, an idle tick nothing.
    private var renderer = Renderer()
    /// Called with the state after each turn of the loop, once its records are on disk: the
    /// join server's view of the session (`JoinHub.publish`). Called on the loop's thread.
    public var published: ((AppState) -> Void)?
    /// `/remove N`: the join server forgets device N (`JoinServer.remove`).
    public var removeDevice: ((Int) -> Void)?

    /// `clock` stamps each action (`.tick`); tests pass a fixed one.
    public init(state: AppState, journal: Journal, terminal: any Terminal, theme: Theme,
                clock: @escaping () -> Date = Date.init) {
        self.state = state
        self.journal = journal
        self.terminal = terminal
        self.theme = theme
        self.clock = clock
    }

    /// Runs the session until `/quit`, `/end`, a signal or the terminal's end; `resuming`
    /// journals first that the session goes on. Leaves the terminal and the journal open.
    public func run(resuming: Bool = false) -> ExitReason {
        if resuming { dispatch(.resume) }
        draw()
        while exit == nil {
            if terminal.terminationRequested {
                dispatch(.terminate)
                break
            }
            // A lone ESC completes on a short silence; otherwise wake for the clock.
            switch terminal.read(timeoutMilliseconds: decoder.awaitsMore ? 30 : 250) {
            case .timeout:
                dispatch(.tick(clock()))
                // A lone ESC, or a paste that lost its end marker, completes on silence;
                // with nothing pending the decoder ignores it.
                for action in decoder.feed(.timeout) { dispatch(action) }
            case .resize:
                draw(force: true)
                continue
            case .input(let raw):
                dispatch(.tick(clock()))
                for action in decoder.feed(raw) {
                    dispatch(action)
                    if exit != nil { break }
                    if case .paste = action, terminal.inputPending { decoder.continuePaste() }
                }
            case .posted:
                dispatch(.tick(clock()))
                for action in terminal.inbox.take() {
                    dispatch(action)
                    if exit != nil { break }
                }
            case .endOfInput:
                dispatch(.terminate)
            }
            published?(state)
            // Mid-paste or with more input already waiting, a frame would be stale at once.
            if !decoder.isPasting && !terminal.inputPending { draw() }
        }
        return exit ?? .quit
    }

    /// Skips the paint when the frame is the one on screen (an idle tick within the same
    /// second of the clock), unless the terminal needs it all again (a resize). Every frame
    /// the renderer returns as changed is drawn, so its rows are relative to the terminal's.
    private func draw(force: Bool = false) {
        let (frame, change) = renderer.render(state, size: terminal.size, theme: theme)
        if force {
            terminal.draw(frame, rows: nil)
        } else if change != .none {
            terminal.draw(frame, rows: change.rows)
        }
        // A screen too small to read holds Enter, so nothing typed blind is saved.
        let tooSmall = isTooSmall(terminal.size)
        if tooSmall != state.tooSmall { _ = reduce(&state, .screen(tooSmall: tooSmall)) }
        // The view kept the page within the list; the core learns where it stands.
        if let scrolled = frame.scrolled,
           scrolled.page != state.scroll || scrolled.more != state.scrollMore || scrolled.down != state.scrollDown {
            _ = reduce(&state, .scrolled(page: scrolled.page, more: scrolled.more, down: scrolled.down))
        }
    }

    /// One action through the core, then its effects, in order.
    private func dispatch(_ action: Action) {
        let effects = reduce(&state, action)
        var records: [Record] = []
        for effect in effects {
            if case .append(let record) = effect { records.append(record) }
        }
        if !records.isEmpty || state.save != .saved {
            let status = journal.append(records, session: state.session)
            _ = reduce(&state, .journal(status))
            showRelocations()
        }
        for effect in effects {
            switch effect {
            case .append: break
            case .bell: terminal.beep()
            case .export: export()
            case .saveAs(let path): saveAs(path)
            case .removeDevice(let number): removeDevice?(number)
            case .exit(let reason): exit = reason
            }
        }
    }

    /// `/export`: the Markdown report beside the log, from the same records, as
    /// `sensemaking export LOG` writes it by default: local time (TZ, else the system's
    /// zone; UTC when TZ names no zone), names as said, never the private notes, nothing
    /// masked. Other formats and options are the command line's (docs/facilitator-guide.md).
    private func export() {
        let path = ExportFormat.besideLog(journal.path)
        let options = Report.Options(timeZone: ExportFormat.zone(named: nil) ?? TimeZone(identifier: "UTC")!)
        do {
            try ExportFile.write(MarkdownReport.render(Report(state.session, options: options)), to: path, log: journal.path, force: false)
            let flagged = PersonalData.flagged(state.session, notes: false)
            if flagged.isEmpty {
                _ = reduce(&state, .notice(.info("Report written, without private notes: \(path)")))
            } else {
                _ = reduce(&state, .notice(.error("Report written: \(path). Personal data? "
                    + flagged.joined(separator: ", ") + ": sensemaking export --redact masks it.")))
            }
        } catch {
            _ = reduce(&state, .notice(.error(error.message)))
        }
    }

    /// The log was deleted or moved away and the journal continued in a recovered file.
    private func showRelocations() {
        guard let moved = journal.takeRelocations().last else { return }
        let from = Self.displayName(moved.from), to = Self.displayName(moved.to)
        _ = reduce(&state, .notice(.error("\(from) was deleted or moved; everything is saved in \(to), and the session goes on there.")))
        state.logName = to
    }

    private func saveAs(_ path: String) {
        do {
            let status = try journal.saveAs(path: path, session: state.session)
            _ = reduce(&state, .journal(status))
            _ = reduce(&state, .notice(.info("The journal continues in \(path).")))
            state.logName = Self.displayName(path)
        } catch {
            _ = reduce(&state, .notice(.error("\(error)")))
        }
    }

    /// The name the status line shows for a log: its file name.
    public static func displayName(_ path: String) -> String {
        (path as NSString).lastPathComponent
    }
}
