import Foundation
import SensemakingCore
import Testing
import TestSupport
@testable import TerminalUI

@Suite struct RenderTests {
    func rows(_ frame: Frame) -> [String] {
        frame.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    // MARK: Too small

    @Test(arguments: [(59, 16), (60, 15), (50, 12), (20, 5), (1, 1)])
    func aSmallWindowSaysWhatItNeeds(_ width: Int, _ height: Int) {
        let frame = Scenario.identity().frame(width, height)
        checkInvariants(frame)
        #expect(frame.cursor == nil)
        let text = frame.text.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        if width >= 20 {
            #expect(text.contains("Make the window at least 60×16 — now \(width)×\(height)"))
        }
        #expect(!frame.text.contains("your turn"))
    }

    @Test func theMinimumIsEnough() {
        let frame = Scenario.identity().frame(60, 16)
        #expect(!frame.text.contains("Make the window"))
        #expect(frame.text.contains("your turn"))
    }

    @Test func anEmptySizeGivesAnEmptyFrame() {
        #expect(Scenario.identity().frame(0, 0).text == "")
        #expect(Scenario.identity().frame(0, 3).size == Size(width: 0, height: 3))
    }

    // MARK: Input box and cursor

    @Test func theCursorFollowsWhatIsTypedByColumns() {
        var room = Scenario.welcome()
        room.say("/next")
        let empty = room.frame(80, 24).cursor!
        room.type("日本")
        #expect(room.frame(80, 24).cursor == Point(x: empty.x + 4, y: empty.y))
        // An emoji typed scalar by scalar is one cluster of two columns on screen.
        room.type("👩‍👩‍👧")
        let afterEmoji = room.frame(80, 24)
        #expect(afterEmoji.cursor == Point(x: empty.x + 6, y: empty.y))
        #expect(afterEmoji.text.contains("日本👩‍👩‍👧"))
        checkInvariants(afterEmoji)
        room.type("Zoe\u{308}")
        #expect(room.frame(80, 24).cursor == Point(x: empty.x + 9, y: empty.y))
        room.press(CursesKey.home)
        #expect(room.frame(80, 24).cursor == empty)
        room.press(CursesKey.right)
        #expect(room.frame(80, 24).cursor == Point(x: empty.x + 2, y: empty.y))
    }

    @Test func aLongTextWrapsInTheBoxAndKeepsTheCursorInView() {
        var room = Scenario.welcome()
        room.say("/next")
        let lines = (1...30).map { "line \($0) of a long pasted text" }
        room.paste(lines.joined(separator: "\n"))
        var frame = room.frame(80, 24)
        checkInvariants(frame)
        let cursor = frame.cursor!
        #expect(rows(frame)[cursor.y].contains("line 30 of a long pasted text"))
        #expect(rows(frame)[cursor.y - 3].hasPrefix(" ↑"))
        for _ in 0..<29 { room.press(CursesKey.up) }
        frame = room.frame(80, 24)
        let top = frame.cursor!
        #expect(rows(frame)[top.y].contains("line 1 of a long pasted text"))
        #expect(rows(frame)[top.y].hasPrefix(" ›"))
        #expect(rows(frame)[top.y + 3].hasPrefix(" ↓"))
        #expect(top.y == cursor.y - 3)
    }

    @Test func aLongWordWrapsInTheBoxWithoutCrossingTheEdge() {
        var room = Scenario.welcome()
        room.say("/next")
        room.type(String(repeating: "病院", count: 60))
        let frame = room.frame(60, 16)
        checkInvariants(frame)
        #expect(frame.cursor!.x < 60)
    }

    // MARK: Contributions

    static func crowded(_ count: Int) -> Room {
        var room = Room(participants: ["Ana", "Ben", "Chi"])
        room.say("/next")
        for n in 1...count {
            room.paste("Contribution number \(n): a thought long enough to wrap onto a second line at eighty columns wide.")
            room.enter()
        }
        return room
    }

    @Test func newestIsLastAndOlderAreCountedAbove() {
        let frame = Self.crowded(40).frame(80, 24)
        let text = rows(frame)
        let last = text.lastIndex { $0.contains("#") && $0.contains("Contribution number") }!
        #expect(text[last].contains("#40"))
        let rule = text.first { $0.contains("identity statements") }!
        #expect(rule.contains(/↑ \d+ earlier · PgUp/))
        let shown = text.filter { $0.range(of: "#[0-9]+ ", options: .regularExpression) != nil }.count
        #expect(rule.contains("↑ \(40 - shown) earlier"))
    }

    @Test func pageUpShowsOlderAndSaysHowManyAreNewer() {
        var room = Self.crowded(40)
        room.press(CursesKey.pageUp)
        var frame = room.frame(80, 24)
        #expect(!frame.text.contains("#40 "))
        #expect(frame.text.contains(/↓ \d+ more · PgDn/))
        checkInvariants(frame)
        // Far past the top: the oldest is at the top of the area, nothing earlier.
        for _ in 0..<100 { room.press(CursesKey.pageUp) }
        frame = room.frame(80, 24)
        let text = rows(frame)
        #expect(text.first { $0.contains("#") && $0.contains("Contribution") }?.contains("#1 ") == true)
        #expect(!frame.text.contains("earlier · PgUp"))
        // And back down.
        for _ in 0..<200 { room.press(CursesKey.pageDown) }
        #expect(room.frame(80, 24).text.contains("#40 "))
    }

    /// A long session shows its newest contributions, as a short one does.
    @Test func fiveThousandContributionsShowTheNewest() {
        func session(_ count: Int) -> AppState {
            let header = SessionHeader(title: "Long", plan: .standard, participants: ["Ana", "Ben"], anonymous: false, started: Room.start)
            var session = Session(header: header)
            session.apply(Record(time: Room.start, event: .stageEntered(1)))
            let text = "A contribution long enough to wrap at eighty columns, with 日本語 and 👩‍👩‍👧 in it, and then some more words."
            for id in 1...count {
                let contribution = Contribution(id: id, author: id % 2 == 0 ? "Ana" : "Ben", stage: 1, kind: .identity, text: text, time: Room.start)
                session.apply(Record(time: Room.start, event: .contributed(contribution, advancesTurn: true)))
            }
            return AppState(session: session, logName: "long.md", now: Room.start)
        }
        let few = session(3), many = session(5_000)
        #expect(many.session.contributions.count == 5_000)
        // How fast is measured by scripts/bench and Benchmarks/, never timed here: this checks
        // that the newest are what shows, with the rest counted, at any size.
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24), minimumSize] {
            let small = render(few, size: size, theme: .dark).text, large = render(many, size: size, theme: .dark).text
            #expect(large.contains("#5000 ") && !large.contains("#1 ") && small.contains("#3 "))
        }
        #expect(render(many, size: Size(width: 120, height: 40), theme: .dark).text.contains("#5000 "))
    }

    @Test func anonymousSessionsShowNoNamesInContributions() {
        var room = Room(participants: ["Ana", "Ben", "Chi"], anonymous: true)
        room.say("/next")
        room.round(["first thought", "second thought", "third thought"])
        let text = rows(room.frame(80, 24))
        let contributions = text.filter { $0.contains("thought") }
        #expect(contributions.count == 3)
        for line in contributions {
            for name in ["Ana", "Ben", "Chi"] { #expect(!line.contains(name)) }
        }
        #expect(!room.frame(80, 24).text.contains("yet to speak"))
    }

    /// An anonymous board counts the dots placed against everyone's share; resumed, with no
    /// one here yet, it counts them alone ("8 of 0" said nothing).
    @Test func anAnonymousBoardCountsTheDotsPlaced() {
        var room = Room(participants: ["Ana", "Ben", "Chi"], anonymous: true)
        room.say("/goto social")
        room.round(["Story one", "Story two", "Story three"])
        room.say("/goto plausibility")
        room.say("/dots 1 1 1")
        room.say("/dots 2 2")
        #expect(room.frame(80, 24).text.contains("/reveal · 5 of 9 placed"))
        room.state = AppState(session: room.state.session.asJournaled, now: room.state.now)
        #expect(room.state.session.roster.isEmpty)
        #expect(room.frame(80, 24).text.contains("/reveal · 5 dots placed"))
    }

    @Test func whoHasNotYetSpokenIsShownAndShrinks() {
        var room = Room(participants: ["Ana", "Ben", "Chi"])
        room.say("/next")
        #expect(room.frame(80, 24).text.contains("yet to speak: Ana, Ben, Chi"))
        room.say("one")
        #expect(room.frame(80, 24).text.contains("yet to speak: Ben, Chi"))
        room.say("/pass")
        room.say("@Ben out of turn")
        #expect(room.frame(80, 24).text.contains("yet to speak: Chi"))
        room.say("three")
        #expect(room.frame(80, 24).text.contains("everyone has spoken"))
    }

    // MARK: Messages and status

    @Test func errorsReadAsErrorsWithoutColour() {
        let room = GoldenScenario.error.room
        let frame = room.frame(80, 24)
        let row = rows(frame).firstIndex { $0.contains("did you mean /next?") }!
        #expect(rows(frame)[row].hasPrefix(" ✗ Error: "))
        let cells = frame.row(row).filter { !$0.isSpace }
        #expect(cells.allSatisfy { $0.style.bold && $0.style.role == .error })
        // The typed text stays in the box.
        #expect(rows(frame)[frame.cursor!.y].contains("/nxt"))
    }

    @Test func notSavedSaysWhyHowManyAndWhatToDo() {
        let frame = GoldenScenario.notSaved.room.frame(80, 24)
        let status = rows(frame)[23]
        #expect(status.contains("NOT SAVED: No space left on device (3 waiting) — /saveas PATH"))
        #expect(!status.contains("✓ saved"))
        let band = frame.row(23).filter { !$0.isSpace }.prefix(10)
        #expect(band.allSatisfy { $0.style.reverse && $0.style.bold })
        let saved = Scenario.identity().frame(80, 24)
        #expect(rows(saved)[23].contains("✓ saved  sensemaking-20240314-090000.md"))
    }

    /// The time in big digits at the right of the prompts; over time a "+" and the words,
    /// and the header leaves the time to them.
    @Test func theTimerShowsOvertimeAndPause() {
        var room = Scenario.welcome()
        room.say("/next")
        #expect(rows(room.frame(80, 24))[1].hasSuffix(BigDigits.rows("10:00")[0]))
        #expect(rows(room.frame(80, 24))[4].hasSuffix(" left"))
        room.wait(10 * 60 + 133)
        let over = room.frame(80, 24)
        // Trailing spaces are trimmed from the text: the band's right column does not show.
        #expect(rows(over)[2].hasSuffix(BigDigits.rows("+02:13")[1]))
        #expect(rows(over)[4].hasSuffix("time is up"))
        #expect(!rows(over)[0].contains("over"))
        #expect(over[79 - 2, 2].style.reverse && over[79 - 2, 2].style.bold, "over time is a reversed band")
        room.say("/timer pause")
        room.wait(600)
        #expect(rows(room.frame(80, 24))[4].hasSuffix("time is up · paused"))
    }

    // MARK: Stages

    @Test func welcomeShowsTitlePurposeWhoIsHereAndWhatToDo() {
        let text = Scenario.welcome().frame(80, 24).text
        #expect(text.contains(Plan.defaultTitle))
        #expect(text.contains("To make sense together"))
        #expect(text.contains("Ana, Ben, Chi, 美咲, Zoë"))
        #expect(text.contains("type a name and press Enter; /next to begin"))
    }

    /// A card's title takes three lines where the board has the rows, two where it has
    /// fewer (80×20 here), and the board is a list where even two do not fit.
    @Test func aCardsTitleTakesTheRowsTheBoardHas() {
        let room = GoldenScenario.plausibilityDots.room
        let roomy = room.frame(80, 24).text, tighter = room.frame(80, 20).text
        #expect(roomy.contains("│ lanyard: the community   │") && roomy.contains("│ nurse who wore…"), "\(roomy)")
        #expect(tighter.contains("│ lanyard: the community … │") && !tighter.contains("nurse who wore"), "\(tighter)")
        #expect(!room.frame(80, 19).text.contains("│"), "a list, without cards")
    }

    @Test func theBoardShowsWhoHasVotedNeverHowUntilEveryoneHas() {
        let before = rows(Scenario.plausibility(allDots: false).frame(80, 24))
        // Cards side by side, in the order told: each card's head is "N · Name", no dots.
        let cards = before.flatMap { row in row.matches(of: #/(?:^ |│ )(\d) · /#).map { String($0.1) } }
        #expect(cards == ["1", "2", "3", "4"])
        #expect(before.contains(" Dots hidden until everyone has voted or /reveal · voted: Ana, Ben, Chi"))
        // No dot anywhere below the header's stage marker (row 0).
        #expect(!before.dropFirst().contains { $0.contains("●") })
        let after = rows(Scenario.plausibility(allDots: true).frame(80, 24))
        #expect(after.contains { $0.contains("Ranked by dots: everyone has placed theirs") })
        let ranked = after.filter { $0.contains(/^ \d  ●/) }
        #expect(ranked.map { $0.dropFirst().prefix(1) } == ["1", "3", "2", "4"])
        #expect(ranked[0].contains("●●●●● 5"))
        #expect(after.contains { $0.contains("cues: Ambulance handover times at 8am") })
    }

    /// The banner and the reveal agree on who has placed all their dots: Ben placed one of
    /// his three and passed, so the board stays hidden and the banner names him.
    @Test func theBannerNamesWhoStillHasDotsToPlaceAsTheRevealCounts() {
        var room = Scenario.extractedCues()
        room.say("/next")
        room.say("/turn Ben")
        room.say("/dots 2")
        room.say("/pass")
        room.round(["/dots 1 1 1", "/dots 2 2 2", "/dots 3 3 3", "/dots 4 4 4"])
        #expect(!room.state.session.revealed)
        let banner = rows(room.frame(80, 24))[20]
        #expect(!banner.contains("all dots placed"))
        #expect(banner.hasSuffix("dots left: Ben"))
    }

    /// The banner asks for the dots the turn holder may still place, and no more: none once
    /// they placed all theirs (from a phone too), none after the reveal; what is left of a
    /// vote still open.
    @Test func theBannerAsksOnlyForDotsStillToPlace() {
        func banner(_ room: Room) -> String { rows(room.frame(80, 24))[20] }
        var room = Scenario.plausibility(allDots: false)
        #expect(banner(room).hasPrefix(" 美咲 — your turn to place 3 dots · 4 of 5 "))
        room.say("/dots 2")
        #expect(banner(room).hasPrefix(" 美咲 — your turn to place 2 dots · 4 of 5 "))
        room.send(.device(.dots(participant: "美咲", stories: [1, 2, 4], key: "k")))
        #expect(banner(room).hasPrefix(" 美咲 — your turn · 4 of 5 "))
        #expect(banner(room).hasSuffix("dots left: Zoë"))
        room.say("/reveal")
        room.say("/turn Zoë")
        // Voting has closed: the turn is for the narrative, and who has not spoken yet.
        #expect(banner(room).hasPrefix(" Zoë — your turn · 5 of 5 "))
        #expect(!banner(room).contains("dots"))
        #expect(!rows(room.frame(80, 24))[21].contains("/dots"))
    }

    /// While the floor is open the banner says so, and whose turn it is at the keyboard
    /// (Enter still saves as theirs); at 60 columns it says it short. Not from a log
    /// resumed without --serve, where no device can send.
    @Test func theBannerSaysTheFloorIsOpen() {
        var room = Scenario.identity()
        room.feed(.character("\u{15}"))
        room.state.join = GoldenScenario.join
        let turn = rows(room.frame(80, 24))[20]
        room.say("/floor open")
        room.send(.key(.escape))  // the message goes
        #expect(room.state.message == nil)
        #expect(rows(room.frame(80, 24))[20].hasPrefix(" Floor open: anyone may send from a device · Ana — your turn · 1 of 5"))
        #expect(rows(room.frame(60, 16))[12].hasPrefix(" Floor open · Ana — your turn · 1 of 5"))
        var unserved = room
        unserved.state.join = nil
        #expect(rows(unserved.frame(80, 24))[20] == turn)
        room.feed(.character("\u{15}"))
        room.say("/floor turns")
        #expect(rows(room.frame(80, 24))[20] == turn)
    }

    @Test func revealShowsTheDotsBeforeEveryoneHasVoted() {
        var room = Scenario.plausibility(allDots: false)
        room.say("/reveal")
        let after = rows(room.frame(80, 24))
        #expect(after.contains { $0.contains("Ranked by dots: revealed") })
        // Ana 1 3 3, Ben 3 4 1, Chi 2 3 1: story 3 has 4, story 1 has 3.
        let heads = after.flatMap { row in row.matches(of: /(?:^ |│ )(\d)  (●+) (\d)/).map { "\($0.1):\($0.3)" } }
        #expect(heads == ["3:4", "1:3", "2:1", "4:1"])
    }

    @Test func theTimelineOrdersByWhenAndKeepsSameMomentSideBySide() {
        let text = rows(Scenario.timeline().frame(80, 30))
        let order = ["● 2019", "● winter 2020", "● March 2021", "● last year", "Not placed in time"].map { label in
            text.firstIndex { $0.contains(label) }
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(text.contains { $0.contains("#7 Ben") && $0.contains("│ #8 Chi") })
        #expect(text[2].contains("Tab: list"))
        var list = Scenario.timeline()
        list.feed(.character("\u{14}"))  // Ctrl-T toggles back
        #expect(rows(list.frame(80, 24))[1].contains("Tab: timeline"))
    }

    /// The text of every page of Close, a Tab apart, from the page shown.
    func closePages(_ room: Room, _ width: Int = 120, _ height: Int = 40) -> String {
        var room = room
        var text = ""
        for _ in ClosePage.allCases {
            text += room.frame(width, height).text
            room.feed(.character("\t"))
        }
        return text
    }

    @Test func closeShowsTheSynthesisAndCheckOuts() {
        let text = closePages(Scenario.close())
        for expected in ["In numbers", "Identity 5", "Stories", "Actions", "— Ben", "Cues", "Signals", "Narrative",
                         "Timeline", "2019 → winter 2020 (2)", "check-out", "#31 Chi: この話をチームに持ち帰ります。"] {
            #expect(text.contains(expected), "\(expected)")
        }
    }

    @Test func aFollowUpsCloseSaysWhatBecameOfLastTimeAndWhoSpokeFromWhere() {
        var room = Scenario.review()
        room.say("/goto close")
        let text = closePages(room)
        #expect(text.contains("Last time   2 done · 1 in progress · 1 dropped · 1 carried forward · 6 not reviewed"))
        #expect(text.contains("Voices      Ana 1 (100%) · Ben 0 (0%) · Chi 0 (0%)"))
        let identities = closePages(Scenario.close())
        #expect(identities.contains("Identities  a GP partner 8× by Ana · Identity, Retrospection"))
    }

    @Test func aFollowUpsWelcomeSaysWhatItFollowsAndThatTheReviewIsNext() {
        let earlier = Scenario.close().state.session
        let room = Room(participants: ["Ana"], followUp: FollowUp(of: earlier, log: "march.md"))
        let text = room.frame(80, 24).text
        #expect(text.contains("Follows   Making sense of our system · Review next: 11 items"))
        #expect(text.contains("Welcome · 7 stages"))
    }

    @Test func anAnonymousCloseCountsVoicesWithoutNames() {
        var room = Room(participants: ["Ana", "Ben", "Chi"], anonymous: true)
        room.say("/next")
        room.say("/as a GP")
        room.round(["first thought", "second thought"])
        room.say("/goto close")
        let text = closePages(room)
        #expect(text.contains("Voices      2 contributions, anonymous"))
        #expect(text.contains("Identities  a GP 1× · Identity"))
        for _ in ClosePage.allCases {
            for name in ["Ana", "Ben", "Chi"] {
                #expect(!rows(room.frame(120, 40)).dropFirst(4).prefix(8).contains { $0.contains(name) }, "\(name)")
            }
            room.feed(.character("\t"))
        }
    }

    /// At the minimum size a page longer than the screen is reached whole by paging.
    @Test func pagingInCloseReachesTheWholeSynthesis() {
        var room = Scenario.close()
        room.feed(.character("\t"))  // the stories
        #expect(!room.frame(60, 16).text.contains("had to lead"))
        var seen = Set<String>()
        for frame in room.pagesDown(Size(width: 60, height: 16)) { seen.formUnion(rows(frame)) }
        #expect(seen.contains { $0.contains("had to lead") })
        #expect(seen.contains { $0.contains("A care home manager") })
    }

    @Test(arguments: goldenSizes)
    func helpListsEveryCommandAndKey(_ size: Size) {
        let frame = GoldenScenario.help.room.frame(size.width, size.height)
        checkInvariants(frame)
        for command in CommandParser.usage { #expect(frame.text.contains(command.usage), "\(command.usage)") }
        for key in ["Enter", "Alt-Enter", "Ctrl-J", "Ctrl-W", "Ctrl-U", "PgUp", "PgDn", "Tab", "Ctrl-T", "F1", "Esc", "Ctrl-C", "@NAME", "//"] {
            #expect(frame.text.contains(key), "\(key)")
        }
        #expect(frame.text.contains("press any key"))
        #expect(frame.cursor == nil)
    }

    // MARK: Properties

    /// Property: any room, any size, the frame is well formed and the essentials show.
    @Test func randomRoomsAtRandomSizesAreWellFormed() {
        var rng = SplitMix64(seed: 1234)
        for round in 0..<25 {
            var room = Room(participants: ["Ana", "Ben", "美咲"], anonymous: round % 5 == 0)
            room.say("/next")
            for _ in 0..<Int(rng.next() % 12) {
                switch rng.next() % 6 {
                case 0: room.say("/next")
                case 1: room.say("/when " + ["2019", "winter 2020", "last year", "before"][Int(rng.next() % 4)])
                default:
                    room.paste(Pieces.text(&rng, pieces: 1 + Int(rng.next() % 30)))
                    room.enter()
                }
            }
            if rng.next() % 3 == 0 { room.press(CursesKey.pageUp) }
            if rng.next() % 4 == 0 { room.type(Pieces.text(&rng, pieces: 20)) }
            for _ in 0..<4 {
                let width = 60 + Int(rng.next() % 80), height = 16 + Int(rng.next() % 30)
                let frame = room.frame(width, height)
                checkInvariants(frame)
                #expect(showsTime(frame))
                #expect(frame.cursor != nil)
            }
        }
    }
}

/// Issue 16, reproduction 4: a long contribution is clipped on the stream, whole in the session.
@Suite struct ClippedContributionTests {
    @Test(arguments: [minimumSize, Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)])
    func aLongContributionIsClippedAndTheOthersStayInView(_ size: Size) {
        let room = GoldenScenario.longContribution.room
        let session = room.state.session
        let long = session.contributions.last!
        #expect(long.text == Scenario.sixHundred)
        let text = room.frame(size.width, size.height).text
        #expect(text.contains("#\(long.id) "))
        // From 120×40 a contribution may take six lines: six hundred characters fit whole.
        let clipped = size.width < 120
        #expect(text.contains(" …") == clipped)
        #expect(text.contains("end of story.") == !clipped)
        // The one before it is still on the screen, whole or clipped.
        #expect(text.contains("#\(long.id - 1) ") || size.height < 20)
    }
}

/// Issue 16, reproduction 6: from 120×40 the stream stands beside the board and the timeline.
@Suite struct BesideTests {
    func rows(_ frame: Frame) -> [String] { frame.text.split(separator: "\n").map(String.init) }

    @Test func theNarrativeStandsBesideTheBoard() {
        let room = Scenario.plausibility(allDots: true)
        let wide = rows(room.frame(120, 40))
        #expect(wide.contains { $0.contains("Ranked by dots") && $0.contains("#28 Ana") })
        let narrow = rows(room.frame(119, 40))
        #expect(!narrow.contains { $0.contains("Ranked by dots") && $0.contains("#28") })
        #expect(!rows(room.frame(120, 39)).contains { $0.contains("Ranked by dots") && $0.contains("#28") })
    }

    @Test func theNotesStandBesideTheTimeline() {
        let wide = rows(Scenario.timeline().frame(200, 60))
        #expect(wide.contains { $0.contains("● 2019") && $0.contains("#6 Ana") })
    }
}

/// Issue 16, reproduction 9: a clipped title or contribution ends between words.
@Suite struct EllipsisTests {
    @Test func aClippedLineEndsAtAWord() {
        let lines = StyledText("Two badges on one lanyard: the community nurse who wore both", Styles.text).clipped(width: 24, rows: 2)
        #expect(lines.map { String($0.characters) } == ["Two badges on one", "lanyard: the community …"])
        // One long word is cut where it must be.
        let word = StyledText("Interdisciplinarity-and-more-of-it", Styles.text).clipped(width: 12, rows: 1)
        #expect(word.map { String($0.characters) } == ["Interdisci …"])
    }
}
