import ArgumentParser
import CursesTerminal
import Foundation
import JoinServer
import SensemakingCore
import TerminalUI

/// `sensemaking presenter`: the presenter view in a second terminal on this machine. It
/// finds the running session through the 0600 file beside its log (`LOG.presenter`), signs
/// in with the link it holds and asks for the view once a second over plain HTTP (never
/// HTTPS: a presenter page served over HTTPS is for a browser).
struct PresenterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presenter",
        abstract: "Your own view of a session running with --serve, in a second terminal on this machine.",
        discussion: "It shows the stage, the clock, the session's budget, who has not spoken and your private notes; q leaves. See docs/presenter.md."
    )

    @Argument(help: ArgumentHelp("The running session's log (default: the newest in this folder with a presenter page).", valueName: "LOG"))
    var log: String?

    @Flag(help: "Print the presenter page's link, to open in a browser, and exit.")
    var link = false

    @OptionGroup var look: LookOptions

    func run() throws {
        try reporting {
            let access = try accessPath()
            let address = try read(access)
            if link {
                Console.out(address)
                return
            }
            var client = try connect(address)
            if let problem = CursesScreen.environmentProblem() { throw Failure(problem, code: 2) }
            let theme = Theme.resolve(look.theme.rawValue, environment: ProcessInfo.processInfo.environment)
            let screen: CursesScreen
            do {
                screen = try CursesScreen.start(theme: theme)
            } catch {
                throw Failure("\(error)", code: 2)
            }
            defer { screen.stop() }
            let place = "\(client.host):\(client.port) · q leaves"
            while !screen.terminationRequested {
                var view: PresenterView?
                var status = place
                do {
                    view = try client.view()
                } catch {
                    // The session restarted (a new link) or has not come back yet: keep trying.
                    status = "\(error) · q leaves"
                    if let fresh = try? PresenterClient(link: PresenterAccess.read(access)) { client = fresh }
                }
                screen.draw(renderPresenter(view, status: status, size: screen.size), rows: nil)
                switch screen.read(timeoutMilliseconds: 1000) {
                case .input(.character(let scalar)) where ["q", "Q", "\u{3}", "\u{1b}"].contains(scalar):
                    return
                case .endOfInput:
                    return
                default:
                    continue
                }
            }
        }
    }

    /// `LOG.presenter`, or the newest such file in the current folder.
    private func accessPath() throws -> String {
        if let log { return PresenterAccess.path(forLog: log) }
        let folder = FileManager.default.currentDirectoryPath
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let newest = names.filter { $0.hasSuffix(".presenter") }
            .map { (name: $0, date: (try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date) ?? .distantPast) }
            .max { $0.date < $1.date }
        guard let newest else {
            throw Failure("No session with a presenter page in this folder: start one with --serve, or name its log: sensemaking presenter LOG.")
        }
        return newest.name
    }

    private func read(_ access: String) throws -> String {
        do {
            return try PresenterAccess.read(access)
        } catch {
            throw Failure("\(error)")
        }
    }

    private func connect(_ address: String) throws -> PresenterClient {
        do {
            return try PresenterClient(link: address)
        } catch {
            throw Failure("\(error)")
        }
    }
}
