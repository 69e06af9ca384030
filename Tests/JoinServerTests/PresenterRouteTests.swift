import Foundation
import Hummingbird
import HummingbirdTesting
@testable import JoinServer
import SensemakingCore
import Testing

let presenterSecret = "QRSTUVWXYZ234567ABCDEFGHIJ"

struct PresenterServed {
    let loop: FakeLoop
    let server: PresenterServer
    let clock: TestClock
    let app: Application<RouterResponder<BasicRequestContext>>
}

func servePresenter(_ session: Session, hosts: Set<String> = ["localhost"], loop: FakeLoop? = nil) -> PresenterServed {
    let loop = loop ?? FakeLoop(session)
    let clock = TestClock()
    let server = PresenterServer(hub: loop.presenterHub,
                                 configuration: .init(hosts: hosts, secret: presenterSecret, now: { clock.now },
                                                      timeout: .seconds(5)))
    return PresenterServed(loop: loop, server: server, clock: clock, app: Application(router: server.router()))
}

extension TestClientProtocol {
    /// Signs in with the presenter link and returns the cookie header to send after.
    func signIn() async throws -> String {
        let response = try await execute(uri: "/presenter/s/\(presenterSecret)", method: .get)
        return String((response.headers[.setCookie] ?? "").prefix { $0 != ";" })
    }

    @discardableResult
    func command(_ body: String, cookie: String?, json: Bool = true) async throws -> TestResponse {
        var headers = form(cookie)
        if json { headers[.accept] = "application/json" }
        return try await execute(uri: "/presenter/command", method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}

func line(_ command: String) -> String {
    "line=" + (command.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
}

@Suite struct PresenterRouteTests {
    static let routes = ["/presenter", "/presenter/view", "/presenter/events"]

    @Test func theLinkSignsInWithAStrictHttpOnlyCookieUnderItsOwnPath() async throws {
        let served = servePresenter(session())
        try await served.app.test(.router) { client async throws in
            let response = try await client.execute(uri: "/presenter/s/\(presenterSecret)", method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/presenter")
            let cookie = response.headers[.setCookie] ?? ""
            #expect(cookie.hasPrefix("sm_presenter="))
            #expect(cookie.hasSuffix("; Path=/presenter; HttpOnly; SameSite=Strict"))
            #expect(!cookie.contains(presenterSecret), "the cookie is a token of its own, not the secret")
            let page = try await client.execute(uri: "/presenter", method: .get, headers: form(String(cookie.prefix { $0 != ";" })))
            #expect(page.status == .ok)
            #expect(page.text.contains("<h1 id=\"stage\">1. Identity</h1>"))
            #expect(page.text.contains("<label for=\"note\">"))
            #expect(!page.text.contains("<script>"), "no inline script: the CSP allows none")
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeadersAndNoCORS() async throws {
        let served = servePresenter(session())
        try await served.app.test(.router) { client async throws in
            let cookie = try await client.signIn()
            for uri in Self.routes + ["/presenter/app.js", "/presenter/app.css", "/presenter/s/WRONG", "/", "/view"] {
                let response = try await client.execute(uri: uri, method: .get, headers: uri == "/presenter/events" ? [:] : form(cookie))
                #expect(response.headers[.contentSecurityPolicy]?.hasPrefix("default-src 'none'; script-src 'self';") == true, "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(response.headers[.accessControlAllowOrigin] == nil, "\(uri)")
                #expect(response.headers[.init("X-Frame-Options")!] == "DENY", "\(uri)")
            }
            // The join page's routes are not here.
            #expect(try await client.execute(uri: "/", method: .get).status == .notFound)
        }
    }

    @Test func withoutSigningInEveryRouteIs403() async throws {
        let served = servePresenter(session())
        try await served.app.test(.router) { client async throws in
            for uri in Self.routes {
                #expect(try await client.execute(uri: uri, method: .get).status == .forbidden, "\(uri)")
            }
            #expect(try await client.command(line("/next"), cookie: nil).status == .forbidden)
            #expect(try await client.command(line("/next"), cookie: "sm_presenter=\(presenterSecret)").status == .forbidden)
            #expect(served.loop.state.session.current == 1, "nothing moved")
        }
    }

    @Test func aParticipantsSecretOrCookieNeverOpensThePresenter() async throws {
        let loop = FakeLoop(session())
        let join = JoinServer(hub: loop.hub, configuration: .init(hosts: ["localhost"], secrets: secrets))
        let presenter = servePresenter(session(), loop: loop)
        let deviceCookie = try await Application(router: join.router()).test(.router) { client async throws in
            try await client.join(as: "Ana")
        }
        let token = String(deviceCookie.drop { $0 != "=" }.dropFirst())
        #expect(token.count == 32)
        try await presenter.app.test(.router) { client async throws in
            // The join link's secret, and the join code, as the presenter's.
            for secret in [secrets.link, secrets.code, secrets.link.lowercased(), ""] {
                let response = try await client.execute(uri: "/presenter/s/\(secret)", method: .get)
                #expect(response.status == .forbidden || response.status == .notFound, "\(secret)")
                #expect(response.headers[.setCookie] == nil)
            }
            // The device's cookie, as it is and under the presenter's name.
            for cookie in [deviceCookie, "sm_presenter=\(token)"] {
                for uri in Self.routes {
                    #expect(try await client.execute(uri: uri, method: .get, headers: form(cookie)).status == .forbidden, "\(uri) \(cookie)")
                }
                #expect(try await client.command(line("/next"), cookie: cookie).status == .forbidden)
                #expect(try await client.command("note=hello", cookie: cookie).status == .forbidden)
            }
        }
        #expect(loop.state.session.current == 1)
        #expect(loop.journal.isEmpty)
    }

    @Test func thePresenterSecretIsInNothingAParticipantReceives() async throws {
        let loop = FakeLoop(session())
        let presenter = servePresenter(session(), loop: loop)
        let link = "http://127.0.0.1:8766/presenter/s/\(presenterSecret)"
        // The loop holds the link for `/presenter`; a device's every answer is made from it.
        try await presenter.app.test(.router) { client async throws in
            let cookie = try await client.signIn()
            try await client.command("note=" + "Ana seems tired", cookie: cookie)
        }
        loop.inner.withLock { $0.state.presenterLink = link }
        loop.hub.publish(loop.state)
        let join = JoinServer(hub: loop.hub, configuration: .init(hosts: ["localhost"], secrets: secrets))
        try await Application(router: join.router()).test(.router) { client async throws in
            var seen: [String] = []
            func keep(_ response: TestResponse) {
                seen.append(response.text)
                seen.append(response.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n"))
            }
            keep(try await client.execute(uri: "/", method: .get))
            keep(try await client.execute(uri: "/j/\(secrets.link)", method: .get))
            let cookie = try await client.join(as: "Ana")
            for uri in ["/", "/app.js", "/app.css", "/view", "/?sent=1"] {
                keep(try await client.execute(uri: uri, method: .get, headers: form(cookie)))
            }
            keep(try await client.send("Nurse", key: key(1), cookie: cookie))
            keep(try await client.send("Nurse", key: key(2), cookie: cookie, json: false))
            loop.hub.close()
            keep(try await client.execute(uri: "/events", method: .get, headers: form(cookie)))
            #expect(seen.count == 20)
            for text in seen {
                #expect(!text.contains(presenterSecret))
                #expect(!text.contains("/presenter"))
                #expect(!text.contains("Ana seems tired"), "a private note reaches no device")
            }
        }
    }

    @Test func aWrongSecretIs403AndManyAre429() async throws {
        let served = servePresenter(session())
        try await served.app.test(.router) { client async throws in
            for _ in 0..<10 {
                #expect(try await client.execute(uri: "/presenter/s/AAAAAAAAAAAAAAAAAAAAAAAAAA", method: .get).status == .forbidden)
            }
            #expect(try await client.execute(uri: "/presenter/s/AAAAAAAAAAAAAAAAAAAAAAAAAA", method: .get).status == .tooManyRequests)
            served.clock.advance(60)
            #expect(try await client.execute(uri: "/presenter/s/AAAAAAAAAAAAAAAAAAAAAAAAAA", method: .get).status == .forbidden)
        }
    }

    @Test func aWrongHostIs421AndAnotherOriginsPostIs403() async throws {
        let served = servePresenter(session(), hosts: ["127.0.0.1:8766"])
        try await served.app.test(.router) { client async throws in
            #expect(try await client.execute(uri: "/presenter", method: .get).status == .misdirectedRequest)
        }
        let local = servePresenter(session())
        try await local.app.test(.router) { client async throws in
            let cookie = try await client.signIn()
            var headers = form(cookie)
            headers[.origin] = "http://evil.example"
            let response = try await client.execute(uri: "/presenter/command", method: .post, headers: headers,
                                                    body: ByteBuffer(string: line("/next")))
            #expect(response.status == .forbidden)
            #expect(local.loop.state.session.current == 1)
        }
    }

    @Test func nextBackAndTheTimerMoveTheSessionThroughTheLoop() async throws {
        let served = servePresenter(session())
        try await served.app.test(.router) { client async throws in
            let cookie = try await client.signIn()
            let next = try await client.command(line("/next"), cookie: cookie)
            #expect(next.status == .ok)
            #expect(next.text.contains("\"status\":\"done\""))
            #expect(served.loop.state.session.current == 2)
            #expect(try await client.command(line("/back"), cookie: cookie).status == .ok)
            #expect(served.loop.state.session.current == 1)
            #expect(try await client.command(line("/timer +1"), cookie: cookie).status == .ok)
            #expect(served.loop.state.session.timebox.budget == 11 * 60)
            #expect(try await client.command(line("/timer pause"), cookie: cookie).status == .ok)
            #expect(served.loop.state.session.timebox.paused)
            #expect(served.loop.journal.map(\.event) == [.stageEntered(2), .stageEntered(1), .timer(.adjust(seconds: 60)), .timer(.pause)])
            // The view says it.
            let view = try JSONDecoder().decode(PresenterView.self, from: Data(try await client.execute(
                uri: "/presenter/view", method: .get, headers: form(cookie)).text.utf8))
            #expect(view == PresenterView(served.loop.state))
            #expect(view.timer.paused)
        }
    }

    @Test func aNoteIsJournaledAsANote() async throws {
        let served = servePresenter(session())
        try await served.app.test(.router) { client async throws in
            let cookie = try await client.signIn()
            let response = try await client.command("note=Chi+is+quiet%3A+ask+later", cookie: cookie)
            #expect(response.status == .ok)
            guard case .contributed(let note, false) = served.loop.journal.last?.event else {
                Issue.record("no note journaled")
                return
            }
            #expect(note.kind == .note)
            #expect(note.text == "Chi is quiet: ask later")
            #expect(try await client.command("note=+++", cookie: cookie).status == .badRequest)
        }
    }

    @Test func aRefusedCommandIs409AndKeyboardOnlyCommandsAreRefused() async throws {
        let served = servePresenter(session())
        try await served.app.test(.router) { client async throws in
            let cookie = try await client.signIn()
            for command in ["/kind 9 story", "/quit", "/end", "/saveas /tmp/elsewhere.md", "Hello", "/nxt"] {
                let response = try await client.command(line(command), cookie: cookie)
                #expect(response.status == .conflict, "\(command)")
                #expect(response.text.contains("\"status\":\"refused\""), "\(command)")
            }
            #expect(served.loop.journal.isEmpty)
            #expect(served.loop.state.message == nil, "refusals stay off the projected screen")
            #expect(try await client.command("", cookie: cookie).status == .badRequest)
        }
    }

    @Test func aFormWithoutScriptGetsThePageWithTheAnswer() async throws {
        let served = servePresenter(session())
        try await served.app.test(.router) { client async throws in
            let cookie = try await client.signIn()
            let response = try await client.command(line("/next"), cookie: cookie, json: false)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("<h1 id=\"stage\">2. Retrospection</h1>"))
        }
    }

    @Test func aBodyOver16KBIs413AndCommandsFasterThanAFacilitatorClicksAre429() async throws {
        let served = servePresenter(session())
        try await served.app.test(.router) { client async throws in
            let cookie = try await client.signIn()
            let big = try await client.command("note=" + String(repeating: "a", count: 17 * 1024), cookie: cookie)
            #expect(big.status == .contentTooLarge)
            for _ in 0..<10 { #expect(try await client.command(line("/timer +1"), cookie: cookie).status == .ok) }
            #expect(try await client.command(line("/timer +1"), cookie: cookie).status == .tooManyRequests)
            served.clock.advance(1)
            #expect(try await client.command(line("/timer +1"), cookie: cookie).status == .ok)
        }
    }

    @Test func aCommandNotOnDiskIs503() async throws {
        let served = servePresenter(session())
        served.loop.failJournal(true)
        try await served.app.test(.router) { client async throws in
            let cookie = try await client.signIn()
            let response = try await client.command(line("/next"), cookie: cookie)
            #expect(response.status == .serviceUnavailable)
            #expect(response.text.contains("\"status\":\"not saved\""))
        }
    }

    @Test func eventsStreamThePresenterView() async throws {
        let served = servePresenter(session())
        try await served.app.test(.router) { client async throws in
            let cookie = try await client.signIn()
            served.server.hub.close()
            let response = try await client.execute(uri: "/presenter/events", method: .get, headers: form(cookie))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream")
            #expect(response.text == "retry: 3000\n\ndata: \(JoinServer.json(PresenterView(served.loop.state)))\n\n")
        }
    }

    @Test func theHubWakesForTheClockByTheSecondNeverForAKey() async {
        let hub = PresenterHub(AppState(session: session(), now: t0 + 200)) { _ in }
        var state = hub.current
        var updates = hub.updates().makeAsyncIterator()
        _ = await updates.next()
        state.input = InputBox()
        _ = state.input.insert("typing")
        hub.publish(state)
        state.now = t0 + 200.5
        hub.publish(state)
        state.now = t0 + 201
        hub.publish(state)
        hub.close()
        let next = await updates.next()
        #expect(next?.now == t0 + 201, "one wake, for the second that changed")
        #expect(await updates.next() == nil)
    }
}
