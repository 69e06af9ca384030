import Foundation
import SensemakingCore
import Synchronization

/// The presenter page's listener, beside the join page's: on the loopback address unless the
/// facilitator names another (`--presenter HOST:PORT`).
public final class PresenterService: Sendable {
    public let server: PresenterServer
    public let address: ServeAddress
    private let task: Mutex<Task<Void, Never>?> = Mutex(nil)

    /// A laptop, a tablet and `sensemaking presenter`, with room to spare.
    static let maxConnections = 20

    private init(server: PresenterServer, address: ServeAddress) {
        self.server = server
        self.address = address
    }

    /// Where the presenter page listens when `--presenter` does not say: this machine only,
    /// on the port after the join page's.
    public static func defaultAddress(joining: ServeAddress) -> ServeAddress {
        ServeAddress(host: "127.0.0.1", port: joining.port == 65535 ? 65534 : joining.port + 1)
    }

    /// Listens on `address` with a fresh secret and returns once it does.
    public static func start(_ address: ServeAddress, hub: PresenterHub) throws -> PresenterService {
        let server = PresenterServer(hub: hub, configuration: .init(hosts: address.hosts, secret: PresenterServer.randomSecret()))
        let service = PresenterService(server: server, address: address)
        let task = try Listener.start(server.router(), on: address, maxConnections: maxConnections,
                                      label: "sensemaking.presenter", option: "--presenter")
        service.task.withLock { $0 = task }
        return service
    }

    /// The link that signs a browser in: what `/presenter` shows and the access file holds.
    public var link: String { "http://\(address.host):\(address.port)/presenter/s/\(server.configuration.secret)" }

    public func stop() {
        server.hub.close()
        task.withLock { $0?.cancel() }
    }
}
