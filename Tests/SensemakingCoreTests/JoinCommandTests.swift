import Foundation
import Testing
@testable import SensemakingCore

/// `/qr`: how devices join, full screen, only when the session is served.
@Suite struct JoinCommandTests {
    @Test func qrWithoutServingSaysHowToServe() {
        var room = Room()
        let effects = room.type("/qr")
        #expect(effects == [.bell])
        #expect(room.message == .error("Devices join only when the session is served: start it with --serve PORT."))
        #expect(!room.state.showJoin)
    }

    @Test func qrOpensAScreenThatAnyKeyOnlyCloses() {
        var room = Room()
        room.state.join = JoinInfo(address: "http://10.0.0.2:8765/", code: "123456", qrOnDark: ["█"], qrOnLight: [" "])
        #expect(room.type("/qr").isEmpty)
        #expect(room.state.showJoin)
        #expect(room.input == "")
        room.key(.character("x"))
        #expect(!room.state.showJoin)
        #expect(room.input == "", "the key only closed the screen")
    }
}
