import Foundation
import Hummingbird
import NIOCore
import SensemakingCore
import Synchronization

/// The presenter page's routes, all under `/presenter`, on a listener of their own (loopback
/// unless the facilitator asks otherwise: `PresenterService`). Behind their own secret, never
/// the participants' link or cookie; the same guard as the join page (CSP, Host, Origin).
public final class PresenterServer: Sendable {
    public struct Configuration: Sendable {
        /// The `Host` values a request may carry (the served address).
        public var hosts: Set<String>
        /// 26 characters of base 32 (130 bits), in the link `/presenter` shows.
        public var secret: String
        /// Seconds on a monotonic clock, for the rate limits; tests pass their own.
        public var now: @Sendable () -> Double = JoinServer.uptime
        /// How long a command waits for the loop's answer.
        public var timeout: Duration = .seconds(10)
        public var heartbeat: Duration = .seconds(20)
        /// Served over HTTPS: the cookie is marked `Secure`.
        public var secure = false
    }

    static let cookieName = "sm_presenter"
    /// Browsers (a laptop, a tablet, `sensemaking presenter`) signed in at once; the oldest
    /// is forgotten first.
    static let maxSignedIn = 8

    private struct Access {
        var tokens: [String] = []
        /// Wrong secrets, from anyone: a few a minute.
        var tries = RateLimit.codes
        /// Commands: a facilitator clicking fast, not a script.
        var commands = RateLimit(capacity: 10, perSecond: 2)
    }

    public let hub: PresenterHub
    let configuration: Configuration
    private let access = Mutex(Access())

    init(hub: PresenterHub, configuration: Configuration) {
        self.hub = hub
        self.configuration = configuration
    }

    /// A fresh presenter secret: the same alphabet and length as the join link's.
    public static func randomSecret() -> String { Secrets.random().link }

    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: Guard(hosts: configuration.hosts))
        router.get("/presenter") { request, _ in self.page(request) }
        router.get("/presenter/s/:secret") { _, context in self.signIn(context.parameters.get("secret") ?? "") }
        router.get("/presenter/app.css") { _, _ in JoinServer.text(PresenterPage.style, type: "text/css; charset=utf-8") }
        router.get("/presenter/app.js") { _, _ in JoinServer.text(PresenterPage.script, type: "text/javascript; charset=utf-8") }
        router.get("/presenter/view") { request, _ in self.viewJSON(request) }
        router.get("/presenter/events") { request, _ in self.events(request) }
        router.post("/presenter/command") { request, _ in await self.command(request) }
        return router
    }

    // MARK: Routes

    func page(_ request: Request) -> Response {
        guard signedIn(request) else { return Self.notSignedIn() }
        return JoinServer.html(PresenterPage.page(hub.view))
    }

    /// The link `/presenter` shows: sets the presenter cookie, then the page.
    func signIn(_ secret: String) -> Response {
        let now = configuration.now()
        if !Secrets.matches(secret, configuration.secret) {
            let allowed = access.withLock { $0.tries.take(at: now) }
            return JoinServer.html(PresenterPage.refusal(allowed ? "This is not this session's presenter link."
                                                                 : "Too many tries: wait a minute."),
                                   status: allowed ? .forbidden : .tooManyRequests)
        }
        let token = Secrets.random128()
        access.withLock { access in
            access.tokens.append(token)
            if access.tokens.count > Self.maxSignedIn { access.tokens.removeFirst() }
        }
        var response = JoinServer.redirect("/presenter")
        // Path=/presenter: never sent to the join page's routes; HttpOnly: no script reads it;
        // SameSite=Strict: no other site's page sends it.
        response.headers[.setCookie] = "\(Self.cookieName)=\(token); Path=/presenter; HttpOnly; SameSite=Strict"
            + (configuration.secure ? "; Secure" : "")
        return response
    }

    func viewJSON(_ request: Request) -> Response {
        guard signedIn(request) else { return Self.notSignedIn() }
        return JoinServer.text(JoinServer.json(hub.view), type: "application/json")
    }

    /// Server-Sent Events: the view now, then on each change (the clock each second).
    func events(_ request: Request) -> Response {
        guard signedIn(request) else { return Self.notSignedIn() }
        let hub = self.hub
        return JoinServer.eventStream(hub.updates(), heartbeat: configuration.heartbeat) { JoinServer.json(hub.view) }
    }

    /// `line=/next` (a command the keyboard could type) or `note=TEXT` (a private note, as
    /// `/note TEXT`): through the loop, answered once its records are on disk.
    func command(_ request: Request) async -> Response {
        let wantsJSON = request.headers[.accept]?.contains("application/json") == true
        guard signedIn(request) else { return Self.notSignedIn() }
        let form: [String: String]
        switch await JoinServer.form(request) {
        case .success(let fields): form = fields
        case .failure(let refusal): return refusal.response
        }
        let now = configuration.now()
        guard access.withLock({ $0.commands.take(at: now) }) else {
            return answer(.tooManyRequests, "Too fast: wait a moment.", "not done", json: wantsJSON)
        }
        let line: String
        if let note = form["note"] {
            guard !note.allSatisfy(\.isWhitespace) else { return answer(.badRequest, "Type the note first.", "not done", json: wantsJSON) }
            line = "/note " + note
        } else if let given = form["line"], !given.isEmpty {
            line = given
        } else {
            return answer(.badRequest, "No command: reload the page.", "not done", json: wantsJSON)
        }
        switch await hub.run(line, timeout: configuration.timeout) {
        case .done(.info(let text)): return answer(.ok, text, "done", json: wantsJSON)
        case .done(.error(let text)): return answer(.conflict, text, "refused", json: wantsJSON)
        case .notSaved(let message):
            return answer(.serviceUnavailable, message.text + " Not yet on disk: the terminal says why.", "not saved", json: wantsJSON)
        case .noAnswer:
            return answer(.serviceUnavailable, "No answer from the session.", "no answer", json: wantsJSON)
        }
    }

    // MARK: Helpers

    private func signedIn(_ request: Request) -> Bool {
        guard let token = request.cookies[Self.cookieName]?.value else { return false }
        return access.withLock { $0.tokens.contains { Secrets.matches(token, $0) } }
    }

    static func notSignedIn() -> Response {
        JoinServer.html(PresenterPage.refusal("Open the presenter link: /presenter shows it in the terminal, or run sensemaking presenter --link."),
                        status: .forbidden)
    }

    /// JSON for the page's script; the page again, with the answer, for a form without script.
    private func answer(_ code: HTTPResponse.Status, _ message: String, _ status: String, json: Bool) -> Response {
        if json {
            struct Answer: Encodable { var status: String; var message: String }
            return JoinServer.text(JoinServer.json(Answer(status: status, message: message)), type: "application/json", status: code)
        }
        return JoinServer.html(PresenterPage.page(hub.view, notice: message), status: code)
    }
}
