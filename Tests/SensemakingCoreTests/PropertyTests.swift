import Foundation
import PropertyBased
import Testing
import TestSupport
@testable import SensemakingCore

/// Any sequence of actions, however hostile, leaves the session consistent, and the
/// records it wrote rebuild it exactly.
@Suite("Properties of reduce")
struct PropertyTests {
    @Test func anySequenceOfActionsLeavesTheStateConsistent() async {
        await propertyCheck(count: 250, input: Gen.uint64().array(of: 1...70)) { seeds in
            var script = Script(seed: seeds[0])
            var room = script.room()
            var lastRecordTime = t0
            for seed in seeds.dropFirst() {
                script.reseed(seed)
                let actions = script.actions(room)
                for action in actions {
                    for case .append(let record) in room.send(action) {
                        #expect(record.time >= lastRecordTime, "records go forward in time")
                        lastRecordTime = record.time
                    }
                }
                if let problem = Invariants.problem(in: room) {
                    Issue.record("\(problem) after \(actions.map { String(describing: $0).prefix(80) })")
                    return
                }
            }
            #expect(Invariants.uncleanText(in: room.session) == nil)
            #expect(room.replayMatches, "the records rebuild the session")
        }
    }

    @Test func theScriptReachesEveryKindOfRecord() {
        // The generator is only useful if it gets somewhere: run it long and look.
        var kinds: Set<String> = []
        for seed in UInt64(1)...40 {
            var script = Script(seed: seed)
            var room = script.room()
            for step in UInt64(0)..<300 {
                script.reseed(seed &* 1_000_003 &+ step)
                for action in script.actions(room) { room.send(action) }
            }
            for record in room.records { kinds.insert(Invariants.kind(of: record.event)) }
            #expect(Invariants.problem(in: room) == nil)
            #expect(Invariants.uncleanText(in: room.session) == nil)
            #expect(room.replayMatches)
        }
        let expected: Set<String> = ["stageEntered", "joined", "left", "turnGiven", "passed", "contributed",
                                     "retracted", "edited", "speakingAs", "pendingWhen", "pendingOwner",
                                     "pendingDue", "rekinded", "moved",
                                     "dotsPlaced", "cueLinked", "mindChanger", "reviewed", "timer", "suspended",
                                     "resumed", "ended"]
        #expect(kinds == expected)
    }
}

enum Invariants {
    /// What is wrong with the room's state, or nil.
    static func problem(in room: Room) -> String? {
        let session = room.session
        let roster = session.roster
        if let turn = session.turn {
            if !roster.indices.contains(turn) { return "turn \(turn) outside a roster of \(roster.count)" }
        } else if !roster.isEmpty {
            return "no turn with \(roster.count) here"
        }
        if Set(roster.map { $0.lowercased() }).count != roster.count { return "a name twice on the roster: \(roster)" }
        if !session.stages.indices.contains(session.current) { return "stage \(session.current) out of range" }
        if session.timeboxes.count != session.stages.count { return "timeboxes and stages differ" }

        let ids = session.contributions.map(\.id)
        if ids != ids.sorted() || Set(ids).count != ids.count { return "contribution ids not unique and increasing: \(ids)" }
        if let last = ids.last, session.nextID <= last { return "next id \(session.nextID) not after \(last)" }
        if ids.contains(where: { $0 < 1 }) { return "an id below 1" }

        for placement in session.dots {
            if placement.stories.count > session.plan.dots {
                return "\(placement.participant ?? "someone") placed \(placement.stories.count) dots of \(session.plan.dots)"
            }
            if session.anonymous && placement.participant != nil { return "a named placement in an anonymous session" }
        }
        let named = session.dots.compactMap(\.participant)
        if Set(named).count != named.count { return "two placements by one participant: \(named)" }

        for contribution in session.contributions {
            if session.anonymous && contribution.author != nil { return "an author in an anonymous session" }
            if !session.stages.indices.contains(contribution.stage) { return "contribution in stage \(contribution.stage)" }
        }
        if room.state.input.characters.contains(where: { $0.unicodeScalars.contains(where: Sanitizer.isForbidden) }) {
            return "a forbidden character in the input box"
        }
        if room.state.input.characters.count > InputBox.capacity { return "the input box is over capacity" }
        if !(0...room.state.input.characters.count).contains(room.state.input.cursor) { return "the cursor is outside the text" }
        return nil
    }

    /// Every text in the session went through the Sanitizer on its way in: cleaning it
    /// again changes nothing, and it is within its cap.
    static func uncleanText(in session: Session) -> String? {
        for contribution in session.contributions {
            for text in [contribution.text] + contribution.history
            where !isClean(text, multiline: true) || text.count > Sanitizer.Field.contribution.limit {
                return "unclean text \(text.debugDescription)"
            }
        }
        let long = session.mindChangers.map(\.text) + session.reviews.values.compactMap(\.note)
        for text in long where !isClean(text, multiline: true) || text.count > Sanitizer.Field.contribution.limit {
            return "unclean text \(text.debugDescription)"
        }
        let short = session.roster + session.everyone + session.cueLinks.map(\.cue) + Array(session.speakingAs.values)
            + [session.pendingWhen, session.pendingOwner].compactMap { $0 }
        for text in short where !isClean(text, multiline: false) || text.count > Sanitizer.Field.tag.limit {
            return "unclean text \(text.debugDescription)"
        }
        return nil
    }

    /// Already clean: cleaning it again changes nothing.
    static func isClean(_ text: String, multiline: Bool) -> Bool {
        !text.isEmpty && Sanitizer.strip(text, multiline: multiline) == text && Sanitizer.trimmed(text) == text
    }

    static func kind(of event: Event) -> String {
        String(String(describing: event).prefix { $0.isLetter })
    }
}

/// Turns random numbers into actions a facilitator (or a cat on the keyboard) might send.
struct Script {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func reseed(_ seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func room() -> Room {
        let everyone = ["Ana", "Ben", "Chi", "Dee", "Ana Maria"]
        let count = Int(rng.next() % 5)
        var elements: [Element] = []
        for _ in 0..<(1 + rng.next() % 9) { elements.append(Element.allCases[Int(rng.next() % 7)]) }
        if rng.next() % 2 == 0 { elements = Element.allCases }
        let stages = elements.map { PlanStage(element: $0, minutes: 1 + Int(rng.next() % 3)) }
        let plan = Plan(title: "Random", purpose: "Property", stages: stages, dots: Int(rng.next() % 5))
        // A third of the rooms follow up an earlier session, with 0 to 4 items to review.
        let carried = (0..<Int(rng.next() % 5)).map { index in
            CarriedItem(kind: [.action, .cue, .signal][index % 3], text: "item \(index)", owner: index % 2 == 0 ? "Ana" : nil)
        }
        let followUp = rng.next() % 3 == 0 ? FollowUp(previousLog: "earlier.md", previousTitle: "Earlier",
                                                    previousStarted: t0 - 86_400 * 30, items: carried) : nil
        return Room(Array(everyone.prefix(count)), plan: plan, anonymous: rng.next() % 4 == 0, followUp: followUp)
    }

    mutating func pick<T>(_ options: [T]) -> T { options[Int(rng.next() % UInt64(options.count))] }
    mutating func number(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(rng.next() % UInt64(range.count))
    }

    static let pieces = ["a", "b", "c", " ", "  ", "\n", "\r\n", "\r", "\t", "\u{1B}", "\u{1B}[2J", "\u{9B}", "\u{7}",
                         "\u{0}", "\u{7F}", "\u{85}", "\u{2028}", "\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}",
                         "\u{200D}", "\u{FE0F}", "\u{200C}", "👩\u{200D}👩\u{200D}👧", "🏳\u{FE0F}\u{200D}🌈", "é",
                         "e\u{301}", "日本", "/", "//", "@", ",", "#", ":", "Ana", "ben", "Zed", "\u{00A0}", "\u{3000}"]

    static let characters = pieces.filter { $0.count == 1 }.map { Character($0) }

    mutating func text(_ length: ClosedRange<Int> = 0...12) -> String {
        if rng.next() % 60 == 0 { return String(repeating: pick(["x", "é", "👩\u{200D}👩\u{200D}👧"]), count: number(1990...2010)) }
        var out = ""
        for _ in 0..<number(length) { out += pick(Self.pieces) }
        return out
    }

    mutating func name() -> String {
        pick(["Ana", "ana", "Ben", "Chi", "Dee", "Eve", "Ana Maria", "Zed", "Bne", "", " ", "/x", "@y", text(0...3)])
    }

    mutating func line() -> String {
        let n = number(0...9)
        switch rng.next() % 40 {
        case 0, 1, 2: return "/next"
        case 3: return "/back"
        case 4: return "/goto \(pick([String(n), "identity", "retro", "social", "plausibility", "close", "welcome", "o", "x"]))"
        case 5: return "/pass"
        case 6: return "/turn \(name())"
        case 7, 8: return "/join \(name())"
        case 9: return "/leave \(name())"
        case 10, 11: return "@\(name()) \(text())"
        case 12: return "/note \(text())"
        case 13: return pick(["/as \(text(1...4))", "/as"])
        case 14: return "/when \(text(0...4))"
        case 15: return "/owner \(name())"
        case 16, 17: return "/dots " + (0..<number(0...6)).map { _ in String(number(0...5)) }.joined(separator: pick([" ", ",", ", "]))
        case 18: return "/undo"
        case 19: return "/edit \(pick(["", "#"]))\(n) \(text())"
        case 20: return "/timer \(pick(["", "+", "-"]))\(pick([n, 0, 601]))"
        case 21: return "/timer \(pick(["pause", "resume", "stop", "go", "later"]))"
        case 22: return pick(["/help", "/export", "/saveas \(text(0...3)).md"])
        case 23: return "/cue \(n) \(text())"
        case 24: return pick(["/nxt", "/", "/ next", "/xyzzy", "//\(text())", "/NEXT"])
        case 25: return pick(["/end", "/quit"])
        case 26: return "\(name()), \(name())"
        case 27: return "/mark \(pick(["", "#"]))\(n) \(pick(["done", "progress", "in progress", "dropped", "carry", "carry forward", "x", ""])) \(text(0...4))"
        case 28: return "/mind \(n) \(text())"
        case 30: return "/kind \(pick(["", "#"]))\(n) \(pick(["action", "observation", "story", "reply", "comment", "cue", "x", ""]))"
        case 31: return "/move \(n) \(pick([String(n), "social", "enactment", "welcome", "close", "x"]))"
        case 32: return pick(["/undo \(n)", "/edit \(n)", "/owner \(name())!", "/owner \(name()) by \(text(0...3))"])
        case 33: return "/dots \(number(1...2))"
        case 34: return pick(["/goto plausibility", "/goto social", "/goto retro", "/goto enactment"])
        case 29: return "/goto \(pick(["review", "Review", "0", "8", "9", String(Int.max), String(Int.min), "-1"]))"
        default: return text(1...12)
        }
    }

    /// The actions for one step: a line typed or pasted and submitted, a key, a paste, or time.
    mutating func actions(_ room: Room) -> [Action] {
        switch rng.next() % 20 {
        case 0...8:
            let line = line()
            if line.count < 100 && rng.next() % 3 == 0 {
                return line.map { $0 == "\n" ? .key(.lineBreak) : .key(.character($0)) } + [.key(.enter)]
            }
            return [.key(.clearInput), .paste(line), .key(.enter)]
        case 9, 10:
            return [.key(pick([.enter, .lineBreak, .backspace, .delete, .left, .right, .up, .down, .home, .end,
                               .pageUp, .pageDown, .deleteWord, .clearInput, .interrupt, .escape, .help, .toggleView,
                               .character(pick(Self.characters))]))]
        case 11: return [.paste(text(0...40))]
        case 12...16: return [.tick(room.state.now + Double(number(0...200)) + Double(number(0...9)) / 10)]
        case 17: return [.tick(room.state.now - Double(number(0...100)))]
        case 18: return [pick([.journal(.saved), .journal(.notSaved(reason: "disk full", pending: 3)),
                               .notice(.info("Report written")), .resume])]
        default: return [pick([.terminate, .key(.interrupt), .key(.escape)])]
        }
    }
}

