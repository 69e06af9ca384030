import Foundation
import Hummingbird
import HummingbirdTesting
@testable import JoinServer
import SensemakingCore
import Synchronization

let t0 = Date(timeIntervalSinceReferenceDate: 700_000_000)

/// The standard plan as run: 0 Welcome, 1 Identity … 7 Plausibility, 8 Close.
func session(_ participants: [String] = ["Ana", "Ben"], anonymous: Bool = false, stage: Int = 1,
             records: [Event] = []) -> Session {
    let header = SessionHeader(title: "Ward 7 handover", plan: .standard, participants: participants,
                               anonymous: anonymous, started: t0)
    var session = Session(header: header)
    if stage != 0 { session.apply(Record(time: t0 + 60, event: .stageEntered(stage))) }
    for (index, event) in records.enumerated() { session.apply(Record(time: t0 + 120 + Double(index), event: event)) }
    return session
}

/// A contribution made at t0 + 100, as the view tests' sessions record it.
func said(_ id: Int, _ author: String?, _ text: String, stage: Int, kind: ContributionKind,
          advances: Bool = true) -> Event {
    .contributed(Contribution(id: id, author: author, stage: stage, kind: kind, text: text, time: t0 + 100),
                 advancesTurn: advances)
}

/// The run loop's part, in one place: each posted action goes through `reduce`, its records
/// to `journal` (or nowhere, when `failing`), the journal's answer back through `reduce`,
/// then the state to the hub, in the loop's order.
final class FakeLoop: Sendable {
    struct Inner {
        var state: AppState
        var journal: [Record] = []
        /// Records a failing journal holds in memory, written with the next append that works.
        var pending: [Record] = []
        var failing = false
    }
    let inner: Mutex<Inner>
    private let hubBox = Mutex<JoinHub?>(nil)
    private let presenterBox = Mutex<PresenterHub?>(nil)

    init(_ session: Session) {
        inner = Mutex(Inner(state: AppState(session: session, logName: "test.md", now: t0 + 200)))
    }

    var hub: JoinHub {
        hubBox.withLock { box in
            if let hub = box { return hub }
            let state = inner.withLock { $0.state }
            let hub = JoinHub(state) { [weak self] action in self?.handle(action) }
            box = hub
            return hub
        }
    }

    /// The presenter page's side of the same loop.
    var presenterHub: PresenterHub {
        presenterBox.withLock { box in
            if let hub = box { return hub }
            let state = inner.withLock { $0.state }
            let hub = PresenterHub(state) { [weak self] action in self?.handle(action) }
            box = hub
            return hub
        }
    }

    var state: AppState { inner.withLock { $0.state } }
    var journal: [Record] { inner.withLock { $0.journal } }

    func failJournal(_ failing: Bool) { inner.withLock { $0.failing = failing } }

    /// What the loop does with a post: reduce, journal, answer, publish.
    private func handle(_ action: Action) {
        let state: AppState = inner.withLock { inner in
            let effects = reduce(&inner.state, action)
            let records = effects.compactMap { effect -> Record? in
                if case .append(let record) = effect { return record }
                return nil
            }
            if !records.isEmpty || inner.state.save != .saved {
                inner.pending += records
                if inner.failing {
                    _ = reduce(&inner.state, .journal(.notSaved(reason: "disk full", pending: inner.pending.count)))
                } else {
                    inner.journal += inner.pending
                    inner.pending = []
                    _ = reduce(&inner.state, .journal(.saved))
                }
            }
            return inner.state
        }
        hub.publish(state)
        presenterHub.publish(state)
    }

    /// The facilitator's keyboard: a line typed and Enter.
    func type(_ line: String) {
        for character in line { handle(.key(.character(character))) }
        handle(.key(.enter))
    }
}

/// A manual clock for the rate limits.
final class TestClock: Sendable {
    private let seconds = Mutex(1000.0)
    var now: Double { seconds.withLock { $0 } }
    func advance(_ by: Double) { seconds.withLock { $0 += by } }
}

let secrets = Secrets(link: "ABCDEFGHIJKLMNOPQRSTUVWXYZ", code: "482913")

struct Served {
    let loop: FakeLoop
    let server: JoinServer
    let clock: TestClock
    let app: Application<RouterResponder<BasicRequestContext>>
}

func serve(_ session: Session, hosts: Set<String> = ["localhost"]) -> Served {
    let loop = FakeLoop(session)
    let clock = TestClock()
    let server = JoinServer(hub: loop.hub, configuration: .init(hosts: hosts, secrets: secrets, now: { clock.now }))
    let app = Application(router: server.router())
    return Served(loop: loop, server: server, clock: clock, app: app)
}

extension TestClientProtocol {
    /// Joins through the QR link and returns the cookie header to send after.
    func joinByLink() async throws -> String {
        let response = try await execute(uri: "/j/\(secrets.link)", method: .get)
        let cookie = response.headers[.setCookie] ?? ""
        return String(cookie.prefix { $0 != ";" })
    }

    /// Joins and picks `name`.
    func join(as name: String?) async throws -> String {
        let cookie = try await joinByLink()
        if let name {
            try await execute(uri: "/name", method: .post, headers: form(cookie), body: ByteBuffer(string: "name=\(name)"))
        }
        return cookie
    }

    @discardableResult
    func send(_ text: String, key: String, cookie: String?, json: Bool = true) async throws -> TestResponse {
        var headers = form(cookie)
        if json { headers[.accept] = "application/json" }
        let body = "text=\(text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&key=\(key)"
        return try await execute(uri: "/send", method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}

func form(_ cookie: String?) -> HTTPFields {
    var headers = HTTPFields()
    headers[.contentType] = "application/x-www-form-urlencoded"
    if let cookie { headers[.cookie] = cookie }
    return headers
}

func key(_ n: Int) -> String {
    let hex = String(n, radix: 16)
    return String(repeating: "0", count: 32 - hex.count) + hex
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
