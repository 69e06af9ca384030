import Foundation
import SensemakingCore
#if canImport(Glibc)
import Glibc
#endif

/// What `sensemaking presenter` needs of HTTP, and no more: a GET on the presenter listener
/// of this machine, one request per connection (`Connection: close`), read to the end. A few
/// system calls rather than URLSession, which would link libcurl into the binary for it.
public struct PresenterClient {
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    public let host: String
    public let port: Int
    let secret: String
    private var cookie: String?

    /// From the link the access file holds: `http://HOST:PORT/presenter/s/SECRET` (an
    /// `https://` one is refused, saying to open it in a browser).
    public init(link: String) throws {
        if link.hasPrefix("https://") {
            // This client speaks plain HTTP to this machine only; a browser checks the certificate.
            throw Problem(description: "The presenter page is served over HTTPS on the network (--presenter with --tls-cert): "
                + "open it in a browser; `sensemaking presenter --link` prints its link.")
        }
        guard let url = URL(string: link), url.scheme == "http", let host = url.host, let port = url.port,
              url.pathComponents.count == 4, url.pathComponents[1] == "presenter", url.pathComponents[2] == "s" else {
            throw Problem(description: "Not a presenter link: \(link)")
        }
        self.host = host
        self.port = port
        secret = url.pathComponents[3]
    }

    /// The presenter view now; signs in first (again, when the session forgot this client).
    public mutating func view() throws -> PresenterView {
        if cookie == nil { try signIn() }
        var answer = try get("/presenter/view")
        if answer.status == 403 {
            try signIn()
            answer = try get("/presenter/view")
        }
        guard answer.status == 200 else { throw Problem(description: "The session answered \(answer.status).") }
        do {
            return try JSONDecoder().decode(PresenterView.self, from: Data(answer.body))
        } catch {
            throw Problem(description: "The session's answer is not a presenter view (a newer or older sensemaking?).")
        }
    }

    private mutating func signIn() throws {
        let answer = try get("/presenter/s/\(secret)")
        guard answer.status == 303, let setCookie = answer.headers["set-cookie"] else {
            throw Problem(description: "The session refused the presenter link (\(answer.status)): is it the same session?")
        }
        cookie = String(setCookie.prefix { $0 != ";" })
    }

    struct Answer {
        var status: Int
        /// Lower-cased names.
        var headers: [String: String]
        var body: [UInt8]
    }

    func get(_ path: String) throws -> Answer {
        var request = "GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n"
        if let cookie { request += "Cookie: \(cookie)\r\n" }
        request += "\r\n"
        return try Self.parse(exchange(Array(request.utf8)))
    }

    /// Connects, writes `request`, reads until the server closes. Two seconds at most per read.
    private func exchange(_ request: [UInt8]) throws -> [UInt8] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw Problem(description: "Cannot find \(host).")
        }
        defer { freeaddrinfo(list) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { throw Problem(description: "No socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            throw Problem(description: "The session is not answering on \(host):\(port): has it ended?")
        }
        var sent = 0
        while sent < request.count {
            let wrote = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard wrote > 0 else { throw Problem(description: "The session closed the connection.") }
            sent += wrote
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else { throw Problem(description: "No answer from the session in time.") }
            received += buffer[0..<count]
        }
        return received
    }

    /// The status, headers and body of a whole response, the body de-chunked when it came in
    /// chunks.
    static func parse(_ bytes: [UInt8]) throws -> Answer {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
            throw Problem(description: "The session's answer was cut short.")
        }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Problem(description: "The session's answer is not HTTP.")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = try dechunk(body) }
        return Answer(status: status, headers: headers, body: body)
    }

    /// `Transfer-Encoding: chunked`: hex size, CRLF, that many bytes, CRLF; a size of 0 ends.
    static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = [], index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstIndex(of: 13),
                  let size = Int(String(decoding: bytes[index..<lineEnd], as: UTF8.self).prefix { $0 != ";" }, radix: 16) else {
                throw Problem(description: "The session's answer was cut short.")
            }
            if size == 0 { break }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { throw Problem(description: "The session's answer was cut short.") }
            out += bytes[start..<(start + size)]
            index = start + size + 2
        }
        return out
    }
}
