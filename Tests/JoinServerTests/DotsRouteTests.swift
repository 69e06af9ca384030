import Foundation
import Hummingbird
import HummingbirdTesting
@testable import JoinServer
import SensemakingCore
import Testing

/// `POST /dots`: dots from each device, privately and at the same time; and `/floor open`.
@Suite struct DotsRouteTests {
    /// Ana's and Ben's stories, in Plausibility.
    func voting(anonymous: Bool = false) -> Session {
        session(["Ana", "Ben"], anonymous: anonymous, records: [
            .contributed(Contribution(id: 1, author: anonymous ? nil : "Ana", stage: 4, kind: .story, text: "The night the lift broke", time: t0), advancesTurn: true),
            .contributed(Contribution(id: 2, author: anonymous ? nil : "Ben", stage: 4, kind: .story, text: "The pharmacy queue", time: t0), advancesTurn: true),
            .stageEntered(7),
        ])
    }

    func dots(_ client: some TestClientProtocol, _ body: String, cookie: String, json: Bool = true) async throws -> TestResponse {
        var headers = form(cookie)
        if json { headers[.accept] = "application/json" }
        return try await client.execute(uri: "/dots", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func thePageOffersAStepperPerStoryAndSaysWhoHasVotedNeverHow() async throws {
        let served = serve(voting())
        try await served.app.test(.router) { client in
            let ana = try await client.join(as: "Ana")
            let ben = try await client.join(as: "Ben")
            let page = try await client.execute(uri: "/", method: .get, headers: form(ana)).text
            #expect(page.contains("<label for=\"s1\">1. The night the lift broke</label><input type=\"number\" id=\"s1\" name=\"s1\" min=\"0\" max=\"3\" value=\"0\" inputmode=\"numeric\">"))
            #expect(page.contains("<form id=\"dots\" method=\"post\" action=\"/dots\">"))
            #expect(page.contains("<button type=\"submit\" id=\"dots-button\">Place my dots</button>"))
            // Steppers, as a form without script posts them: saved once on disk, then the page.
            let placed = try await dots(client, "s1=2&s2=1&key=\(key(1))", cookie: ana, json: false)
            #expect(placed.status == .seeOther)
            #expect(placed.headers[.location] == "/?placed=1")
            #expect(served.loop.journal.map(\.event) == [.dotsPlaced(participant: "Ana", stories: [1, 1, 2], advancesTurn: false, key: key(1))])
            let after = try await client.execute(uri: "/?placed=1", method: .get, headers: form(ana)).text
            #expect(after.contains("Dots placed: saved."))
            #expect(after.contains("value=\"2\" inputmode"), "her own dots, on her own page")
            // Ben sees that Ana voted, not how.
            let seen = try await client.execute(uri: "/", method: .get, headers: form(ben)).text
            #expect(seen.contains("Voted: Ana. Dots stay hidden until everyone has voted."))
            #expect(!seen.contains("value=\"2\""))
            let view = try JSONDecoder().decode(ParticipantView.self, from: Data(try await client.execute(uri: "/view", method: .get, headers: form(ben)).text.utf8))
            #expect(view.board?.stories.map(\.dots) == [nil, nil])
            #expect(view.board?.voted == ["Ana"])
        }
    }

    @Test func theLastPlacementRevealsAndARetryIsNotCountedTwice() async throws {
        let served = serve(voting())
        try await served.app.test(.router) { client in
            let ana = try await client.join(as: "Ana")
            let ben = try await client.join(as: "Ben")
            #expect(try await dots(client, "stories=1+1+2&key=\(key(1))", cookie: ana).status == .ok)
            let answer = try await dots(client, "stories=2,2,2&key=\(key(2))", cookie: ben)
            #expect(answer.status == .ok)
            #expect(answer.text.contains("\"status\":\"sent\""))
            #expect(answer.text.contains("\"message\":\"Dots placed: saved.\""))
            let retry = try await dots(client, "stories=2,2,2&key=\(key(2))", cookie: ben)
            #expect(retry.status == .ok)
            #expect(served.loop.journal.map(\.event) == [
                .dotsPlaced(participant: "Ana", stories: [1, 1, 2], advancesTurn: false, key: key(1)),
                .dotsPlaced(participant: "Ben", stories: [2, 2, 2], advancesTurn: false, key: key(2)),
                .revealed,
            ])
            let view = try JSONDecoder().decode(ParticipantView.self, from: Data(try await client.execute(uri: "/view", method: .get, headers: form(ana)).text.utf8))
            #expect(view.board?.revealed == true)
            #expect(view.board?.stories.map(\.dots) == [2, 4])
            let late = try await dots(client, "stories=1&key=\(key(3))", cookie: ana)
            #expect(late.status == .conflict)
            #expect(late.text.contains("Not placed: The dots are revealed: voting has closed."))
        }
    }

    @Test func badPlacementsAreRefusedAndNothingIsJournaled() async throws {
        let served = serve(voting())
        try await served.app.test(.router) { client in
            let ana = try await client.join(as: "Ana")
            #expect(try await dots(client, "stories=1+x&key=\(key(1))", cookie: ana).status == .badRequest)
            #expect(try await dots(client, "stories=1", cookie: ana).status == .badRequest)
            let many = try await dots(client, "stories=1+1+1+2&key=\(key(2))", cookie: ana)
            #expect(many.status == .conflict)
            #expect(many.text.contains("Each person has 3 dots; that is 4."))
            #expect(try await dots(client, "stories=3&key=\(key(3))", cookie: ana).status == .conflict)
            #expect(try await dots(client, "stories=1&key=\(key(4))", cookie: "sm_device=nobody").status == .forbidden)
            #expect(served.loop.journal.isEmpty)
        }
    }

    @Test func anAnonymousDevicePlacesItsDotsOnce() async throws {
        let served = serve(voting(anonymous: true))
        try await served.app.test(.router) { client in
            let phone = try await client.join(as: nil)
            #expect(try await dots(client, "stories=1+2&key=\(key(1))", cookie: phone).status == .ok)
            let again = try await dots(client, "stories=1&key=\(key(2))", cookie: phone)
            #expect(again.status == .conflict)
            #expect(again.text.contains("this device has placed its dots"))
            #expect(served.loop.journal.map(\.event) == [.dotsPlaced(participant: nil, stories: [1, 2], advancesTurn: false, key: key(1))])
        }
    }

    @Test func floorOpenLetsADeviceSendOutOfTurn() async throws {
        let served = serve(session(["Ana", "Ben"]))
        served.loop.inner.withLock { $0.state.join = JoinInfo(address: "http://localhost/", code: "482913", qrOnDark: [], qrOnLight: []) }
        try await served.app.test(.router) { client in
            let ben = try await client.join(as: "Ben")
            #expect(try await client.send("Porter", key: key(1), cookie: ben).status == .conflict)
            served.loop.type("/floor open")
            let page = try await client.execute(uri: "/", method: .get, headers: form(ben)).text
            #expect(page.contains("The floor is open: send when ready."))
            #expect(try await client.send("Porter", key: key(2), cookie: ben).status == .ok)
            served.loop.type("/floor turns")
            #expect(try await client.send("Again", key: key(3), cookie: ben).status == .conflict)
            #expect(served.loop.journal.map(\.event) == [
                .floor(open: true),
                .contributed(Contribution(id: 1, author: "Ben", stage: 1, kind: .identity, text: "Porter", time: t0 + 200, sendKey: key(2)), advancesTurn: false),
                .floor(open: false),
            ])
        }
    }
}
