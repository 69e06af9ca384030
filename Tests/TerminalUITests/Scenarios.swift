import Foundation
import SensemakingCore
@testable import TerminalUI

/// One workshop, told in the room's own words, with a checkpoint per stage. Texts mix
/// CJK, emoji with ZWJ and skin tones, flags and combining marks typed as separate scalars.
enum Scenario {
    static let people = ["Ana", "Ben", "Chi", "美咲", "Zoe\u{308}"]

    static func welcome() -> Room {
        var room = Room(participants: ["Ana", "Ben"])
        room.wait(45)
        room.say("Chi, 美咲")
        room.wait(20)
        room.say("Zoe\u{308}")
        return room
    }

    static func identity() -> Room {
        var room = welcome()
        room.say("/next")
        room.say("/as a GP partner")
        room.wait(40)
        room.say("I am a GP first, then a PCN clinical director, and now somehow \"the system\" too.")
        room.say("/as the council")
        room.wait(50)
        room.say("Adult social care. My budget and my duty pull in different directions.")
        room.wait(70)
        room.say("Nurse by training 👩‍⚕️, ICB by payslip; the NHS family 👩‍👩‍👧 is the identity I trust most.")
        room.wait(65)
        room.say("病院と地域の両方で働いています — I work across the hospital and the community 🇯🇵.")
        room.wait(30)
        // Zoë is at the keyboard: a long contribution that wraps, with combining marks.
        room.say("When I say \"we\" in a meeting I honestly do not know whether I mean my trust, my profession or the people around this table; that uncertainty is exactly what we should talk about, naïvely or not, over a café.")
        room.wait(40)
        room.type("My identity shifts depending on who is in the room")
        return room
    }

    static func retrospection() -> Room {
        var room = identity()
        room.feed(.character("\u{15}"))  // Ctrl-U clears the unsent line
        room.say("/next")
        room.round([
            "/when 2019",
            "The merger announcement: we heard it on local radio before any email.",
            "/when winter 2020",
            "Corridors full, and the council sent social workers onto the wards; it felt like one team.",
            "/when winter 2020",
            "I remember that winter as the moment trust broke: nobody asked us before moving staff.",
            "/when before the merger",
            "Everyone knew each other's names then 🧑🏽‍⚕️.",
            "/when March 2021",
            "第一回の合同会議。みんな緊張していた。",
            "/when last year",
            "The first time the ICB board met in a community centre.",
        ])
        return room
    }

    static func timeline() -> Room {
        var room = retrospection()
        room.feed(.character("\t"))
        return room
    }

    static func enactment() -> Room {
        var room = retrospection()
        room.say("/next")
        room.round([
            "/owner Ben",
            "Share the discharge data every week with the council team.",
        ])
        // Enactment makes an observation unless it has an owner: the room meant these as actions.
        room.say("/owner Chi")
        room.round([
            "We say 'one system' and then hold separate winter plans; let's write one.",
            "/owner Ana",
            "Invite the voluntary sector to the next planning meeting.",
        ])
        let said = room.state.session.contributions.last { $0.text.hasPrefix("We say") }!
        room.say("/edit \(said.id) We say 'one system' and then hold three separate winter plans; let's write one together.")
        room.say("/owner Zoë")
        room.round(["Celebrate the pharmacy team who ran the weekend clinic 🎉."])
        return room
    }

    static func socialActivity() -> Room {
        var room = enactment()
        room.say("/next")
        for story in [
            "The night shift that phoned the council\nNo beds, no transport; a duty social worker drove the patient home herself.",
            "Two badges on one lanyard: the community nurse who wore both trusts' passes for a year.",
            "The meeting nobody chaired\nEveryone waited for the ICB to lead; the patient's daughter ended up running it.",
            "A care home manager taught us what \"discharge to assess\" really costs.",
        ] {
            room.wait(90)
            room.paste(story)
            room.enter()
        }
        return room
    }

    static func ongoingProcess() -> Room {
        var room = socialActivity()
        room.say("/next")
        room.round([
            "Waiting lists are no longer the only story the papers tell.",
            "More people asking 'whose budget is this?' out loud.",
            "/note The room agreed to meet monthly in a different partner's building.",
            "Younger staff move between organisations without asking permission.",
        ])
        room.wait(8 * 60)  // ten minutes were planned: now over time
        return room
    }

    static func extractedCues() -> Room {
        var room = ongoingProcess()
        room.say("/next")
        room.round([
            "Ambulance handover times at 8am.",
            "Who gets invited to the meeting, and who is left off the email.",
            "Whether the council's director comes in person.",
            "How often 'they' turns into 'we' in minutes.",
        ])
        return room
    }

    static func plausibility(allDots: Bool) -> Room {
        var room = extractedCues()
        room.say("/next")
        room.say("/cue 1 Ambulance handover times at 8am")
        room.say("/cue 3 Who gets invited to the meeting")
        room.say("/turn Ana")
        room.round(["/dots 1 3 3", "/dots 3 4 1", "/dots 2 3 1"])
        if allDots {
            room.round(["/dots 1 1 4", "/dots 3 2 2"])
            room.say("/mind 3 If the ICB chaired the next one and families still had to lead")
            room.round(["The plausible story is the one where the patient's family had to lead: we start from there."])
        }
        return room
    }

    static func close() -> Room {
        var room = plausibility(allDots: true)
        room.say("/next")
        room.say("/turn Ana")
        room.round([
            "I will phone Ben before the next board, not after.",
            "Hope, carefully. 🌱",
            "この話をチームに持ち帰ります。",
        ])
        return room
    }

    /// Issue 16, reproduction 4: one contribution of 600 characters.
    static let sixHundred = String(repeating: "Winter is when the system shows itself: the ward, the council and the family all wait on each other. ", count: 6)
        .prefix(600).trimmingCharacters(in: .whitespaces) + " end of story."

    /// A month later: the follow-up of `close()`, part-way through its review.
    static func review() -> Room {
        let earlier = close().state.session
        var room = Room(title: "Follow-up: " + Plan.defaultTitle, participants: ["Ana", "Ben", "Chi"],
                        logName: "sensemaking-20240414-090000.md",
                        followUp: FollowUp(of: earlier, log: "sensemaking-20240314-090000.md"))
        room.say("/next")
        room.wait(120)
        room.say("/mark 1 done every Monday since April; the council replies the same day")
        room.say("/mark 2 in progress first draft shared, not yet agreed")
        room.say("The voluntary sector came, and brought two people we had never met 🙂")
        room.say("/mark 3 done")
        room.say("/mark 4 carry")
        room.say("/mark 6 dropped")
        return room
    }
}

/// The goldens: every stage, help, an error, NOT SAVED, anonymous mode and the rest.
enum GoldenScenario: String, CaseIterable, Sendable {
    case welcomeEmpty = "welcome-empty"
    case welcome
    case identityEmpty = "identity-empty"
    case identity
    case retrospection
    case timeline
    case enactment
    case socialActivity = "social-activity"
    case ongoingProcess = "ongoing-process"
    case extractedCues = "extracted-cues"
    case plausibilityDots = "plausibility-dots"
    case plausibilityRanked = "plausibility-ranked"
    case plausibilityRevealed = "plausibility-revealed"
    case close
    case closeScrolled = "close-scrolled"
    case closeStories = "close-stories"
    case closeActions = "close-actions"
    case closeCues = "close-cues"
    case closeVoices = "close-voices"
    case help
    case error
    case notSaved = "not-saved"
    case anonymous
    case scrolled
    case longInput = "long-input"
    case longContribution = "long-contribution"
    case review
    case reviewFourteen = "review-fourteen"
    case reviewFourteenTop = "review-fourteen-top"
    case longTitle = "long-title"
    case welcomeServing = "welcome-serving"
    case qr
    case floorOpen = "floor-open"
    case timerNearlyUp = "timer-nearly-up"
    case timerZero = "timer-zero"

    /// Whether the room has a turn to show: everything after Welcome, except help and `/qr`.
    var hasTurn: Bool { ![.welcomeEmpty, .welcome, .help, .welcomeServing, .qr].contains(self) }

    /// A join address with a stand-in QR code (a checkerboard of half blocks, 29 columns by
    /// 15 lines, as libqrencode's smallest code is with its quiet zone): the layout, not the code.
    static let join: JoinInfo = {
        let glyphs: [Character] = ["█", "▀", "▄", " "]
        let lines = (0..<15).map { row in String((0..<29).map { glyphs[(row + $0) % 4] }) }
        return JoinInfo(address: "http://192.168.1.5:8765/", code: "482913", qrOnDark: lines, qrOnLight: lines.reversed())
    }()

    var room: Room {
        switch self {
        case .welcomeEmpty:
            return Room()
        case .welcome:
            return Scenario.welcome()
        case .identityEmpty:
            var room = Scenario.welcome()
            room.say("/next")
            room.wait(30)
            return room
        case .identity:
            return Scenario.identity()
        case .retrospection:
            return Scenario.retrospection()
        case .timeline:
            return Scenario.timeline()
        case .enactment:
            return Scenario.enactment()
        case .socialActivity:
            return Scenario.socialActivity()
        case .ongoingProcess:
            return Scenario.ongoingProcess()
        case .extractedCues:
            var room = Scenario.extractedCues()
            room.say("/timer pause")
            room.wait(120)
            return room
        case .plausibilityDots:
            return Scenario.plausibility(allDots: false)
        case .plausibilityRanked:
            return Scenario.plausibility(allDots: true)
        case .plausibilityRevealed:
            var room = Scenario.plausibility(allDots: false)
            room.say("/reveal")
            return room
        case .close:
            return Scenario.close()
        case .closeScrolled:
            var room = Scenario.close()
            room.press(CursesKey.pageUp)
            room.press(CursesKey.pageUp)
            return room
        case .closeStories, .closeActions, .closeCues, .closeVoices:
            var room = Scenario.close()
            let page = [.closeStories, .closeActions, .closeCues, .closeVoices].firstIndex(of: self)!
            for _ in 0...page { room.feed(.character("\t")) }
            return room
        case .help:
            var room = Scenario.identity()
            room.press(CursesKey.f0 + 1)
            return room
        case .error:
            var room = Scenario.identity()
            room.feed(.character("\u{15}"))
            room.say("/nxt")
            return room
        case .notSaved:
            var room = Scenario.ongoingProcess()
            room.say("Budgets are starting to be pooled for frailty.")
            room.send(.journal(.notSaved(reason: "No space left on device", pending: 3)))
            return room
        case .anonymous:
            var room = Room(title: "Winter pressures, together", participants: ["Ana", "Ben", "Chi"], anonymous: true)
            room.say("/next")
            room.round([
                "/as the ICB",
                "Commissioner, but I trained as a paramedic and still think like one.",
                "I speak for a hospital trust that is also a neighbour to all of you.",
                "/note Nobody names anyone here; the log keeps no names either.",
                "Social care: the part of the system people forget until it is missing.",
            ])
            return room
        case .scrolled:
            var room = Scenario.identity()
            room.feed(.character("\u{15}"))
            let voices = [
                "I chair the place partnership, and I still feel like a guest in it.",
                "Public health: we are everybody's colleague and nobody's line manager.",
                "Voluntary sector. We are asked to the table once the menu is decided.",
                "I am a carer as well as a manager; both identities come to work.",
                "Estates. The buildings are where the system meets, so I think it counts.",
                "Primary care network manager: half of my job is translation.",
                "We have four logos on our lanyards and one patient in front of us.",
                "Mental health trust: we were system working before it had a name.",
            ]
            room.round(voices)
            room.press(CursesKey.pageUp)
            return room
        case .longInput:
            var room = Scenario.identity()
            room.feed(.character("\u{15}"))
            room.paste("""
            Three things I heard today:
            1. We hold several identities at once, and that is not a weakness.
            2. Our memories of the merger differ, and both are true.
            3. 行動と言葉を一致させること。
            4. Plausible beats perfect: start from the story the family told.
            5. Keep watching the cues, not only the dashboards.
            """)
            for _ in 0..<3 { room.press(CursesKey.up) }
            room.press(CursesKey.end)
            return room
        case .longContribution:
            var room = Scenario.identity()
            room.feed(.character("\u{15}"))
            room.say(Scenario.sixHundred)
            return room
        case .review:
            return Scenario.review()
        case .reviewFourteen:
            // Issue 16, reproduction 1: a follow-up's review of 14 items, live and from its top.
            return ScrollTests.review(items: 14)
        case .reviewFourteenTop:
            var room = ScrollTests.review(items: 14)
            room.press(CursesKey.home)
            return room
        case .longTitle:
            // Issue 16, reproduction 8: the title keeps its room in the header.
            var room = Room(title: "North Locality winter system workshop", participants: ["Ana", "Ben", "Chi", "Dee"])
            room.say("/next")
            room.say("/timer pause")
            return room
        case .welcomeServing:
            var room = Scenario.welcome()
            room.state.join = Self.join
            return room
        case .timerNearlyUp:
            var room = Scenario.identity()
            room.wait(220)  // 85 seconds left: the words and the reversed band
            return room
        case .timerZero:
            var room = Scenario.identity()
            room.feed(.character("\u{15}"))
            room.wait(0.6)
            room.say("/timer 0")
            return room
        case .qr:
            var room = Scenario.identity()
            room.state.join = Self.join
            room.feed(.character("\u{15}"))
            room.say("/qr")
            return room
        case .floorOpen:
            var room = Scenario.identity()
            room.state.join = Self.join
            room.feed(.character("\u{15}"))
            room.say("/floor open")
            room.send(.key(.escape))
            return room
        }
    }
}
