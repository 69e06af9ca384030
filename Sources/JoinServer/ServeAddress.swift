import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `--tls-cert FILE --tls-key FILE`: PEM files, read when the server starts.
public struct TLSFiles: Equatable, Sendable {
    public var certificate: String
    public var key: String

    public init(certificate: String, key: String) {
        self.certificate = certificate
        self.key = key
    }
}

/// `--serve [HOST:]PORT`: where the join server listens, and the address devices open.
public struct ServeAddress: Equatable, Sendable {
    public var host: String
    public var port: Int
    /// The certificate and key to serve HTTPS with (`--tls-cert`, `--tls-key`); nil: plain HTTP.
    public var tls: TLSFiles?

    public init(host: String, port: Int, tls: TLSFiles? = nil) {
        self.host = host
        self.port = port
        self.tls = tls
    }

    public var secure: Bool { tls != nil }

    /// Reads `HOST:PORT` or `PORT`; a port alone binds `lanAddress`. Nil when it is neither.
    public init?(_ text: String, lanAddress: @autoclosure () -> String?) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let portText = parts.last, let port = Int(portText), (1...65535).contains(port) else {
            return nil
        }
        if parts.count == 2 {
            guard !parts[0].isEmpty else { return nil }
            host = String(parts[0])
        } else {
            guard let lan = lanAddress() else { return nil }
            host = lan
        }
        self.port = port
    }

    /// The port of `--serve` alone (and of `--serve` before a log's name or another option).
    public static let defaultPort = 8765

    /// The command line with `--serve` alone given the default port: ArgumentParser has no
    /// option whose value may be left out, so it is filled in before parsing. A value is taken
    /// as `--serve`'s only when it looks like `PORT` or `HOST:PORT` (`resume --serve LOG` stays
    /// a log).
    public static func fillingBareServe(_ arguments: [String]) -> [String] {
        var filled: [String] = []
        for (index, argument) in arguments.enumerated() {
            filled.append(argument)
            guard argument == "--serve" else { continue }
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            if let next, looksLikeAddress(next) { continue }
            filled.append(String(defaultPort))
        }
        return filled
    }

    /// `PORT` or `HOST:PORT` by its shape: digits last, after at most one colon.
    static func looksLikeAddress(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let port = parts.last, !port.isEmpty else { return false }
        return port.allSatisfy(\.isASCII) && port.allSatisfy(\.isNumber)
    }

    /// What a device's browser opens.
    public var url: String { "\(secure ? "https" : "http")://\(host):\(port)/" }

    /// Whether the address is this machine's own loopback (an IPv4 address in 127.0.0.0/8, or
    /// `localhost`): what is sent to it never crosses a network. A host name that merely
    /// starts with "127." is not. (`--serve` and `--presenter` take no IPv6 address.)
    public var isLoopback: Bool {
        if host == "localhost" { return true }
        var address = in_addr()
        guard inet_pton(AF_INET, host, &address) == 1 else { return false }
        return UInt32(bigEndian: address.s_addr) >> 24 == 127
    }

    /// The `Host` values a request to this address may carry: the address itself, and the
    /// loopback names when it is loopback.
    public var hosts: Set<String> {
        var hosts: Set<String> = ["\(host):\(port)"]
        if ["127.0.0.1", "localhost"].contains(host) { hosts.formUnion(["127.0.0.1:\(port)", "localhost:\(port)"]) }
        return hosts
    }

    /// The QR link: the address with the secret, in capitals, so that libqrencode encodes it
    /// in alphanumeric mode: for any IPv4 address and port a code of 29 modules (37 columns
    /// and 19 lines with its quiet zone), which fits `/qr` on an 80×24 projector. Browsers
    /// read scheme and host in any case.
    public func joinLink(_ secrets: Secrets) -> String { "\(url)j/\(secrets.link)".uppercased() }

    /// The first IPv4 address of an interface that is up and not loopback.
    public static func lanAddress() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return nil }
        defer { freeifaddrs(list) }
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            let flags = Int32(entry.pointee.ifa_flags)
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                  flags & Int32(IFF_UP) != 0, flags & Int32(IFF_LOOPBACK) == 0 else { continue }
            var name = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &name, socklen_t(name.count),
                              nil, 0, NI_NUMERICHOST) == 0 else { continue }
            return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return nil
    }
}
