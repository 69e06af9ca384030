import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import SensemakingCore
import Synchronization

/// The join server running beside the loop, in the same process, on its own threads.
public final class JoinService: Sendable {
    public let server: JoinServer
    public let address: ServeAddress
    private let task: Mutex<Task<Void, Never>?> = Mutex(nil)

    /// Devices connected at once, listening or sending; more wait in the backlog.
    public static let maxConnections = 300

    private init(server: JoinServer, address: ServeAddress) {
        self.server = server
        self.address = address
    }

    /// Listens on `address` and returns once it does (`Listener.start`).
    public static func start(_ address: ServeAddress, hub: JoinHub, secrets: Secrets) throws -> JoinService {
        let server = JoinServer(hub: hub, configuration: .init(hosts: address.hosts, secrets: secrets, secure: address.secure))
        let service = JoinService(server: server, address: address)
        let task = try Listener.start(server.router(), server: try serverBuilder(address), on: address, maxConnections: maxConnections,
                                      label: "sensemaking.join", option: "--serve")
        service.task.withLock { $0 = task }
        return service
    }

    /// HTTP/1.1, over TLS when the address has its files: the join page's and the presenter
    /// page's listeners.
    static func serverBuilder(_ address: ServeAddress) throws -> HTTPServerBuilder {
        guard let tls = address.tls else { return .http1() }
        return try .tls(.http1(), tlsConfiguration: try tlsConfiguration(tls))
    }

    /// The server's TLS from the PEM files, or a failure that names the file it could not use.
    static func tlsConfiguration(_ files: TLSFiles) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(files.certificate)
        } catch {
            throw JoinServiceError(message: "Cannot read the certificate \(files.certificate) (--tls-cert): \(error)")
        }
        guard !chain.isEmpty else { throw JoinServiceError(message: "No certificate in \(files.certificate) (--tls-cert).") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: files.key, format: .pem)
        } catch {
            throw JoinServiceError(message: "Cannot read the private key \(files.key) (--tls-key): \(error)")
        }
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }

    /// Why the server could not listen, in words a facilitator can act on.
    static func explain(_ problem: String, _ address: ServeAddress, option: String = "--serve") -> String {
        let start = "Cannot serve on \(address.host):\(address.port): "
        if problem.contains("Address already in use") {
            return start + "the port is taken by another program; choose another, such as \(option) \(address.host):\(address.port == 8765 ? 8766 : 8765)."
        }
        if problem.contains("Cannot assign requested address") {
            return start + "\(address.host) is not an address of this machine (`ip addr` lists them)."
        }
        return start + problem
    }

    /// Ends the event streams and stops listening.
    public func stop() {
        server.hub.close()
        task.withLock { $0?.cancel() }
    }

    /// What Welcome and `/qr` show: the address, the code and the QR code of the link.
    public static func joinInfo(_ address: ServeAddress, secrets: Secrets) -> JoinInfo {
        let code = QRCode(address.joinLink(secrets))
        return JoinInfo(address: address.url, code: secrets.code,
                        qrOnDark: code?.halfBlocks(inverted: true) ?? [],
                        qrOnLight: code?.halfBlocks(inverted: false) ?? [])
    }
}

public struct JoinServiceError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
