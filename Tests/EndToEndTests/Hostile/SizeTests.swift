import Foundation
import SensemakingCore
import SessionLog
import Testing

/// Sizes far past a workshop's: each works or stops with a clear message, within a bound,
/// and the session stays usable.
@Suite struct SizeTests {
    /// After something big, the keyboard still answers and a contribution is still saved.
    private func stillUsable(_ tmux: Tmux, log: String) throws {
        try tmux.press("C-u")
        try tmux.submit("still usable")
        #expect(fileContents(log, containing: "still usable").contains("still usable"))
    }

    @Test func aHundredKilobytePasteIsRefusedWithItsLength() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try tmux.startWorkshop()
        try tmux.next(to: 1)
        let started = Date()
        try tmux.paste(String(repeating: "pasted text, ", count: 8_000))   // 104,000 characters
        // The box holds 20,000 and says so; Enter then names the contribution's cap.
        try tmux.wait(for: "The paste was too long: 84000 characters were left out.", seconds: 30)
        try tmux.press("Enter")
        try tmux.wait(for: "A contribution is 20000 characters long; the most is 2000.", seconds: 30)
        #expect(Date().timeIntervalSince(started) < 30)
        try stillUsable(tmux, log: log)
        #expect(try LogReader.read(path: log).session.contributions.map(\.text) == ["still usable"])
    }

    @Test func aTenThousandCharacterWordIsRefusedAndOneAtTheCapWraps() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try tmux.startWorkshop()
        try tmux.next(to: 1)
        try tmux.paste(String(repeating: "w", count: 10_000))
        try tmux.press("Enter")
        try tmux.wait(for: "10000 characters long", seconds: 20)
        try tmux.press("C-u")
        let word = String(repeating: "abcdefghij", count: 200)   // 2,000: the cap
        try tmux.paste(word)
        try tmux.press("Enter")
        let screen = try tmux.wait("the word to wrap on screen", seconds: 20) { $0.contains("abcdefghijabcdefghij") && !$0.contains("w w") }
        #expect(screen.contains("Stage 1 of 7") && screen.contains("✓ saved"), "the frame around it holds:\n\(screen)")
        #expect(fileContents(log, containing: word).contains(word))
        try stillUsable(tmux, log: log)
        #expect(try LogReader.read(path: log).session.contributions.map(\.text) == [word, "still usable"])
    }

    @Test func fiveHundredParticipants() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let names = (1...500).map { String(format: "Person%03d", $0) }
        let started = Date()
        let log = try tmux.startWorkshop(participants: names.joined(separator: ","))
        try tmux.next(to: 1)
        try tmux.submit("first of five hundred")
        try tmux.wait(for: "Person002")   // the turn moved on
        try stillUsable(tmux, log: log)
        #expect(Date().timeIntervalSince(started) < 30)
        let contents = try LogReader.read(path: log)
        #expect(contents.header.participants == names)
        #expect(contents.session.contributions.map(\.author) == ["Person001", "Person002"])
    }

    @Test func aStageOfFiveThousandContributionsResumesAndExports() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = tmux.path("big.md")
        let header = SessionHeader(title: "Big", plan: .standard, participants: ["Ana", "Ben"], anonymous: false,
                                   started: Date(timeIntervalSinceReferenceDate: 816_000_000))
        var session = Session(header: header)
        var records: [Record] = [Record(time: header.started, event: .stageEntered(1))]
        session.apply(records[0])
        for id in 1...5_000 {
            let time = header.started.addingTimeInterval(Double(id))
            let item = Contribution(id: id, author: id % 2 == 1 ? "Ana" : "Ben", stage: 1, kind: .identity,
                                    text: "Contribution \(id): *not* emphasis, # not a heading", time: time)
            let record = Record(time: time, event: .contributed(item, advancesTurn: true))
            session.apply(record)
            records.append(record)
        }
        try LogFormat.encode(header, records: records).write(toFile: log, atomically: false, encoding: .utf8)
        chmod(log, 0o600)

        var started = Date()
        try tmux.start(try Tmux.binary(), ["resume", log])
        try tmux.wait(for: "Contribution 5000", seconds: 30)
        try tmux.submit("number 5001")
        try tmux.wait(for: "number 5001", seconds: 30)
        print("5,000-contribution stage: resumed and drawn in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus(seconds: 30) == 0)

        for format in ["markdown", "html", "json"] {
            started = Date()
            let result = try Spawn.run([try Tmux.binary(), "export", log, "--format", format], in: tmux.directory)
            #expect(result.status == 0, "\(format): \(result.error)")
            #expect(result.output.contains("Contribution 4999") && result.output.contains("number 5001"), "\(format)")
            #expect(Date().timeIntervalSince(started) < 30, "\(format) export took \(Date().timeIntervalSince(started)) s")
        }
        #expect(try LogReader.read(path: log).session.contributions.count == 5_001)
    }

    @Test func aPlanOfAHundredStagesRunsAndOneMoreIsRefusedWithItsLine() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let elements = ["identity", "retrospection", "enactment", "social-activity", "ongoing-process", "extracted-cues", "plausibility"]
        let stages = (0..<100).map { "  - element: \(elements[$0 % 7])\n    title: \"Stage title \($0 + 1)\"\n    minutes: 1\n" }
        try ("stages:\n" + stages.joined()).write(toFile: tmux.path("hundred.yaml"), atomically: true, encoding: .utf8)
        try ("stages:\n" + stages.joined() + "  - identity\n").write(toFile: tmux.path("more.yaml"), atomically: true, encoding: .utf8)

        let check = try Spawn.run([try Tmux.binary(), "plan", "check", tmux.path("hundred.yaml")], in: tmux.directory)
        #expect(check.status == 0 && check.output.contains("100 stages"), "\(check.output)\(check.error)")
        let refused = try Spawn.run([try Tmux.binary(), "run", "--plan", tmux.path("more.yaml"), "--log", tmux.path("x.md")], in: tmux.directory)
        #expect(refused.status == 1)
        #expect(refused.error == "sensemaking: \(tmux.path("more.yaml")):302:5: too many stages: a plan has at most 100, this one has 101\n")

        let log = tmux.path("session.md")
        try tmux.start(try Tmux.binary(), ["run", "--plan", tmux.path("hundred.yaml"), "--log", log, "--participants", "Ana"])
        try tmux.wait(for: "Welcome")
        try tmux.submit("/goto 100")
        try tmux.wait(for: "Stage title 100")
        try tmux.submit("the last stage")
        try tmux.wait(for: "the last stage")
        try tmux.submit("/quit")
        #expect(try tmux.exitStatus() == 0)
        let contents = try LogReader.read(path: log)
        #expect(contents.header.plan.stages.count == 100)
        #expect(contents.session.contributions.first?.stage == 100)
    }
}
