import Foundation
import Testing
import TestSupport

/// The facilitator's presenter page in a real browser beside a participant's phone, against
/// the real binary in tmux (`presenter_and_phone.py`).
@Suite(.serialized) struct PresenterBrowserTests {
    @Test(.enabled(if: BrowserTests.missing == nil, "needs chromium, chromium-driver and selenium (.ci/run installs them)"))
    func thePresenterPageDrivesTheProjectedScreenAndKeepsNotesOffIt() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let port = try Browser.freePort(), presenterPort = try Browser.freePort()
        let log = try tmux.startWorkshop(extra: ["--serve", "127.0.0.1:\(port)", "--presenter", "127.0.0.1:\(presenterPort)"],
                                         width: 100, height: 40)
        let raw = tmux.path("terminal-output.bin")
        let result = try Browser.run("presenter_and_phone.py", [tmux.socket, "http://127.0.0.1:\(port)/", log, raw],
                                     in: tmux.directory)
        #expect(result.status == 0, "the browsers said:\n\(result.output)\(result.error)")
        // The note is in the log as a note, and out of the default export.
        let export = try Spawn.run([try Tmux.binary(), "export", log], in: tmux.directory)
        #expect(export.status == 0)
        #expect(!export.output.contains("Zanzibar"))
    }
}
