import ArgumentParser
import JoinServer

/// The log `resume` and `export` read.
struct LogArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The session's log.", valueName: "LOG"))
    var log: String
}

/// How the running session looks: `run` and `resume`.
struct LookOptions: ParsableArguments {
    @Option(help: "auto, dark, light or contrast.")
    var theme: ThemeName = .auto
}

/// `--serve [HOST:]PORT`: participants join from their own devices (`run` and `resume`).
struct ServeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Serve a join page for participants' own devices. A port alone, or --serve alone (port \(ServeAddress.defaultPort)), uses this machine's network address.",
                               valueName: "[HOST:]PORT"))
    var serve: String?

    @Option(help: ArgumentHelp("With --serve: where your presenter page listens (docs/presenter.md). Default: this machine only (127.0.0.1), on the port after --serve's. Name a network address to open it from a tablet.",
                               valueName: "[HOST:]PORT"))
    var presenter: String?

    @Option(help: ArgumentHelp("With --serve and --tls-key: serve HTTPS with this certificate (PEM; its chain may follow).", valueName: "FILE"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("The certificate's private key (PEM), for --tls-cert.", valueName: "FILE"))
    var tlsKey: String?

    /// The certificate and key for HTTPS, or nil for plain HTTP.
    func tls() throws -> TLSFiles? {
        switch (tlsCert, tlsKey) {
        case (nil, nil): return nil
        case (let certificate?, let key?):
            guard serve != nil else { throw ValidationError("--tls-cert and --tls-key serve HTTPS with --serve.") }
            return TLSFiles(certificate: certificate, key: key)
        default: throw ValidationError("--tls-cert and --tls-key go together: the certificate and its private key.")
        }
    }

    /// The address to serve on, or nil without `--serve`.
    func address() throws -> ServeAddress? {
        guard let serve else { return nil }
        guard var address = ServeAddress(serve, lanAddress: ServeAddress.lanAddress()) else {
            if ServeAddress(serve, lanAddress: "0.0.0.0") != nil {
                throw ValidationError("--serve found no network address on this machine: join the room's Wi-Fi or your phone's hotspot, or name the address: --serve HOST:PORT.")
            }
            throw ValidationError("--serve takes PORT or HOST:PORT (1-65535), such as 8765 or 192.168.1.5:8765.")
        }
        address.tls = try tls()
        return address
    }

    /// Both addresses, checked together: the join page's and the presenter page's.
    func serving() throws -> Serving? {
        guard let joining = try address() else {
            if presenter != nil { throw ValidationError("--presenter goes with --serve: the presenter page is served beside the join page.") }
            return nil
        }
        return Serving(join: joining, presenter: try presenterAddress(joining: joining))
    }

    /// Where the presenter page listens: a port alone stays on this machine (127.0.0.1).
    func presenterAddress(joining: ServeAddress) throws -> ServeAddress {
        guard let presenter else { return PresenterService.defaultAddress(joining: joining) }
        guard let address = ServeAddress(presenter, lanAddress: "127.0.0.1") else {
            throw ValidationError("--presenter takes PORT or HOST:PORT (1-65535), such as 8766 or 192.168.1.5:8766.")
        }
        // By host and port: the join page's address also carries its TLS files.
        guard address.host != joining.host || address.port != joining.port else {
            throw ValidationError("--presenter needs an address or port of its own, not --serve's.")
        }
        return PresenterService.address(address, joining: joining)
    }
}

enum ThemeName: String, ExpressibleByArgument, CaseIterable {
    case auto, dark, light, contrast
}

/// What `--serve` and `--presenter` ask for.
struct Serving {
    var join: ServeAddress
    var presenter: ServeAddress
}
