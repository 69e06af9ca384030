import Foundation
import Hummingbird
import NIOCore
import SensemakingCore

/// The join server's routes over a `JoinHub`. Every answer is built here, refusals too, so
/// each carries the same security headers; nothing is read from disk.
public final class JoinServer: Sendable {
    public struct Configuration: Sendable {
        /// The `Host` values a request may carry (the served address): any other is refused,
        /// so a page on another site cannot reach this one through DNS rebinding.
        public var hosts: Set<String>
        public var secrets: Secrets
        /// Seconds on a monotonic clock, for the rate limits; tests pass their own.
        public var now: @Sendable () -> Double = JoinServer.uptime
        /// How long a send waits for the loop's answer.
        public var sendTimeout: Duration = .seconds(10)
        /// How often an idle event stream says something: a phone's browser, a Wi-Fi access
        /// point or a proxy drops a silent connection, and a write to a phone that went away
        /// fails, which ends its stream here.
        public var heartbeat: Duration = .seconds(20)
        /// Served over HTTPS: the device cookie is marked `Secure`.
        public var secure = false
    }

    public static let maxBody = 16 * 1024
    static let cookieName = "sm_device"

    public let hub: JoinHub
    let configuration: Configuration
    let devices = Devices()

    init(hub: JoinHub, configuration: Configuration) {
        self.hub = hub
        self.configuration = configuration
    }

    @Sendable public static func uptime() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// Who is connected, for the facilitator.
    public var connected: [ConnectedDevice] { devices.connected }

    /// `/remove N`: device `number` joins no more; its event stream ends now.
    public func remove(_ number: Int) {
        guard devices.remove(number: number) else { return }
        hub.wakeWatchers()
        tellConnected()
    }

    /// The loop keeps who is connected for `/devices`.
    private func tellConnected() {
        hub.tell(.connected(devices.connected))
    }

    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: Guard(hosts: configuration.hosts))
        router.get("/") { request, _ in self.page(request) }
        router.get("/app.css") { _, _ in Self.text(JoinPage.style, type: "text/css; charset=utf-8") }
        router.get("/app.js") { _, _ in Self.text(JoinPage.script, type: "text/javascript; charset=utf-8") }
        // Browsers ask for it by themselves: no icon, and no error in the console.
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("/j/:secret") { _, context in self.joinByLink(context.parameters.get("secret") ?? "") }
        // The QR code's link is in capitals (a smaller code), and a path is case-sensitive.
        router.get("/J/:secret") { _, context in self.joinByLink(context.parameters.get("secret") ?? "") }
        router.post("/join") { request, _ in await self.joinByCode(request) }
        router.post("/name") { request, _ in await self.pickName(request) }
        router.post("/send") { request, _ in await self.send(request) }
        router.post("/dots") { request, _ in await self.placeDots(request) }
        router.get("/view") { request, _ in self.viewJSON(request) }
        router.get("/events") { request, _ in self.events(request) }
        return router
    }

    // MARK: Routes

    func page(_ request: Request) -> Response {
        guard let device = device(request) else { return Self.html(JoinPage.join()) }
        let view = ParticipantView(hub.current.session, participant: device.name)
        if !view.anonymous && view.you == nil { return Self.html(JoinPage.pickName(view)) }
        let query = request.uri.queryParameters
        let notice = query["sent"] != nil ? "Sent: saved." : query["placed"] != nil ? "Dots placed: saved." : nil
        return Self.html(JoinPage.session(view, key: Secrets.random128(), notice: notice))
    }

    /// The QR link: `/j/SECRET`.
    func joinByLink(_ secret: String) -> Response {
        guard Secrets.matches(secret, configuration.secrets.link) else {
            return Self.html(JoinPage.join(notice: "This join link is not this session's."), status: .forbidden)
        }
        return joined()
    }

    /// The short code typed by hand; all devices together get a few tries a minute.
    func joinByCode(_ request: Request) async -> Response {
        let form: [String: String]
        switch await Self.form(request) {
        case .success(let fields): form = fields
        case .failure(let refusal): return refusal.response
        }
        guard devices.allowCodeAttempt(at: configuration.now()) else {
            return Self.html(JoinPage.join(notice: "Too many tries: wait a minute, or scan the QR code."), status: .tooManyRequests)
        }
        let code = (form["code"] ?? "").filter { !$0.isWhitespace }
        guard Secrets.matches(code, configuration.secrets.code) else {
            return Self.html(JoinPage.join(notice: "That is not the code on the screen."), status: .forbidden)
        }
        return joined()
    }

    /// A device bound by its cookie, then sent to the page.
    private func joined() -> Response {
        guard let token = devices.add() else {
            return Self.html(JoinPage.join(notice: "The room is full."), status: .serviceUnavailable)
        }
        tellConnected()
        var response = Self.redirect("/")
        // HttpOnly: the page's script cannot read it; SameSite=Strict: no other site's page
        // can send with it.
        response.headers[.setCookie] = "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict" + (configuration.secure ? "; Secure" : "")
        return response
    }

    /// A name picked from who is here (`name`), or a new one typed (`add`), which joins the
    /// session as `/join NAME` does: through the loop, answered once it is on disk.
    func pickName(_ request: Request) async -> Response {
        guard let token = token(request), devices.device(token) != nil else { return Self.notJoined() }
        let form: [String: String]
        switch await Self.form(request) {
        case .success(let fields): form = fields
        case .failure(let refusal): return refusal.response
        }
        func again(_ notice: String, _ status: HTTPResponse.Status) -> Response {
            Self.html(JoinPage.pickName(ParticipantView(hub.current.session, participant: nil), notice: notice), status: status)
        }
        var wanted = form["name"]
        if let added = form["add"] {
            let name: String
            switch Sanitizer.clean(added, as: .name) {
            case .failure(let failure): return again(failure.message, .unprocessableContent)
            case .success(let cleaned): name = cleaned
            }
            wanted = name
            switch await hub.send(.join(name: name, key: Secrets.random128()), timeout: configuration.sendTimeout) {
            case .sent: break
            case .refused(let reason): return again(reason, .conflict)
            case .notSaved, .noAnswer:
                return again("Your name is not saved yet. Add it again; it will not be added twice.", .serviceUnavailable)
            }
        }
        let session = hub.current.session
        guard let name = wanted.flatMap(session.participant(named:)) else {
            return again("Pick a name from the list.", .unprocessableContent)
        }
        devices.bind(token, to: name)
        tellConnected()
        return Self.redirect("/")
    }

    /// A POST from a joined device, within its rate: the device, its form, whether it wants
    /// JSON; or the answer that refuses it.
    struct DevicePost {
        var token: String
        var device: Devices.Device
        var form: [String: String]
        var wantsJSON: Bool
    }

    func devicePost(_ request: Request, tooFast: String) async -> Result<DevicePost, Refusal> {
        let wantsJSON = request.headers[.accept]?.contains("application/json") == true
        guard let token = token(request), let device = devices.device(token) else { return .failure(Refusal(Self.notJoined())) }
        switch await Self.form(request) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let form):
            guard devices.allowSend(token, at: configuration.now()) else {
                return .failure(Refusal(answer(.tooManyRequests, tooFast, json: wantsJSON, device: device)))
            }
            return .success(DevicePost(token: token, device: device, form: form, wantsJSON: wantsJSON))
        }
    }

    func send(_ request: Request) async -> Response {
        let post: DevicePost
        switch await devicePost(request, tooFast: "Not sent: that was faster than anyone types. Send again in a moment.") {
        case .success(let accepted): post = accepted
        case .failure(let refusal): return refusal.response
        }
        let (form, device, wantsJSON) = (post.form, post.device, post.wantsJSON)
        guard let key = form["key"], Self.isKey(key), let text = form["text"] else {
            return answer(.badRequest, "Not sent: the form was incomplete. Reload the page.", json: wantsJSON, device: device)
        }
        let session = hub.current.session
        let participant = session.anonymous ? nil : device.name
        let outcome = await hub.send(.send(participant: participant, text: text, key: key), timeout: configuration.sendTimeout)
        return answer(outcome, saved: "Sent: saved.", redirect: "/?sent=1", notDone: "Not sent",
                      again: "Send again; it will not be saved twice.", json: wantsJSON, device: device)
    }

    func viewJSON(_ request: Request) -> Response {
        guard let device = device(request) else { return Self.notJoined() }
        return Self.text(Self.json(ParticipantView(hub.current.session, participant: device.name)), type: "application/json")
    }

    /// Server-Sent Events: the device's view now, then again each time it changes
    /// (`eventStream`). A phone that slept reconnects by itself and is sent its view at once.
    func events(_ request: Request) -> Response {
        guard let token = token(request), devices.device(token) != nil else { return Self.notJoined() }
        let hub = self.hub, devices = self.devices
        return Self.eventStream(hub.updates(), heartbeat: configuration.heartbeat) {
            // A device removed by the facilitator hears no more.
            devices.device(token).map { hub.viewJSON(for: $0.name) }
        }
    }

    // MARK: Helpers

    func token(_ request: Request) -> String? {
        request.cookies[Self.cookieName]?.value
    }

    private func device(_ request: Request) -> Devices.Device? {
        devices.device(token(request))
    }

    /// A send's answer: JSON for the script, the page again for a form without script.
    func answer(_ code: HTTPResponse.Status, _ message: String, json: Bool, device: Devices.Device,
                        status: String = "not sent") -> Response {
        if json {
            struct Answer: Encodable { var status: String; var message: String; var nextKey: String }
            let body = Self.json(Answer(status: status, message: message, nextKey: Secrets.random128()))
            return Self.text(body, type: "application/json", status: code)
        }
        let view = ParticipantView(hub.current.session, participant: device.name)
        return Self.html(JoinPage.session(view, key: Secrets.random128(), notice: message), status: code)
    }

    /// What a device is told once its post went through the loop: `saved`, or the page at
    /// `redirect` for a form sent without JavaScript, when it is on disk; otherwise why not,
    /// opening with `notDone` ("Not sent"), and `again`, how to retry without it counting twice.
    func answer(_ outcome: JoinHub.Outcome, saved: String, redirect: String, notDone: String, again: String,
                json wantsJSON: Bool, device: Devices.Device) -> Response {
        switch outcome {
        case .sent:
            if !wantsJSON { return Self.redirect(redirect) }
            return answer(.ok, saved, json: true, device: device, status: "sent")
        case .notSaved:
            return answer(.serviceUnavailable, "Received, but not yet saved on the facilitator's disk. " + again, json: wantsJSON, device: device)
        case .refused(let reason):
            return answer(.conflict, notDone + ": " + reason, json: wantsJSON, device: device)
        case .noAnswer:
            return answer(.serviceUnavailable, notDone + ": no answer. " + again, json: wantsJSON, device: device)
        }
    }

    /// A send key: what the page makes (32 hex digits), nothing that could stand out in the log.
    static func isKey(_ key: String) -> Bool {
        key.utf8.count == 32 && key.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    static func notJoined() -> Response {
        html(JoinPage.join(notice: "Join first: scan the QR code or type the code on the screen."), status: .forbidden)
    }

    /// A form body (application/x-www-form-urlencoded) of at most `maxBody` bytes.
    static func form(_ request: Request) async -> Result<[String: String], Refusal> {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: maxBody)
        } catch {
            return .failure(Refusal(text("The text is too long to send (16 KB at most).\n", type: "text/plain; charset=utf-8",
                                         status: .contentTooLarge)))
        }
        var fields: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first else { continue }
            fields[decode(name)] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return .success(fields)
    }

    struct Refusal: Error {
        var response: Response
        init(_ response: Response) { self.response = response }
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        text(page, type: "text/html; charset=utf-8", status: status)
    }

    static func text(_ body: String, type: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}

/// On every answer: the Host check, and the headers that keep the page to itself.
struct Guard: RouterMiddleware {
    typealias Context = BasicRequestContext
    let hosts: Set<String>

    static let headers: HTTPFields = [
        .contentSecurityPolicy: "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        .xContentTypeOptions: "nosniff",
        // Not no-referrer: under it a browser posts a form with `Origin: null`, which the
        // Origin check must refuse. same-origin still tells no other site anything.
        .init("Referrer-Policy")!: "same-origin",
        .init("X-Frame-Options")!: "DENY",
    ]

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        if !hosts.contains(request.head.authority ?? "") {
            response = JoinServer.text("This address is not the session's.\n", type: "text/plain; charset=utf-8", status: .misdirectedRequest)
        } else if request.method != .get && request.method != .head, let origin = request.headers[.origin],
                  !hosts.contains(where: { origin == "http://\($0)" || origin == "https://\($0)" }) {
            // A form on another site posting here (the SameSite cookie already stays home).
            response = JoinServer.text("Not from this page.\n", type: "text/plain; charset=utf-8", status: .forbidden)
        } else {
            do {
                response = try await next(request, context)
            } catch let refusal as JoinServer.Refusal {
                response = refusal.response
            } catch let error as HTTPResponseError {
                response = JoinServer.text("\(error.status.reasonPhrase)\n", type: "text/plain; charset=utf-8", status: error.status)
            }
        }
        response.headers.append(contentsOf: Self.headers)
        return response
    }
}
