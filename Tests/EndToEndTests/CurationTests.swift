import Foundation
import Testing

/// Issue 15's eight reproductions, replayed as a facilitator would at 80×24 with the real
/// binary: each is now right on the screen, in the log, and in the Markdown, HTML and JSON
/// exports.
@Suite struct CurationEndToEndTests {
    @Test func theEightReproductionsAreRightOnScreenInTheLogAndInEveryExport() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let log = try tmux.startWorkshop(participants: nil, title: "Discharge workshop")

        // 5. /next with nobody here asks for a name first.
        try tmux.submit("/next")
        try tmux.wait(for: "No one is here yet")
        #expect(try tmux.screen().contains("Welcome"))
        try tmux.press("C-u")
        // 3. A sentence and a command word without its slash ask before becoming a name.
        try tmux.submit("I am a GP partner and I chair our PCN")
        try tmux.wait(for: "as a participant? Enter again adds it.")
        try tmux.press("C-u")
        for name in ["Ana", "Ben", "Chi", "Dev"] { try tmux.submit(name) }
        try tmux.wait(for: "Here (4)  Ana, Ben, Chi, Dev")
        try tmux.submit("next")
        try tmux.wait(for: "Add 'next' as a participant? /next is the command; Enter again adds it.")
        try tmux.press("Enter")                                 // the facilitator insists…
        try tmux.wait(for: "Here (5)")
        try tmux.submit("/leave next")                          // …then takes it back
        try tmux.wait(for: "next left; they said nothing, so the report will not list them.")
        try tmux.next(to: 1)

        // 4. Stage-only tags are refused outside their stages, with a one-line reason.
        try tmux.submit("/when 2019")
        try tmux.wait(for: "/when dates a memory: it works in Retrospection only.")
        try tmux.press("C-u")
        try tmux.submit("/owner Ben")
        try tmux.wait(for: "/owner names who owns an action: it works in Enactment only.")
        try tmux.press("C-u")
        // 6. A private note shows only that it was kept.
        try tmux.submit("/note Room quiet after Dev: tension between trust and council")
        var screen = try tmux.wait(for: "#1 Note kept")
        #expect(!screen.contains("tension"))
        // 7. /edit N alone loads the text to amend.
        try tmux.submit("A nures and a mother")                 // #2, Ana
        try tmux.wait(for: "#2 Ana: A nures and a mother")
        try tmux.submit("/edit 2")
        try tmux.wait(for: "› /edit 2 A nures and a mother")
        try tmux.press("C-u")
        try tmux.submit("/edit 2 A nurse and a mother")
        try tmux.wait(for: "#2 Ana (edited): A nurse and a mother")

        // 1. In Enactment an observation is not an action; /owner checks the name.
        try tmux.submit("/goto enactment")
        try tmux.wait(for: "Stage 3 of 7")
        try tmux.submit("@Chi We say home first, then we hold patients until the Monday MDT")   // #3
        try tmux.wait(for: "#3 Chi: We say home first")
        try tmux.submit("/owner Bne")
        try tmux.wait(for: "did you mean Ben?")
        try tmux.press("C-u")
        try tmux.submit("/owner Ben")
        try tmux.submit("@Ben Share the discharge data weekly")                                // #4
        try tmux.wait(for: "#4 Ben: Share the discharge data weekly")

        // 2. Out of turn after a story, a reply: never on the board; /undo N retracts one.
        try tmux.submit("/goto social")
        try tmux.wait(for: "Stage 4 of 7")
        try tmux.submit("The lounge story: we built it and nobody trusted it")                 // #5, Ana
        try tmux.submit("@Ben I was at that meeting, it was the consultants who said no")      // #6
        try tmux.wait(for: "#6 Ben (reply to #5): I was at that meeting")
        try tmux.submit("@Chi A reply typed by mistake")                                       // #7
        try tmux.wait(for: "#7 Chi (reply to #5)")
        try tmux.submit("/undo 7")
        try tmux.wait(forNo: "A reply typed by mistake")
        try tmux.submit("/goto plausibility")
        screen = try tmux.wait(for: "1 story on the board")
        #expect(screen.contains("The lounge story"))
        #expect(!screen.contains("I was at that meeting"))
        try tmux.submit("/dots 1 1 1")
        // Hidden until everyone has voted, or /reveal.
        screen = try tmux.wait(for: "Dots hidden until everyone has voted or /reveal")
        #expect(!screen.contains("●●● 3"))
        try tmux.submit("/reveal")
        try tmux.wait(for: "●●● 3")

        // 8. /end while someone has not spoken asks once, keeping /end in the box.
        try tmux.submit("/goto close")
        try tmux.wait(for: "What will you take away from today?")
        try tmux.submit("/end")
        screen = try tmux.wait(for: "Dev has not spoken: Enter again closes.")
        #expect(screen.contains("› /end"))
        try tmux.press("Enter")
        #expect(try tmux.exitStatus() == 0)

        // The log keeps every word, the note and the first text of #2 included.
        let journal = fileContents(log, containing: "sm:ended")
        #expect(journal.contains("Room quiet after Dev: tension between trust and council"))
        #expect(journal.contains("kind=observation by=Chi"))
        #expect(journal.contains("kind=action by=Ben owner=Ben"))
        #expect(journal.contains("kind=reply by=Ben re=5"))
        #expect(journal.contains("**#7** retracted."))
        #expect(!journal.contains("sm:when"))

        // The Markdown report.
        let markdown = try export(log, in: tmux)
        #expect(markdown.contains("*4 participants: Ana, Ben, Chi, Dev*"))
        #expect(!markdown.contains("next:"), "the name left, having said nothing")
        #expect(!markdown.contains("GP partner"))
        let tableRows = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(tableRows.contains("| 4 | Share the discharge data weekly | Ben |"))
        #expect(!tableRows.contains { $0.contains("We say home first") }, "an observation in an actions table")
        #expect(markdown.contains("**Observations**\n\n- We say home first"))
        #expect(markdown.contains("Replies:\n\n- I was at that meeting, it was the consultants who said no"))
        #expect(!markdown.contains("A reply typed by mistake"))
        let ranking = try #require(markdown.components(separatedBy: "**Stories by plausibility**").last)
            .components(separatedBy: "\n\n**").first ?? ""
        #expect(ranking.contains("The lounge story"))
        #expect(!ranking.contains("I was at that meeting"))
        #expect(!markdown.contains("tension"), "a private note in the report")
        #expect(!markdown.contains("2019"))
        #expect(markdown.contains("A nurse and a mother"))
        #expect(!markdown.contains("A nures"))
        let withNotes = try export(log, in: tmux, ["--notes"])
        #expect(withNotes.contains("Room quiet after Dev: tension between trust and council"))

        // The web page.
        let html = try export(log, in: tmux, ["--format", "html"])
        #expect(!html.contains("tension"))
        #expect(!html.contains("A reply typed by mistake"))
        #expect(html.contains("I was at that meeting"))
        #expect(!html.contains("GP partner"))

        // The JSON.
        let json = try export(log, in: tmux, ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let session = try #require(object["session"] as? [String: Any])
        #expect(session["participants"] as? [String] == ["Ana", "Ben", "Chi", "Dev"])
        #expect(object["actions"] as? [Int] == [4])
        #expect((object["notes"] as? [Any])?.isEmpty == true)
        let contributions = try #require(object["contributions"] as? [[String: Any]])
        let kinds = contributions.map { "\($0["id"] as? Int ?? 0):\($0["kind"] as? String ?? "")" }
        #expect(kinds == ["2:identity", "3:observation", "4:action", "5:story", "6:reply"])
        #expect(contributions.first { $0["id"] as? Int == 6 }?["replyTo"] as? Int == 5)
        #expect(contributions.first { $0["id"] as? Int == 2 }?["when"] is NSNull)
        #expect(contributions.first { $0["id"] as? Int == 2 }?["owner"] is NSNull)
        let ranked = (object["plausibility"] as? [[String: Any]])?.map { $0["story"] as? Int }
        #expect(ranked == [5])
        let notedJSON = try export(log, in: tmux, ["--format", "json", "--notes"])
        let noted = try #require(try JSONSerialization.jsonObject(with: Data(notedJSON.utf8)) as? [String: Any])
        #expect((noted["notes"] as? [[String: Any]])?.map { $0["text"] as? String } == ["Room quiet after Dev: tension between trust and council"])
    }

    /// `sensemaking export LOG ARGUMENTS` with the real binary: its output.
    func export(_ log: String, in tmux: Tmux, _ arguments: [String] = []) throws -> String {
        let result = try Spawn.run([try Tmux.binary(), "export", log] + arguments, in: tmux.directory)
        #expect(result.status == 0, "\(result.error)")
        return result.output
    }
}
