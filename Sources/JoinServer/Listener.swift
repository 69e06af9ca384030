import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import Synchronization

/// A Hummingbird application listening beside the loop, in the same process, on its own
/// threads: the join page's (`JoinService`) and the presenter page's (`PresenterService`).
enum Listener {
    /// Listens on `address` and returns once it does; throws when it cannot (the port is
    /// taken, the address is not this machine's), naming the `option` that chose it. Silent:
    /// the terminal is the room's screen.
    static func start(_ router: Router<BasicRequestContext>, server: HTTPServerBuilder = .http1(), on address: ServeAddress,
                      maxConnections: Int, label: String, option: String) throws -> Task<Void, Never> {
        let started = DispatchSemaphore(value: 0)
        let failure = Mutex<String?>(nil)
        let app = Application(
            router: router,
            server: server,
            configuration: .init(address: .hostname(address.host, port: address.port),
                                 availableConnectionsDelegate: MaximumAvailableConnections(maxConnections)),
            onServerRunning: { _ in started.signal() },
            logger: Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() }))
        let task = Task.detached {
            do {
                // No signal handlers of its own: the loop's own handlers decide how to leave.
                try await app.runService(gracefulShutdownSignals: [])
            } catch {
                failure.withLock { $0 = "\(error)" }
                started.signal()
            }
        }
        started.wait()
        if let problem = failure.withLock({ $0 }) {
            throw JoinServiceError(message: JoinService.explain(problem, address, option: option))
        }
        return task
    }
}
