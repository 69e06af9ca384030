@testable import JoinServer
import Testing

@Suite struct ServeAddressTests {
    @Test func aPortAloneTakesTheNetworkAddress() {
        #expect(ServeAddress("8765", lanAddress: "10.0.0.7") == ServeAddress(host: "10.0.0.7", port: 8765))
        #expect(ServeAddress("8765", lanAddress: nil) == nil)
    }

    @Test func hostAndPort() {
        let address = ServeAddress("127.0.0.1:8080", lanAddress: nil)
        #expect(address == ServeAddress(host: "127.0.0.1", port: 8080))
        #expect(address?.url == "http://127.0.0.1:8080/")
        #expect(address?.hosts == ["127.0.0.1:8080", "localhost:8080"])
        #expect(ServeAddress(host: "10.0.0.7", port: 80).hosts == ["10.0.0.7:80"])
    }

    /// The presenter page on the network takes the join page's TLS; on loopback it stays plain
    /// HTTP; without TLS there is none to take.
    @Test func thePresenterOnTheNetworkIsServedOverTheJoinPagesTLS() {
        let files = TLSFiles(certificate: "cert.pem", key: "key.pem")
        let joining = ServeAddress(host: "10.0.0.7", port: 8765, tls: files)
        let network = PresenterService.address(ServeAddress(host: "10.0.0.7", port: 8766), joining: joining)
        #expect(network.tls == files)
        #expect(network.url == "https://10.0.0.7:8766/")
        for host in ["127.0.0.1", "127.0.0.2", "127.255.0.9", "localhost"] {
            #expect(PresenterService.address(ServeAddress(host: host, port: 8766), joining: joining).tls == nil, "\(host)")
        }
        // A name that starts like a loopback address is a host on the network.
        for host in ["127.example.lan", "128.0.0.1", "1.127.0.0", "laptop.local"] {
            #expect(PresenterService.address(ServeAddress(host: host, port: 8766), joining: joining).tls == files, "\(host)")
        }
        let plain = ServeAddress(host: "10.0.0.7", port: 8765)
        #expect(PresenterService.address(ServeAddress(host: "10.0.0.7", port: 8766), joining: plain).tls == nil)
        #expect(PresenterService.defaultAddress(joining: joining).tls == nil)
    }

    @Test func whatIsNotAnAddressIsRefused() {
        for text in ["", ":80", "host:", "0", "65536", "a:b:80", "eighty", "host:-1"] {
            #expect(ServeAddress(text, lanAddress: "10.0.0.7") == nil, "\(text)")
        }
    }
}

@Suite struct ServeFailureTests {
    @Test func aTakenPortOrAForeignAddressIsSaidPlainly() {
        let address = ServeAddress(host: "127.0.0.1", port: 8765)
        #expect(JoinService.explain("bind(descriptor:ptr:bytes:): Address already in use) (errno: 98)", address)
                == "Cannot serve on 127.0.0.1:8765: the port is taken by another program; choose another, such as --serve 127.0.0.1:8766.")
        #expect(JoinService.explain("bind(descriptor:ptr:bytes:): Cannot assign requested address) (errno: 99)", address)
                == "Cannot serve on 127.0.0.1:8765: 127.0.0.1 is not an address of this machine (`ip addr` lists them).")
        #expect(JoinService.explain("something else", address) == "Cannot serve on 127.0.0.1:8765: something else")
    }
}

@Suite struct BareServeTests {
    @Test func serveAloneGetsTheDefaultPortAndAnAddressIsKept() {
        #expect(ServeAddress.fillingBareServe(["run", "--serve"]) == ["run", "--serve", "8765"])
        #expect(ServeAddress.fillingBareServe(["run", "--serve", "--title", "x"]) == ["run", "--serve", "8765", "--title", "x"])
        #expect(ServeAddress.fillingBareServe(["resume", "--serve", "log.md"]) == ["resume", "--serve", "8765", "log.md"])
        #expect(ServeAddress.fillingBareServe(["run", "--serve", "9000"]) == ["run", "--serve", "9000"])
        #expect(ServeAddress.fillingBareServe(["run", "--serve", "10.0.0.7:9000"]) == ["run", "--serve", "10.0.0.7:9000"])
        #expect(ServeAddress.fillingBareServe(["run", "--title", "--serve"]) == ["run", "--title", "--serve", "8765"],
                "ArgumentParser then says --title needs a value, as it would have")
        #expect(ServeAddress.fillingBareServe(["export", "log.md"]) == ["export", "log.md"])
    }
}
