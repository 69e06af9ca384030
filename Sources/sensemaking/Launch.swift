import CursesTerminal
import Foundation
import JoinServer
import TerminalPort
import SensemakingCore
import SessionLog
import TerminalUI
import WorkshopLoop

/// `run` and `resume`: opens the journal and the real terminal, runs the loop, and says on
/// the way out where the log is.
enum Launch {
    /// `run`: a new log, then the session.
    static func start(header: SessionHeader, logPath: String, theme name: ThemeName, serve: Serving?) throws {
        try checkTerminal()
        let state = AppState(session: Session(header: header), logName: Workshop.displayName(logPath), now: Date())
        // The log is created once the server listens: a port that is taken leaves no log
        // behind to block the same command run again.
        try run(state: state, theme: name, resuming: false, serve: serve) {
            try open { try Journal.create(path: logPath, header: header) }
        }
    }

    /// `resume`: the log replayed through the same `apply`, then the session goes on.
    static func resume(logPath: String, theme name: ThemeName, serve: Serving?) throws {
        try checkTerminal()
        let (journal, session, notices) = try open { try Journal.resume(path: logPath) }
        var state = AppState(session: session, logName: Workshop.displayName(logPath), now: Date())
        if let notice = notices.first { state.message = .info(notice) }
        try run(state: state, theme: name, resuming: true, serve: serve) { journal }
    }

    private static func run(state: AppState, theme name: ThemeName, resuming: Bool, serve: Serving?,
                            journal openJournal: () throws -> Journal) throws {
        var state = state
        let theme = Theme.resolve(name.rawValue, environment: ProcessInfo.processInfo.environment)
        // The inbox exists before the screen, so the server is listening (or has failed
        // plainly, on a normal terminal) before the screen takes the terminal.
        let inbox = Inbox()
        var service: JoinService?
        var presenter: PresenterService?
        func stopServing() {
            service?.stop()
            presenter?.stop()
        }
        if let serve {
            let secrets = Secrets.random()
            let hub = JoinHub(state) { inbox.post($0) }
            do {
                service = try JoinService.start(serve.join, hub: hub, secrets: secrets)
                presenter = try PresenterService.start(serve.presenter, hub: PresenterHub(state) { inbox.post($0) })
            } catch {
                stopServing()
                throw Failure("\(error)", code: 1)
            }
            state.join = JoinService.joinInfo(serve.join, secrets: secrets)
            state.presenterLink = presenter?.link
        }
        let journal: Journal
        // The log the access file is beside (a `/saveas` later moves the journal, not the file).
        var accessLog: String?
        do {
            journal = try openJournal()
            // Beside the log, 0600, once its lock is ours: how `sensemaking presenter` finds us.
            if let link = presenter?.link { try PresenterAccess.write(link, forLog: journal.path) }
            accessLog = presenter == nil ? nil : journal.path
        } catch {
            stopServing()
            throw error
        }
        let screen: CursesScreen
        do {
            screen = try CursesScreen.start(theme: theme, inbox: inbox)
        } catch {
            stopServing()
            accessLog.map(PresenterAccess.remove)
            throw Failure("\(error)", code: 2)
        }
        let workshop = Workshop(state: state, journal: journal, terminal: screen, theme: theme)
        if let server = service?.server {
            let presenterHub = presenter?.server.hub
            workshop.published = { state in
                server.hub.publish(state)
                presenterHub?.publish(state)
            }
            workshop.removeDevice = server.remove
        }
        let reason = workshop.run(resuming: resuming)
        stopServing()
        accessLog.map(PresenterAccess.remove)
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
