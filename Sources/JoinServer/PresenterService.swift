import Foundation
import SensemakingCore
import Synchronization

/// The presenter page's listener, beside the join page's: on the loopback address unless the
/// facilitator names another (`--presenter HOST:PORT`), and over HTTPS when that address is
/// on the network and the join page is (its secret must not cross the room's Wi-Fi in clear).
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

    /// `--presenter`'s address as served: on the network it takes the join page's TLS, so the
    /// presenter's secret travels as safely as the participants' link; on this machine's
    /// loopback nothing crosses a network, and it stays plain HTTP.
    public static func address(_ named: ServeAddress, joining: ServeAddress) -> ServeAddress {
        var address = named
        address.tls = named.isLoopback ? nil : joining.tls
        return address
    }

    /// Listens on `address` with a fresh secret and returns once it does.
    public static func start(_ address: ServeAddress, hub: PresenterHub) throws -> PresenterService {
        let server = PresenterServer(hub: hub, configuration: .init(hosts: address.hosts, secret: PresenterServer.randomSecret(),
                                                                    secure: address.secure))
        let service = PresenterService(server: server, address: address)
        let task = try Listener.start(server.router(), server: try JoinService.serverBuilder(address), on: address,
                                      maxConnections: maxConnections, label: "sensemaking.presenter", option: "--presenter")
        service.task.withLock { $0 = task }
        return service
    }

    /// The link that signs a browser in: what `/presenter` shows and the access file holds.
    public var link: String { address.url + "presenter/s/" + server.configuration.secret }

    public func stop() {
        server.hub.close()
        task.withLock { $0?.cancel() }
    }
}
