import Foundation
@testable import JoinServer
import SensemakingCore
import Testing

/// The hub's shared view encodings (a fast path) against encoding each view afresh.
@Suite struct JoinHubTests {
    @Test func aSharedViewIsTheViewEncodedAfresh() {
        let loop = FakeLoop(session(["Ana", "Ben", "Chi"]))
        let hub = loop.hub
        let names: [String?] = [nil, "Ana", "Ben", "Chi", "Dee"]
        func afresh(_ name: String?) -> String { JoinServer.json(ParticipantView(hub.current.session, participant: name)) }
        for line in ["Nurse", "", "Porter", "/turn Ana", "/undo", "Pharmacist", "/join Dee", "/goto 4", "A story"] {
            if !line.isEmpty { loop.type(line) }
            for name in names + names.reversed() {
                #expect(hub.viewJSON(for: name) == afresh(name), "after \(line): \(name ?? "nobody")")
            }
        }
        #expect(hub.viewJSON(for: "Ana").contains("\"Nurse\""))
    }
}
