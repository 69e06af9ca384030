import Foundation
import Hummingbird
import HummingbirdTesting
@testable import JoinServer
import SensemakingCore
import Testing

@Suite struct RouteTests {
    @Test func everyAnswerCarriesTheSecurityHeadersAndNoCORS() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            for uri in ["/", "/app.js", "/app.css", "/favicon.ico", "/j/wrong", "/nowhere"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.headers[.contentSecurityPolicy] == "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'", "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(response.headers[.accessControlAllowOrigin] == nil, "\(uri)")
                // Under no-referrer a browser posts forms with `Origin: null` (the browser test).
                #expect(response.headers[.init("Referrer-Policy")!] == "same-origin", "\(uri)")
            }
            // The icon a browser asks for by itself: nothing, and no 404 in its console.
            #expect(try await client.execute(uri: "/favicon.ico", method: .get).status == .noContent)
        }
    }

    @Test func theJoinPageWorksWithoutScriptAndLabelsItsField() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("<form method=\"post\" action=\"/join\">"))
            #expect(response.text.contains("<label for=\"code\">"))
            #expect(!response.text.contains("<script>"), "no inline script: the CSP allows none")
        }
    }

    @Test func aWrongHostIsRefused() async throws {
        let served = serve(session(), hosts: ["192.168.1.5:8080"])
        try await served.app.test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .misdirectedRequest)
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test func theQRLinkJoinsWithAStrictHttpOnlyCookieAndAWrongSecretIsForbidden() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let wrong = try await client.execute(uri: "/j/ABCDEFGHIJKLMNOPQRSTUVWXYY", method: .get)
            #expect(wrong.status == .forbidden)
            let lower = try await client.execute(uri: "/j/abcdefghijklmnopqrstuvwxyz", method: .get)
            #expect(lower.status == .forbidden, "the secret is exact")
            #expect(wrong.status == .forbidden)
            #expect(wrong.headers[.setCookie] == nil)
            let right = try await client.execute(uri: "/j/\(secrets.link)", method: .get)
            #expect(right.status == .seeOther)
            #expect(right.headers[.location] == "/")
            let cookie = try #require(right.headers[.setCookie])
            #expect(cookie.hasPrefix("sm_device="))
            #expect(cookie.hasSuffix("; Path=/; HttpOnly; SameSite=Strict"))
            #expect(cookie.count == "sm_device=".count + 32 + "; Path=/; HttpOnly; SameSite=Strict".count)
        }
    }

    /// The QR code says the link in capitals (`ServeAddress.joinLink`): a camera opens that path.
    @Test func theQRCodesOwnCapitalLinkJoins() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let link = ServeAddress(host: "localhost", port: 8765).joinLink(secrets)
            #expect(link == "HTTP://LOCALHOST:8765/J/\(secrets.link)")
            let response = try await client.execute(uri: "/J/\(secrets.link)", method: .get)
            #expect(response.status == .seeOther)
            #expect(response.headers[.setCookie]?.hasPrefix("sm_device=") == true)
        }
    }

    @Test func theShortCodeJoinsAndIsRateLimitedForEveryone() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let right = try await client.execute(uri: "/join", method: .post, headers: form(nil), body: ByteBuffer(string: "code=482913"))
            #expect(right.status == .seeOther)
            #expect(right.headers[.setCookie] != nil)
            for _ in 0..<9 {
                let wrong = try await client.execute(uri: "/join", method: .post, headers: form(nil), body: ByteBuffer(string: "code=000000"))
                #expect(wrong.status == .forbidden)
            }
            // Ten tries at once are spent: even the right code waits.
            let tooFast = try await client.execute(uri: "/join", method: .post, headers: form(nil), body: ByteBuffer(string: "code=482913"))
            #expect(tooFast.status == .tooManyRequests)
            served.clock.advance(6)
            let later = try await client.execute(uri: "/join", method: .post, headers: form(nil), body: ByteBuffer(string: "code=482913"))
            #expect(later.status == .seeOther)
        }
    }

    @Test func aJoinedDevicePicksItsNameThenSeesTheStage() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let cookie = try await client.joinByLink()
            let pick = try await client.execute(uri: "/", method: .get, headers: form(cookie))
            #expect(pick.text.contains("<legend>Who are you?</legend>"))
            #expect(pick.text.contains("value=\"Ben\""))
            let unknown = try await client.execute(uri: "/name", method: .post, headers: form(cookie), body: ByteBuffer(string: "name=Zed"))
            #expect(unknown.status == .unprocessableContent)
            let named = try await client.execute(uri: "/name", method: .post, headers: form(cookie), body: ByteBuffer(string: "name=ben"))
            #expect(named.status == .seeOther)
            let page = try await client.execute(uri: "/", method: .get, headers: form(cookie))
            #expect(page.text.contains("<p id=\"you\">You: Ben</p>"))
            #expect(page.text.contains("<h1 id=\"stage\">1. Identity</h1>"))
            #expect(page.text.contains("<p id=\"turn\" aria-live=\"polite\" role=\"status\">Ana&#39;s turn. Draft now; send on your turn.</p>"))
            #expect(page.text.contains("<label for=\"text\">Your contribution</label>"))
        }
    }

    @Test func aSendInTurnIsJournaledThenAnsweredSentAndARetryIsNotSavedTwice() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let cookie = try await client.join(as: "Ana")
            let first = try await client.send("Nurse & <b>manager</b>", key: key(1), cookie: cookie)
            #expect(first.status == .ok)
            #expect(first.text.contains("\"status\":\"sent\""))
            let retry = try await client.send("Nurse & <b>manager</b>", key: key(1), cookie: cookie)
            #expect(retry.status == .ok)
            #expect(retry.text.contains("\"status\":\"sent\""))
            let journal = served.loop.journal
            #expect(journal.count == 1)
            guard case .contributed(let item, let advancesTurn)? = journal.first?.event else {
                Issue.record("no contribution journaled: \(journal)")
                return
            }
            #expect(item.text == "Nurse & <b>manager</b>")
            #expect(item.author == "Ana")
            #expect(item.sendKey == key(1))
            #expect(advancesTurn)
            #expect(served.loop.state.session.turnHolder == "Ben")
        }
    }

    @Test func aFormSendWithoutScriptRedirectsToThePage() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let cookie = try await client.join(as: "Ana")
            let sent = try await client.send("From a form", key: key(2), cookie: cookie, json: false)
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == "/?sent=1")
            let page = try await client.execute(uri: "/?sent=1", method: .get, headers: form(cookie))
            #expect(page.text.contains("Sent: saved."))
            #expect(page.text.contains("#1 From a form"))
        }
    }

    @Test func aSendOutOfTurnIsRefusedAndNothingIsJournaled() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let cookie = try await client.join(as: "Ben")
            let response = try await client.send("Too early", key: key(3), cookie: cookie)
            #expect(response.status == .conflict)
            #expect(response.text.contains("It is not your turn yet"))
            #expect(served.loop.journal.isEmpty)
            #expect(served.loop.state.message == nil, "the projected screen is not told")
        }
    }

    @Test func aSendNotOnDiskIsNotAnsweredSentUntilARetryFindsItSaved() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let cookie = try await client.join(as: "Ana")
            served.loop.failJournal(true)
            let failed = try await client.send("Kept in memory", key: key(4), cookie: cookie)
            #expect(failed.status == .serviceUnavailable)
            #expect(!failed.text.contains("\"status\":\"sent\""))
            served.loop.failJournal(false)
            // The facilitator types: the loop's next append writes what waited.
            served.loop.type("/timer 5")
            let retry = try await client.send("Kept in memory", key: key(4), cookie: cookie)
            #expect(retry.status == .ok)
            #expect(served.loop.state.session.contributions.count == 1)
            let saved = served.loop.journal.filter { if case .contributed = $0.event { true } else { false } }
            #expect(saved.count == 1)
        }
    }

    @Test func aBodyOver16KBIs413() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let cookie = try await client.join(as: "Ana")
            let body = ByteBuffer(string: "key=\(key(5))&text=" + String(repeating: "a", count: 16 * 1024))
            let response = try await client.execute(uri: "/send", method: .post, headers: form(cookie), body: body)
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentSecurityPolicy] != nil)
            #expect(served.loop.journal.isEmpty)
        }
    }

    @Test func aDeviceSendingFasterThanAPersonTypesIs429() async throws {
        let served = serve(session(["Ana"]))
        try await served.app.test(.router) { client in
            let cookie = try await client.join(as: "Ana")
            for n in 0..<5 {
                let response = try await client.send("Point \(n)", key: key(10 + n), cookie: cookie)
                #expect(response.status == .ok)
            }
            let sixth = try await client.send("Point 5", key: key(15), cookie: cookie)
            #expect(sixth.status == .tooManyRequests)
            served.clock.advance(2)
            let later = try await client.send("Point 5", key: key(15), cookie: cookie)
            #expect(later.status == .ok)
            #expect(served.loop.journal.count == 6)
        }
    }

    @Test func sendingWithoutJoiningOrFromAnotherOriginIsForbidden() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let anonymous = try await client.send("Who am I", key: key(6), cookie: nil)
            #expect(anonymous.status == .forbidden)
            let cookie = try await client.join(as: "Ana")
            var headers = form(cookie)
            headers[.origin] = "http://evil.example"
            let crossSite = try await client.execute(uri: "/send", method: .post, headers: headers,
                                                     body: ByteBuffer(string: "text=hi&key=\(key(7))"))
            #expect(crossSite.status == .forbidden)
            let badKey = try await client.send("hi", key: "not-a-key", cookie: cookie)
            #expect(badKey.status == .badRequest)
            #expect(served.loop.journal.isEmpty)
        }
    }

    @Test func anAnonymousSessionTakesASendFromAnyDeviceWithNoName() async throws {
        let served = serve(session(["Ana", "Ben"], anonymous: true))
        try await served.app.test(.router) { client in
            let cookie = try await client.joinByLink()
            let page = try await client.execute(uri: "/", method: .get, headers: form(cookie))
            #expect(page.text.contains("Anyone may send."))
            let response = try await client.send("Unsaid things", key: key(8), cookie: cookie)
            #expect(response.status == .ok)
            guard case .contributed(let item, _)? = served.loop.journal.first?.event else {
                Issue.record("nothing journaled")
                return
            }
            #expect(item.author == nil)
        }
    }

    @Test func eventsStreamTheDevicesViewAsJSON() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let cookie = try await client.join(as: "Ana")
            let refused = try await client.execute(uri: "/events", method: .get)
            #expect(refused.status == .forbidden)
            // The stream ends when the hub closes (the server stops); what it sent before is
            // the view now, once.
            served.server.hub.close()
            let response = try await client.execute(uri: "/events", method: .get, headers: form(cookie))
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/event-stream")
            let expected = JoinServer.json(ParticipantView(served.loop.state.session, participant: "Ana"))
            #expect(response.text == "retry: 3000\n\ndata: \(expected)\n\n")
        }
    }

    @Test func anIdleEventStreamSaysACommentAndAChangeSaysTheView() {
        #expect(JoinServer.event("{\"v\":1}", last: "") == "data: {\"v\":1}\n\n")
        #expect(JoinServer.event("{\"v\":1}", last: "{\"v\":1}") == ":\n\n", "a heartbeat: a comment EventSource ignores")
        #expect(JoinServer.event("{\"v\":2}", last: "{\"v\":1}") == "data: {\"v\":2}\n\n")
    }

    @Test func theViewRouteIsTheParticipantView() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let cookie = try await client.join(as: "Ben")
            let response = try await client.execute(uri: "/view", method: .get, headers: form(cookie))
            #expect(response.headers[.contentType] == "application/json")
            let view = try JSONDecoder().decode(ParticipantView.self, from: Data(response.text.utf8))
            #expect(view == ParticipantView(served.loop.state.session, participant: "Ben"))
        }
    }
}
