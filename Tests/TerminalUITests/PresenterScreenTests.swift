import Foundation
import SensemakingCore
import Testing
@testable import TerminalUI

/// `sensemaking presenter`'s frames, at 80×24, 120×40 and the minimum size.
/// `UPDATE_GOLDENS=1 swift test --filter PresenterScreenTests` rewrites them.
@Suite struct PresenterScreenTests {
    static let status = "http://127.0.0.1:8766 · q quits"

    /// Identity, five minutes in: two have spoken, a note, two devices.
    static func midIdentity(anonymous: Bool = false) -> PresenterView {
        let header = SessionHeader(title: "Ward 7 handover", plan: .standard, participants: ["Ana", "Ben", "Chi"],
                                   anonymous: anonymous, started: Room.start)
        var session = Session(header: header)
        let events: [Event] = [
            .stageEntered(1),
            .contributed(Contribution(id: 1, author: anonymous ? nil : "Ana", stage: 1, kind: .identity, text: "Nurse, and a mother of a patient", time: Room.start + 70), advancesTurn: true),
            .contributed(Contribution(id: 2, author: anonymous ? nil : "Ben", stage: 1, kind: .identity, text: "Porter", time: Room.start + 80), advancesTurn: true),
            .contributed(Contribution(id: 3, author: nil, stage: 1, kind: .note, text: "Chi is quiet: ask gently after the break", time: Room.start + 90), advancesTurn: false),
        ]
        for (index, event) in events.enumerated() { session.apply(Record(time: Room.start + 60 + Double(index), event: event)) }
        var state = AppState(session: session, logName: "test.md", now: Room.start + 360)
        state.devices = [ConnectedDevice(number: 1, name: anonymous ? nil : "Ana"), ConnectedDevice(number: 2, name: nil)]
        return PresenterView(state)
    }

    @Test func midIdentityGoldens() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40), minimumSize] {
            let frame = renderPresenter(Self.midIdentity(), status: Self.status, size: size)
            Golden.check("presenter", frame)
        }
        let text = renderPresenter(Self.midIdentity(), status: Self.status, size: Size(width: 80, height: 24)).text
        #expect(text.contains("Not yet here: Chi"))
        #expect(text.contains("Chi is quiet"))
        #expect(text.contains("05:00 left"))
        #expect(text.contains("Next"))
    }

    @Test func anonymousShowsCountsNotNames() {
        let frame = renderPresenter(Self.midIdentity(anonymous: true), status: Self.status, size: Size(width: 80, height: 24))
        Golden.check("presenter-anonymous", frame)
        #expect(!frame.text.contains("Ana"))
    }

    @Test func notConnectedSaysSo() {
        let frame = renderPresenter(nil, status: "No running session: s.md.presenter does not exist. q quits", size: Size(width: 80, height: 24))
        Golden.check("presenter-waiting", frame)
    }

    @Test func overTimeIsReversedWithoutColour() {
        var view = Self.midIdentity()
        view.timer.left = -75
        view.timer.over = true
        view.timer.text = "+01:15 over"
        let frame = renderPresenter(view, status: Self.status, size: Size(width: 80, height: 24))
        let rows = frame.text.split(separator: "\n", omittingEmptySubsequences: false)
        let clockRow = rows.firstIndex { $0.contains("Now:") } ?? 0
        #expect(frame.row(clockRow).suffix(10).contains { $0.style.reverse })
        #expect(frame.text.contains("+01:15 over"))
    }
}
