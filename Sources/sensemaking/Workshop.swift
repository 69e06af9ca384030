import CursesTerminal
import Export
import Foundation
import SensemakingCore
import SessionLog
import TerminalUI

/// The running session: terminal in, reduce, journal and screen out. Wiring only; every
/// decision is made in the core, every pixel in the view.
final class Workshop {
    private var state: AppState
    private let journal: Journal
    private let screen: CursesScreen
    private let theme: Theme
    private var decoder = InputDecoder()
    private var exit: ExitReason?
    /// Redraws only what changed: a key the input box, a tick the clock, an idle tick nothing.
    private var renderer = Renderer()

    private init(state: AppState, journal: Journal, screen: CursesScreen, theme: Theme) {
        self.state = state
        self.journal = journal
        self.screen = screen
        self.theme = theme
    }

    /// `run`: a new log, then the session.
    static func start(header: SessionHeader, logPath: String, theme name: ThemeName) throws {
        try checkTerminal()
        let journal = try open { try Journal.create(path: logPath, header: header) }
        let state = AppState(session: Session(header: header), logName: displayName(logPath), now: Date())
        try run(state: state, journal: journal, theme: name, resuming: false)
    }

    /// `resume`: the log replayed through the same `apply`, then the session goes on.
    static func resume(logPath: String, theme name: ThemeName) throws {
        try checkTerminal()
        let (journal, session, notices) = try open { try Journal.resume(path: logPath) }
        var state = AppState(session: session, logName: displayName(logPath), now: Date())
        if let notice = notices.first { state.message = .info(notice) }
        try run(state: state, journal: journal, theme: name, resuming: true)
    }

    private static func run(state: AppState, journal: Journal, theme name: ThemeName, resuming: Bool) throws {
        let theme = Theme.resolve(name.rawValue, environment: ProcessInfo.processInfo.environment)
        let screen: CursesScreen
        do {
            screen = try CursesScreen.start(theme: theme)
        } catch {
            throw Failure("\(error)", code: 2)
        }
        let workshop = Workshop(state: state, journal: journal, screen: screen, theme: theme)
        if resuming { workshop.dispatch(.resume) }
        let reason = workshop.loop()
        screen.stop()
        journal.close()
        let path = journal.path
        switch reason {
        case .end:
            Console.out("Session closed. The log is \(path)")
            Console.out("Export it: sensemaking export \(path) --format html --output report.html")
        case .quit:
            Console.out("Saved to \(path). Continue with: sensemaking resume \(path)")
        }
        if case .notSaved(let why, let pending) = workshop.state.save {
            throw Failure("\(pending) records could not be saved to \(path): \(why)")
        }
    }

    private func loop() -> ExitReason {
        draw()
        while exit == nil {
            if screen.terminationRequested {
                dispatch(.terminate)
                break
            }
            // A lone ESC completes on a short silence; otherwise wake for the clock.
            switch screen.read(timeoutMilliseconds: decoder.awaitsMore ? 30 : 250) {
            case .timeout:
                dispatch(.tick(Date()))
                // A lone ESC, or a paste that lost its end marker, completes on silence;
                // with nothing pending the decoder ignores it.
                for action in decoder.feed(.timeout) { dispatch(action) }
            case .resize:
                draw(force: true)
                continue
            case .input(let raw):
                dispatch(.tick(Date()))
                for action in decoder.feed(raw) {
                    dispatch(action)
                    if exit != nil { break }
                    if case .paste = action, screen.inputPending { decoder.continuePaste() }
                }
            case .endOfInput:
                dispatch(.terminate)
            }
            // Mid-paste or with more input already waiting, a frame would be stale at once.
            if !decoder.isPasting && !screen.inputPending { draw() }
        }
        return exit ?? .quit
    }

    /// Skips the paint when the frame is the one on screen (an idle tick within the same
    /// second of the clock), unless the terminal needs it all again (a resize). Every frame
    /// the renderer returns as changed is painted, so its rows are relative to the screen's.
    private func draw(force: Bool = false) {
        let (frame, change) = renderer.render(state, size: screen.size, theme: theme)
        if force {
            screen.draw(frame)
        } else if change != .none {
            screen.draw(frame, rows: change.rows)
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
            case .bell: screen.beep()
            case .export: export()
            case .saveAs(let path): saveAs(path)
            case .exit(let reason): exit = reason
            }
        }
    }

    /// `/export`: the Markdown report beside the log, from the same records.
    private func export() {
        let path = ExportFormat.besideLog(journal.path)
        do {
            try ExportFile.write(MarkdownReport.render(Report(state.session)), to: path, log: journal.path, force: false)
            _ = reduce(&state, .notice(.info("Report written: \(path)")))
        } catch {
            _ = reduce(&state, .notice(.error(error.message)))
        }
    }

    /// The log was deleted or moved away and the journal continued in a recovered file.
    private func showRelocations() {
        guard let moved = journal.takeRelocations().last else { return }
        let from = Workshop.displayName(moved.from), to = Workshop.displayName(moved.to)
        _ = reduce(&state, .notice(.error("\(from) was deleted or moved; everything is saved in \(to), and the session goes on there.")))
        state.logName = to
    }

    private func saveAs(_ path: String) {
        do {
            let status = try journal.saveAs(path: path, session: state.session)
            _ = reduce(&state, .journal(status))
            _ = reduce(&state, .notice(.info("The journal continues in \(path).")))
            state.logName = Workshop.displayName(path)
        } catch {
            _ = reduce(&state, .notice(.error("\(error)")))
        }
    }

    private static func displayName(_ path: String) -> String {
        (path as NSString).lastPathComponent
    }

    private static func checkTerminal() throws {
        if let problem = CursesScreen.environmentProblem() { throw Failure(problem, code: 2) }
    }

    private static func open<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure("\(error)", code: 1)
        }
    }
}
