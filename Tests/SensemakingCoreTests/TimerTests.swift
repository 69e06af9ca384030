import Foundation
import Testing
@testable import SensemakingCore

@Suite("The timebox: countdown, overtime, pause, extend, bell")
struct TimerTests {
    /// Identity (ten minutes) entered at t0.
    func identity() -> Room {
        var room = Room()
        room.type("/next")
        #expect(room.session.timebox.budget == 600)
        #expect(room.session.timebox.running)
        return room
    }

    func remaining(_ room: Room) -> Int? { room.session.timebox.remaining(at: room.state.now) }

    @Test func theTimeboxCountsDownOnTicksAndShowsOvertime() {
        var room = identity()
        #expect(remaining(room) == 600)
        #expect(room.tick(60) == [])
        #expect(remaining(room) == 540)
        #expect(room.tick(599.5) == [])
        #expect(remaining(room) == 1)
        #expect(room.tick(601) == [.bell])
        #expect(remaining(room) == -1)
        #expect(room.tick(725) == [])
        #expect(remaining(room) == -125)
        #expect(room.records == [Record(time: t0, event: .stageEntered(1))])
    }

    @Test func theBellRingsOnceWhenTimeRunsOut() {
        var room = identity()
        #expect(room.tick(599) == [])
        #expect(room.tick(600) == [.bell])
        #expect(room.tick(600) == [])
        #expect(room.tick(900) == [])
        #expect(room.tick(1800) == [])
    }

    @Test func aTickThatGoesBackInTimeIsIgnored() {
        var room = identity()
        room.tick(300)
        room.send(.tick(t0 - 1000))
        #expect(room.state.now == t0 + 300)
        #expect(remaining(room) == 300)
    }

    @Test func welcomeAndCloseHaveNoTimeboxAndNoBell() {
        var room = Room()
        #expect(room.session.timebox.budget == nil)
        #expect(remaining(room) == nil)
        #expect(room.tick(100_000) == [])
        room.type("/goto close")
        #expect(room.tick(200_000) == [])
        #expect(remaining(room) == nil)
    }

    @Test func setGivesMinutesFromNowAndRingsAgainWhenTheyRunOut() {
        var room = identity()
        room.tick(601)                                  // rang
        #expect(room.type("/timer 5") == [write(.timer(.set(seconds: 300)), at: 601)])
        #expect(room.session.timebox.budget == 901)
        #expect(remaining(room) == 300)
        #expect(room.tick(900) == [])
        #expect(room.tick(901) == [.bell])
        room.expectReplayMatches()
    }

    @Test func setToZeroEndsTheTimeNow() {
        var room = identity()
        room.tick(30)
        room.type("/timer 0")
        #expect(remaining(room) == 0)
        #expect(room.tick(30) == [.bell])
    }

    @Test func plusAndMinusExtendAndShorten() {
        var room = identity()
        room.tick(100)
        #expect(room.type("/timer +2") == [write(.timer(.adjust(seconds: 120)), at: 100)])
        #expect(room.session.timebox.budget == 720)
        #expect(remaining(room) == 620)
        #expect(room.type("/timer -3") == [write(.timer(.adjust(seconds: -180)), at: 100)])
        #expect(room.session.timebox.budget == 540)
        #expect(remaining(room) == 440)
        #expect(room.tick(540) == [.bell])
        room.expectReplayMatches()
    }

    @Test func extendingAfterTheBellRingsItAgainLater() {
        var room = identity()
        #expect(room.tick(600) == [.bell])
        room.type("/timer +1")
        #expect(remaining(room) == 60)
        #expect(room.tick(659) == [])
        #expect(room.tick(660) == [.bell])
    }

    @Test func aStageWithoutTimeboxGetsOneFromPlus() {
        var room = Room()
        room.tick(30)
        #expect(room.type("/timer -1") == [.bell])
        #expect(room.message == .error("This stage has no timer: /timer M sets one."))
        room.key(.clearInput)
        #expect(room.type("/timer +1") == [write(.timer(.adjust(seconds: 60)), at: 30)])
        #expect(room.session.timebox.budget == 90)
        #expect(remaining(room) == 60)
        #expect(room.tick(90) == [.bell])
    }

    @Test func pauseStopsTheClockUntilResumedEvenAcrossStageChanges() {
        var room = identity()
        room.tick(100)
        #expect(room.type("/timer pause") == [write(.timer(.pause), at: 100)])
        #expect(room.session.timebox.paused)
        #expect(!room.session.timebox.running)
        room.tick(400)
        #expect(remaining(room) == 500)
        #expect(room.type("/timer pause") == [])
        #expect(room.message == .info("The timer is already paused."))

        room.type("/next")                              // Retrospection runs from t0+400
        #expect(room.session.timebox.running)
        room.tick(460)
        #expect(remaining(room) == 540)
        room.type("/back")                              // Identity: still paused
        #expect(room.session.timebox.paused)
        #expect(!room.session.timebox.running)
        #expect(room.tick(1000) == [])
        #expect(remaining(room) == 500)
        #expect(room.session.timeboxes[2].elapsed(at: room.state.now) == 60)

        #expect(room.type("/timer resume") == [write(.timer(.resume), at: 1000)])
        #expect(!room.session.timebox.paused)
        room.tick(1100)
        #expect(remaining(room) == 400)
        #expect(room.type("/timer resume") == [])
        #expect(room.message == .info("The timer is running."))
        room.expectReplayMatches()
    }

    @Test func aPausedTimerDoesNotRing() {
        var room = identity()
        room.type("/timer stop")
        #expect(room.tick(5000) == [])
        room.type("/timer go")
        #expect(room.tick(5600) == [.bell])
    }

    @Test func timeSpentInAStageAddsUpAcrossVisits() {
        var room = identity()
        room.tick(100)
        room.type("/next")
        room.tick(200)
        room.type("/back")
        room.tick(250)
        #expect(room.session.timebox.elapsed(at: room.state.now) == 150)
        #expect(remaining(room) == 450)
        room.expectReplayMatches()
    }

    @Test func eachStageRingsForItselfOnce() {
        var room = identity()
        #expect(room.tick(600) == [.bell])
        room.type("/next")                              // Retrospection from t0+600
        #expect(room.tick(1199) == [])
        #expect(room.tick(1200) == [.bell])
        room.type("/back")                              // Identity is still over time
        #expect(room.tick(1300) == [])
        #expect(remaining(room) == -100)
    }

    @Test func malformedTimerCommands() {
        var room = identity()
        let usage = "/timer takes minutes (0 to 600), +M, -M, pause or resume: /timer M|+M|-M|pause|resume"
        for line in ["/timer", "/timer soon", "/timer 601", "/timer +", "/timer --5", "/timer 2.5"] {
            room.key(.clearInput)
            #expect(room.type(line) == [.bell], "\(line)")
            #expect(room.message == .error(usage), "\(line)")
            #expect(room.input == line)
        }
        #expect(room.session.timebox.budget == 600)
    }

    @Test func quittingStopsTheClockAndResumingStartsIt() {
        var room = identity()
        room.tick(100)
        #expect(room.type("/quit") == [write(.suspended, at: 100), .exit(.quit)])
        #expect(room.session.suspended)
        #expect(!room.session.timebox.running)
        room.tick(5000)
        #expect(room.send(.resume) == [write(.resumed, at: 5000)])
        #expect(room.message == .info("Resumed Identity. Everything saved before is here."))
        #expect(!room.session.suspended)
        room.tick(5060)
        #expect(room.session.timebox.elapsed(at: room.state.now) == 160)
        room.expectReplayMatches()
    }

    @Test func afterACrashTheClockStopsAtTheLastRecordSaved() {
        var room = identity()
        room.tick(100)
        room.type("Saved at 100")
        // The process dies here; `resume` rebuilds the session from the records alone.
        var resumed = AppState(session: room.replayed, now: t0 + 5000)
        let effects = reduce(&resumed, .resume)
        #expect(effects == [write(.resumed, at: 5000)])
        _ = reduce(&resumed, .tick(t0 + 5060))
        #expect(resumed.session.timebox.elapsed(at: resumed.now) == 160)
        #expect(resumed.session.timebox.remaining(at: resumed.now) == 440)
    }

    @Test func remainingRoundsUpToWholeSeconds() {
        var box = Timebox(budget: 60)
        #expect(box.remaining(at: t0) == 60)
        box.start(at: t0)
        #expect(box.remaining(at: t0 + 0.2) == 60)
        #expect(box.remaining(at: t0 + 59.9) == 1)
        #expect(box.remaining(at: t0 + 60) == 0)
        #expect(box.remaining(at: t0 + 60.5) == 0)
        #expect(box.remaining(at: t0 + 61) == -1)
        box.stop(at: t0 + 30)
        #expect(box.elapsed(at: t0 + 1000) == 30)
        #expect(Timebox(budget: nil).remaining(at: t0) == nil)
    }
}
