import Foundation
import PlanFile
import SensemakingCore
import Testing
import TestSupport
import Yams

/// The problems found in `yaml`, as `plan check` prints them after the file name.
func problems(_ yaml: String) -> [String] {
    switch PlanFile.decode(yaml) {
    case .success: return []
    case .failure(let issues): return issues.issues.map { "\($0.line):\($0.column): \($0.message)" }
    }
}

func decoded(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> Plan? {
    switch PlanFile.decode(yaml) {
    case .success(let plan): return plan
    case .failure(let issues):
        Issue.record("unexpected problems: \(issues.issues)", sourceLocation: sourceLocation)
        return nil
    }
}

let elements = "one of identity, retrospection, enactment, social-activity, ongoing-process, extracted-cues or plausibility"

@Suite("Plan files: what plan init writes")
struct PlanInitTests {
    @Test func theCommentedDefaultPlanDecodesToTheStandardPlan() {
        let text = PlanFile.encode(.standard, comments: true)
        #expect(PlanFile.decode(text) == .success(.standard))
    }

    @Test func theUncommentedPlanDecodesToo() {
        let text = PlanFile.encode(.standard)
        #expect(!text.contains("#"))
        #expect(PlanFile.decode(text) == .success(.standard))
    }

    @Test func theCommentsExplainEveryKeyAndEveryElement() {
        let text = PlanFile.encode(.standard, comments: true)
        #expect(text.hasPrefix("# A sensemaking workshop plan.\n"))
        for phrase in ["sensemaking plan check FILE", "sensemaking run --plan FILE", "Welcome", "Close",
                       "skip, reorder or repeat", "at most 120 characters", "(0 to 20)", "1 to 240",
                       "leave prompts out to use the element's own", "At most 100 stages."] {
            #expect(text.contains(phrase), "\(phrase)")
        }
        for element in Element.allCases {
            #expect(text.contains("# \(element.number). \(element.name)."), "\(element)")
            #expect(text.contains("  - element: \(element.rawValue)\n"))
        }
        // Every comment line fits an 80-column editor.
        for line in text.split(separator: "\n") where line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            #expect(line.count <= 80, "\(line)")
        }
    }

    @Test func promptsAreWrittenPlainlyWhenThatIsSafe() {
        let text = PlanFile.encode(.standard, comments: true)
        #expect(text.contains("title: Making sense of our system\n"))
        #expect(text.contains("      - Which identities do you bring into this room?\n"))
        #expect(text.contains("      - What would make \"the system\" feel real to you?\n"))
        #expect(text.contains("purpose: \"To make sense together of what it means to lead as a system: who we are,"))
    }

    @Test func textsThatYAMLWouldMisreadAreQuoted() {
        let tricky = ["yes", "No", "10", "3.5", "null", "~", "2019-03-01", "1:30", "0x1F", "- a list?", "key: value",
                      "a # not a comment", "[1, 2]", "{a}", "\"quoted\"", "'single'", "trailing space ", " leading",
                      "back\\slash", "&anchor", "*alias", "!tag", "%directive", "@at", "`tick`", "|", ">", "?", "Line\nbreak",
                      "tab\there", "\u{FFFE}", "a\u{2028}b", "a\u{85}b", "emoji 👩\u{200D}👩\u{200D}👧", "ON", "Off", ".inf", "<<"]
        for text in tricky {
            let plan = Plan(title: "T", purpose: text, stages: [PlanStage(element: .identity, prompts: [text])])
            let yaml = PlanFile.encode(plan)
            guard case .success(let back) = PlanFile.decode(yaml) else {
                Issue.record("\(text.debugDescription) did not read back:\n\(yaml)")
                continue
            }
            let expected = Sanitizer.cleanOrCut(text, as: .prompt)
            #expect(back.purpose == expected, "\(text.debugDescription)")
            #expect(back.stages.first?.prompts == [expected], "\(text.debugDescription)")
        }
    }

    /// The one quoter (the log's front matter and plan files): libyaml reads every escape it
    /// writes back as the very scalar, and `unquote` does too.
    @Test func theSharedQuoterReadsBackThroughYAML() throws {
        let scalars: [Unicode.Scalar] = ["\u{0}", "\u{7}", "\t", "\n", "\r", "\u{1B}", "\u{7F}", "\u{85}", "\u{9B}", "\u{A0}",
                                         "\u{200B}", "\u{200E}", "\u{202E}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}",
                                         "\u{FFFF}", "\"", "\\", "é", "\u{1F469}", "#", ":"]
        for scalar in scalars {
            let text = "a" + String(scalar) + "b"
            let quoted = YAMLQuoting.quote(text)
            #expect(!quoted.unicodeScalars.contains { YAMLQuoting.mustEscape($0) }, "\(quoted.debugDescription)")
            let read = try Yams.load(yaml: "k: " + quoted) as? [String: String]
            #expect(read?["k"].map { Array($0.unicodeScalars) } == Array(text.unicodeScalars), "\(quoted.debugDescription)")
            #expect(YAMLQuoting.unquote(Substring(quoted)).map { Array($0.unicodeScalars) } == Array(text.unicodeScalars))
        }
        #expect(YAMLQuoting.quote("a\u{1B}[31m\u{202E}\u{2028}\"") == "\"a\\x1B[31m\\u202E\\L\\\"\"")
    }

    @Test func randomPlansRoundTrip() {
        var rng = SplitMix64(seed: 2024)
        for round in 0..<400 {
            let plan = randomPlan(&rng)
            for comments in [false, true] {
                let yaml = PlanFile.encode(plan, comments: comments)
                let back = PlanFile.decode(yaml)
                #expect(back == .success(plan), "round \(round), comments \(comments):\n\(yaml)")
                if back != .success(plan) { return }
            }
        }
    }
}

@Suite("Plan files: reading")
struct PlanReadingTests {
    @Test func aMinimalPlanTakesTheDefaults() {
        let plan = decoded("stages:\n  - element: enactment\n")
        #expect(plan == Plan(title: Plan.defaultTitle, purpose: Plan.defaultPurpose,
                             stages: [PlanStage(element: .enactment, minutes: 10)], dots: 3, anonymous: false))
    }

    @Test func everyKeySet() {
        let yaml = """
            title: Leading as one system
            purpose: |
              To see the system
              from the bench.
            dots: 5
            anonymous: true
            stages:
              - element: plausibility
                title: What rings true
                minutes: 25
                prompts:
                  - Which story would our patients believe?
                  - "What is plausible: not perfect?"
              - element: identity
                minutes: 240
              - element: identity
                minutes: 1
            """
        let plan = decoded(yaml)
        #expect(plan == Plan(title: "Leading as one system", purpose: "To see the system\nfrom the bench.", stages: [
            PlanStage(element: .plausibility, title: "What rings true",
                      prompts: ["Which story would our patients believe?", "What is plausible: not perfect?"], minutes: 25),
            PlanStage(element: .identity, minutes: 240),
            PlanStage(element: .identity, minutes: 1),
        ], dots: 5, anonymous: true))
    }

    @Test func stagesMayBeWrittenShortAndElementsByTheirNames() {
        let plan = decoded("stages: [identity, Social activity, plausibility over accuracy, extracted_cues, ONGOING-PROCESS]\n")
        #expect(plan?.stages == [.identity, .socialActivity, .plausibility, .extractedCues, .ongoingProcess].map { PlanStage(element: $0) })
    }

    @Test func aSinglePromptMayBeWrittenWithoutAList() {
        let plan = decoded("stages:\n  - element: retrospection\n    prompts: What happened in 2019?\n")
        #expect(plan?.stages.first?.prompts == ["What happened in 2019?"])
    }

    @Test func anonymousAcceptsTheUsualWordsForYesAndNo() {
        for (word, value) in [("true", true), ("yes", true), ("On", true), ("FALSE", false), ("no", false), ("off", false)] {
            #expect(decoded("anonymous: \(word)\nstages: [identity]\n")?.anonymous == value, "\(word)")
        }
    }

    @Test func dotsFromZeroToTwenty() {
        #expect(decoded("dots: 0\nstages: [identity]\n")?.dots == 0)
        #expect(decoded("dots: 20\nstages: [identity]\n")?.dots == 20)
    }

    @Test func textsAreSanitizedOnTheWayIn() {
        let yaml = """
            title: "Our\\e[31m day\\u202E\\u200B"
            purpose: "line one\\r\\nline two\\u0007"
            stages:
              - element: identity
                title: "  Who\\tare we?  "
                prompts: ["\\u009B2JHello", "👩\\u200D👩\\u200D👧 \\u2764\\uFE0F"]
            """
        let plan = decoded(yaml)
        #expect(plan?.title == "Our[31m day")
        #expect(plan?.purpose == "line one\nline two")
        #expect(plan?.stages.first?.title == "Who are we?")
        #expect(plan?.stages.first?.prompts == ["2JHello", "👩\u{200D}👩\u{200D}👧 \u{2764}\u{FE0F}"])
    }

    @Test func aByteOrderMarkAndWindowsLineEndingsAreFine() {
        #expect(decoded("\u{FEFF}title: Hi\r\nstages:\r\n  - identity\r\n")?.title == "Hi")
    }
}

@Suite("Plan files: every problem, with its line and column")
struct PlanProblemTests {
    @Test func badYAML() {
        #expect(problems("title: x\nstages:\n\t- identity\n") == ["3:1: bad YAML: a tab cannot indent YAML; use spaces"])
        #expect(problems("title: \"open\nstages: [identity]\n")
                == ["3:1: bad YAML: the quoted text that starts at line 1, column 8 is never closed"])
        #expect(problems("title: a: b\nstages: [identity]\n")
                == ["1:9: bad YAML: mapping values are not allowed in this context; put a text that holds a colon in double quotes"])
        #expect(problems("stages: [identity\n")
                == ["2:1: bad YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 1)"])
        #expect(problems("stages: [*nothing]\n") == ["1:10: bad YAML: found undefined alias"])
        #expect(problems("stages: [identity]\n---\nstages: [identity]\n")
                == ["2:1: bad YAML: a plan is one document, and a second one starts here"])
    }

    @Test func controlCharactersInTheFileItself() {
        #expect(problems("title: Hi\nstages: [ide\u{1B}ntity]\n") == ["2:13: bad YAML: control characters are not allowed"])
    }

    @Test func aKeyGivenTwice() {
        #expect(problems("stages: [identity]\ntitle: a\ntitle: b\n") == ["2:1: \"title\" is given more than once here; keep one"])
    }

    @Test func emptyFiles() {
        let empty = "1:1: the file is empty: a plan needs at least its stages (sensemaking plan init writes one to start from)"
        #expect(problems("") == [empty])
        #expect(problems("# just a comment\n\n") == [empty])
    }

    @Test func theRootMustBeAMapping() {
        #expect(problems("- identity\n- enactment\n")
                == ["1:1: a plan is a set of keys (title, purpose, dots, anonymous, stages), not a list"])
        #expect(problems("identity\n")
                == ["1:1: a plan is a set of keys (title, purpose, dots, anonymous, stages), not \"identity\""])
        #expect(problems("~\n") == ["1:1: a plan is a set of keys (title, purpose, dots, anonymous, stages), not empty"])
    }

    @Test func unknownKeysWithSuggestions() {
        let yaml = """
            titel: Our day
            Purpose: Why
            colour: blue
            minutes: 5
            stages:
              - element: identity
                prompt: Who?
                dots: 3
                name: First
            """
        #expect(problems(yaml) == [
            "1:1: unknown key \"titel\": did you mean title?",
            "2:1: unknown key \"Purpose\": did you mean purpose?",
            "3:1: unknown key \"colour\": the keys here are title, purpose, dots, anonymous and stages",
            "4:1: minutes belongs to a stage, under stages",
            "7:5: unknown key \"prompt\": did you mean prompts?",
            "8:5: dots belongs to the plan, at the top of the file",
            "9:5: unknown key \"name\": the keys here are element, title, minutes and prompts",
        ])
    }

    @Test func keysMustBeWords() {
        #expect(problems("? [a, b]\n: 1\nstages: [identity]\n") == ["1:3: a key must be a word such as title, not a list"])
        #expect(problems("\"\": 1\nstages: [identity]\n") == ["1:1: a key is missing before the colon"])
    }

    @Test func unknownElementsListTheValidOnes() {
        let yaml = """
            stages:
              - element: identy
              - element: lunch
              - retro
              - element: 3
            """
        #expect(problems(yaml) == [
            "2:14: unknown element \"identy\": did you mean identity? It must be \(elements)",
            "3:14: unknown element \"lunch\": it must be \(elements)",
            "4:5: unknown element \"retro\": did you mean retrospection? It must be \(elements)",
            "5:14: unknown element \"3\": did you mean enactment? It must be \(elements)",
        ])
    }

    @Test func elementMissingEmptyOrNotAName() {
        let yaml = """
            stages:
              - minutes: 5
              - element:
              - element: [identity]
              - {}
            """
        #expect(problems(yaml) == [
            "2:5: stage 1 has no element: add element: and \(elements)",
            "3:5: element is empty: it must be \(elements)",
            "4:14: element must be one name, \(elements), not a list",
            "5:5: stage 4 has no element: add element: and \(elements)",
        ])
    }

    @Test func minutesMustBeAWholeNumberFromOneTo240() {
        let yaml = """
            stages:
              - {element: identity, minutes: -5}
              - {element: identity, minutes: 0}
              - {element: identity, minutes: 241}
              - {element: identity, minutes: 100000}
              - {element: identity, minutes: ten}
              - {element: identity, minutes: 7.5}
              - {element: identity, minutes: [10]}
              - element: identity
                minutes:
              - {element: identity, minutes: 99999999999999999999999}
            """
        #expect(problems(yaml) == [
            "2:34: minutes must be at least 1, not -5",
            "3:34: minutes must be at least 1, not 0",
            "4:34: minutes must be at most 240, not 241",
            "5:34: minutes must be at most 240, not 100000",
            "6:34: minutes must be a whole number from 1 to 240, not \"ten\"",
            "7:34: minutes must be a whole number from 1 to 240, not \"7.5\"",
            "8:34: minutes must be a whole number from 1 to 240, not a list",
            "10:5: minutes must be a whole number from 1 to 240, not empty",
            "11:34: minutes must be a whole number from 1 to 240, not \"99999999999999999999999\"",
        ])
    }

    @Test func promptsMustBeTextsAndNotEmpty() {
        let yaml = """
            stages:
              - element: identity
                prompts: []
              - element: enactment
                prompts:
              - element: cues
                prompts: {first: Who?}
              - element: retrospection
                prompts:
                  - ""
                  - "   "
                  - [a, b]
                  -
                  - Fine
            """
        let empty = "prompts is empty: list at least one question, or leave prompts out to use the element's own"
        #expect(problems(yaml) == [
            "3:14: \(empty)",
            "5:5: \(empty)",
            "6:14: unknown element \"cues\": did you mean extracted-cues? It must be \(elements)",
            "7:14: prompts must be a list of questions, not a set of keys",
            "10:9: prompt 1 is empty",
            "11:9: prompt 2 is empty",
            "12:9: prompt 3 must be a text, not a list",
            "13:8: prompt 4 is empty",
        ])
    }

    @Test func titlesAndPurposeMustNotBeEmpty() {
        let yaml = """
            title: ""
            purpose:
            stages:
              - element: identity
                title: "\\u200B"
              - element: identity
                title: [a]
            """
        #expect(problems(yaml) == [
            "1:8: title is empty",
            "2:1: purpose is empty",
            "5:12: title is empty",
            "7:12: title must be a text, not a list",
        ])
    }

    @Test func overLongTextsNameTheirLengthAndTheCap() {
        let yaml = """
            title: \(String(repeating: "t", count: 121))
            purpose: \(String(repeating: "p", count: 301))
            stages:
              - element: identity
                title: \(String(repeating: "s", count: 125))
                prompts:
                  - \(String(repeating: "q", count: 300))
                  - \(String(repeating: "é", count: 301))
            """
        #expect(problems(yaml) == [
            "1:8: title is 121 characters long; the most is 120",
            "2:10: purpose is 301 characters long; the most is 300",
            "5:12: title is 125 characters long; the most is 120",
            "8:9: prompt 2 is 301 characters long; the most is 300",
        ])
    }

    @Test func dotsFromZeroToTwentyOnly() {
        #expect(problems("dots: -1\nstages: [identity]\n") == ["1:7: dots must be at least 0, not -1"])
        #expect(problems("dots: 21\nstages: [identity]\n") == ["1:7: dots must be at most 20, not 21"])
        #expect(problems("dots: three\nstages: [identity]\n") == ["1:7: dots must be a whole number from 0 to 20, not \"three\""])
    }

    @Test func anonymousMustBeTrueOrFalse() {
        #expect(problems("anonymous: maybe\nstages: [identity]\n") == ["1:12: anonymous must be true or false, not \"maybe\""])
        #expect(problems("anonymous: [yes]\nstages: [identity]\n") == ["1:12: anonymous must be true or false, not a list"])
        #expect(problems("anonymous:\nstages: [identity]\n") == ["1:1: anonymous must be true or false, not empty"])
        #expect(problems("anonymous: 1\nstages: [identity]\n") == ["1:12: anonymous must be true or false, not \"1\""])
    }

    @Test func stagesMissingEmptyOrNotAList() {
        #expect(problems("title: Day\n") == ["1:1: the plan has no stages: add stages: with a list such as - element: identity"])
        #expect(problems("stages: []\n") == ["1:9: stages is empty: list at least one, such as - element: identity"])
        #expect(problems("title: Day\nstages:\n") == ["2:1: stages is empty: list at least one, such as - element: identity"])
        #expect(problems("stages: identity\n")
                == ["1:9: stages must be a list, each stage starting with - element:, not \"identity\""])
        #expect(problems("stages: {element: identity}\n")
                == ["1:9: stages must be a list, each stage starting with - element:, not a set of keys"])
    }

    @Test func aStageMustBeAMappingOrAName() {
        #expect(problems("stages:\n  - [identity]\n  -\n")
                == ["2:5: stage 1 must be a set of keys (element, minutes, prompts), not a list",
                    "3:4: stage 2 is empty: give it an element, such as element: identity"])
    }

    @Test func atMostAHundredStages() {
        let ok = "stages:\n" + String(repeating: "  - identity\n", count: 100)
        #expect(decoded(ok)?.stages.count == 100)
        let tooMany = "stages:\n" + String(repeating: "  - identity\n", count: 103)
        #expect(problems(tooMany) == ["102:5: too many stages: a plan has at most 100, this one has 103"])
    }

    @Test func atMostTwentyPrompts() {
        let ok = "stages:\n  - element: identity\n    prompts:\n" + String(repeating: "      - Why?\n", count: 20)
        #expect(decoded(ok)?.stages.first?.prompts.count == 20)
        let tooMany = "stages:\n  - element: identity\n    prompts:\n" + String(repeating: "      - Why?\n", count: 22)
        #expect(problems(tooMany) == ["24:9: too many prompts: a stage has at most 20, this one has 22"])
    }

    @Test func everyProblemInOneFileInTheOrderOfTheFile() {
        let yaml = """
            stages:
              - element: identy
                minutes: 0
            dots: 99
            titel: x
            anonymous: maybe
            """
        #expect(problems(yaml) == [
            "2:14: unknown element \"identy\": did you mean identity? It must be \(elements)",
            "3:14: minutes must be at least 1, not 0",
            "4:7: dots must be at most 20, not 99",
            "5:1: unknown key \"titel\": did you mean title?",
            "6:12: anonymous must be true or false, not \"maybe\"",
        ])
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(problems("title: Café\ndots: 日本\nstages: [identity]\n")
                == ["2:7: dots must be a whole number from 0 to 20, not \"日本\""])
        #expect(problems("title: 日本語\nstages: [identity, 🙂]\n")
                == ["2:20: unknown element \"🙂\": it must be \(elements)"])
    }

    @Test func hostileTextInAMessageIsShownClean() {
        #expect(problems("\"ti\\e[2Jtle\": x\nstages: [identity]\n")
                == ["1:1: unknown key \"ti[2Jtle\": the keys here are title, purpose, dots, anonymous and stages"])
        let long = String(repeating: "z", count: 100)
        #expect(problems("stages: [\(long)]\n") == ["1:10: unknown element \"\(String(repeating: "z", count: 39))…\": it must be \(elements)"])
    }

    @Test func aFileTooLargeIsRefusedBeforeReading() {
        let huge = "title: x\n" + String(repeating: "# padding\n", count: 100_001)
        #expect(problems(huge) == ["1:1: the file is 1000019 bytes long; a plan file is at most 1000000 bytes"])
    }
}

// MARK: Random plans


/// Pieces of text that stress YAML: indicators, quotes, numbers, booleans, Unicode.
let pieces = ["a", "word", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", "!", "&", "*", "|", ">", "'", "\"", "\\",
              "[", "]", "{", "}", ",", "%", "@", "`", "yes", "no", "null", "~", "10", "0x1F", "1:30", "3.5", "2019-03-01",
              "\n", "\t", "é", "日本", "👩\u{200D}👩\u{200D}👧", "\u{2764}\u{FE0F}", "\u{200C}", "\u{FFFE}", "\u{1B}", "\u{202E}",
              "\u{85}", "\u{2028}", "\u{00A0}", "<<", "---", "..."]

func randomText(_ rng: inout SplitMix64, field: Sanitizer.Field) -> String {
    while true {
        let count = Int(rng.next() % 12) + 1
        var text = ""
        for _ in 0..<count { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
        if rng.next() % 40 == 0 { text = String(repeating: "x", count: field.limit) }
        // A plan holds texts as the Sanitizer leaves them.
        if case .success(let clean) = Sanitizer.clean(text, as: field) { return clean }
    }
}

func randomPlan(_ rng: inout SplitMix64) -> Plan {
    let stageCount = Int(rng.next() % 12) + 1
    let stages = (0..<stageCount).map { _ -> PlanStage in
        let element = Element.allCases[Int(rng.next() % 7)]
        let title = rng.next() % 3 == 0 ? randomText(&rng, field: .title) : nil
        let prompts = rng.next() % 4 == 0 ? nil
            : (0..<(Int(rng.next() % 4) + 1)).map { _ in randomText(&rng, field: .prompt) }
        return PlanStage(element: element, title: title, prompts: prompts, minutes: Int(rng.next() % 240) + 1)
    }
    return Plan(title: randomText(&rng, field: .title), purpose: randomText(&rng, field: .prompt),
                stages: stages, dots: Int(rng.next() % 21), anonymous: rng.next() % 2 == 0)
}
