import Foundation
import Hummingbird
import HummingbirdTesting
@testable import JoinServer
import SensemakingCore
import Testing

/// Adding one's own name from a device, and the facilitator's `/devices` and `/remove N`.
@Suite struct DeviceRouteTests {
    @Test func aDeviceAddsItsOwnNameThroughTheLoopAndIsBoundToIt() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let cookie = try await client.joinByLink()
            let pick = try await client.execute(uri: "/", method: .get, headers: form(cookie))
            #expect(pick.text.contains("<label for=\"add\">Not on the list? Your name</label>"))
            let added = try await client.execute(uri: "/name", method: .post, headers: form(cookie), body: ByteBuffer(string: "add=D%C3%A9e+"))
            #expect(added.status == .seeOther)
            // Journaled as /join is, before the device was answered.
            #expect(served.loop.journal.map(\.event) == [.joined("Dée")])
            #expect(served.loop.state.session.roster == ["Ana", "Ben", "Dée"])
            let page = try await client.execute(uri: "/", method: .get, headers: form(cookie))
            #expect(page.text.contains("<p id=\"you\">You: Dée</p>"))
            #expect(served.loop.state.devices == [ConnectedDevice(number: 1, name: "Dée")])
        }
    }

    @Test func aNameAlreadyHereBindsWithoutAJoinAndABadOneIsRefused() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let cookie = try await client.joinByLink()
            let again = try await client.execute(uri: "/name", method: .post, headers: form(cookie), body: ByteBuffer(string: "add=ben"))
            #expect(again.status == .seeOther)
            #expect(served.loop.journal.isEmpty)
            let other = try await client.joinByLink()
            let slash = try await client.execute(uri: "/name", method: .post, headers: form(other), body: ByteBuffer(string: "add=%2Fnext"))
            #expect(slash.status == .conflict)
            #expect(slash.text.contains("A name cannot start with / or @."))
            let empty = try await client.execute(uri: "/name", method: .post, headers: form(other), body: ByteBuffer(string: "add=+"))
            #expect(empty.status == .unprocessableContent)
            #expect(served.loop.journal.isEmpty)
        }
    }

    @Test func anAnonymousSessionRefusesANameAndNeedsNone() async throws {
        let served = serve(session(anonymous: true))
        try await served.app.test(.router) { client in
            let cookie = try await client.joinByLink()
            let page = try await client.execute(uri: "/", method: .get, headers: form(cookie))
            #expect(page.text.contains("<label for=\"text\">Your contribution</label>"), "straight to the session, no name")
            let named = try await client.execute(uri: "/name", method: .post, headers: form(cookie), body: ByteBuffer(string: "add=Dee"))
            #expect(named.status == .conflict)
            #expect(served.loop.journal.isEmpty)
        }
    }

    @Test func removingADeviceForgetsItsCookieAndEndsItsEvents() async throws {
        let served = serve(session())
        try await served.app.test(.router) { client in
            let ana = try await client.join(as: "Ana")
            let ben = try await client.join(as: "Ben")
            #expect(served.loop.state.devices == [ConnectedDevice(number: 1, name: "Ana"), ConnectedDevice(number: 2, name: "Ben")])
            // The effect of the facilitator's /remove 1 (DeviceJoinTests), as the loop hands it on.
            served.server.remove(1)
            #expect(served.server.connected == [ConnectedDevice(number: 2, name: "Ben")])
            #expect(served.loop.state.devices == [ConnectedDevice(number: 2, name: "Ben")], "the loop is told")
            #expect(try await client.execute(uri: "/view", method: .get, headers: form(ana)).status == .forbidden)
            #expect(try await client.send("Still here?", key: String(repeating: "a", count: 32), cookie: ana).status == .forbidden)
            #expect(try await client.execute(uri: "/events", method: .get, headers: form(ana)).status == .forbidden)
            #expect(try await client.execute(uri: "/view", method: .get, headers: form(ben)).status == .ok)
        }
    }
}
