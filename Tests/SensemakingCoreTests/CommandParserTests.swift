import Foundation
import Testing
@testable import SensemakingCore

@Suite("Command parsing")
struct CommandParserTests {
    func parse(_ line: String) -> Result<Submission, CommandError> { CommandParser.parse(line) }

    /// /help shows `usage`: the curation commands say what they really do.
    @Test func helpDescribesTheCurationCommandsAsTheyWork() {
        let help = Dictionary(uniqueKeysWithValues: CommandParser.usage.map { ($0.name, "\($0.usage)  \($0.effect)") })
        #expect(help["kind"] == "/kind N KIND  what N is: action, observation, story, reply…")
        #expect(help["move"] == "/move N STAGE  move contribution N to another stage")
        #expect(help["undo"] == "/undo [N]  retract the latest contribution, or N")
        #expect(help["edit"] == "/edit N TEXT  amend contribution N (/edit N alone loads it)")
        #expect(help["note"] == "/note TEXT  a private note: the room sees only \"Note kept\"")
        #expect(help["export"] == "/export  the Markdown report beside the log, no notes")
        #expect(help["owner"] == "/owner NAME  the next action's owner (NAME! not here; by DUE)")
        // Every kind /kind names is a kind.
        for word in ["action", "observation", "story", "reply"] { #expect(ContributionKind.named(word) != nil) }
    }

    @Test func everyCommandOfTheContractParses() {
        let cases: [(String, Command)] = [
            ("/next", .next), ("/back", .back), ("/goto 3", .goto("3")), ("/goto social activity", .goto("social activity")),
            ("/pass", .pass), ("/turn Ana Maria", .turn("Ana Maria")), ("/join  Ben", .join("Ben")), ("/leave Ben", .leave("Ben")),
            ("/note the room is quiet", .note("the room is quiet")), ("/as NHS trust", .speakAs("NHS trust")), ("/as", .speakAs(nil)),
            ("/when last winter", .when("last winter")), ("/owner Chi", .owner("Chi")), ("/dots 2 2 5", .dots([2, 2, 5])),
            ("/dots 1,2, 3", .dots([1, 2, 3])), ("/undo", .undo), ("/edit 4 new text", .edit(4, "new text")),
            ("/edit #4 new", .edit(4, "new")), ("/timer 5", .timer(.set(minutes: 5))), ("/timer +3", .timer(.add(minutes: 3))),
            ("/timer -2", .timer(.subtract(minutes: 2))), ("/timer pause", .timer(.pause)), ("/timer Resume", .timer(.resume)),
            ("/timer 0", .timer(.set(minutes: 0))), ("/timer 600", .timer(.set(minutes: 600))),
            ("/help", .help), ("/export", .export), ("/saveas /tmp/a b.md", .saveAs("/tmp/a b.md")),
            ("/cue 2 waiting times", .cue(2, "waiting times")), ("/end", .end), ("/quit", .quit),
        ]
        for (line, command) in cases {
            #expect(parse(line) == .success(.command(command)), "\(line)")
        }
    }

    @Test func textMentionsAndLiterals() {
        #expect(parse("hello") == .success(.text("hello")))
        #expect(parse("//next") == .success(.text("/next")))
        #expect(parse("//") == .success(.text("/")))
        #expect(parse("@Ana hi") == .success(.mention("Ana hi")))
        #expect(parse("a /next") == .success(.text("a /next")))
    }

    @Test func suggestions() {
        #expect(CommandParser.suggestion(for: "nxt") == "next")
        #expect(CommandParser.suggestion(for: "go") == "goto")
        #expect(CommandParser.suggestion(for: "lave") == "leave")
        #expect(CommandParser.suggestion(for: "zzzzzz") == nil)
        #expect(CommandParser.suggestion(for: "") == nil)
    }

    @Test func editDistanceCountsTranspositionsAsOne() {
        #expect(CommandParser.editDistance("next", "next") == 0)
        #expect(CommandParser.editDistance("nxet", "next") == 1)
        #expect(CommandParser.editDistance("", "abc") == 3)
        #expect(CommandParser.editDistance("kitten", "sitting") == 3)
    }

    @Test func elementsByNumberIdNameOrUnambiguousPrefix() {
        #expect(Element.named("1") == .identity)
        #expect(Element.named("7") == .plausibility)
        #expect(Element.named("8") == nil)
        #expect(Element.named("social-activity") == .socialActivity)
        #expect(Element.named("Plausibility over accuracy") == .plausibility)
        #expect(Element.named("enact") == .enactment)
        #expect(Element.named("accuracy") == .plausibility)
        #expect(Element.named("o") == nil)
        #expect(Element.named(" ") == nil)
        #expect(Element.allCases.map(\.number) == Array(1...7))
    }

    @Test func theStandardPlanIsTheSevenElementsInOrderTenMinutesEach() {
        let standard = Plan.standard
        #expect(standard.stages.map(\.element) == Element.allCases)
        #expect(standard.stages.allSatisfy { $0.minutes == 10 && $0.title == nil && $0.prompts == $0.element.defaultPrompts })
        #expect(standard.dots == 3)
        #expect(!standard.anonymous)
        #expect(standard.title == "Making sense of our system")
    }
}
