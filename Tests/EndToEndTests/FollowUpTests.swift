import Foundation
import Testing

/// A two-session programme, as a facilitator runs it: a first workshop, then a follow-up
/// that reviews what became of its actions, cues and signals, and the follow-up's export.
@Suite struct FollowUpTests {
    @Test func aFollowUpReviewsTheFirstWorkshopAndItsExportSaysWhatBecameOfEachItem() throws {
        // The first workshop: an action owned by Ben, one by Ana, a signal and a cue.
        let first = try Tmux()
        defer { first.close() }
        let march = try first.startWorkshop(title: "March workshop")
        try first.submit("/goto enactment")
        try first.wait(for: "Stage 3 of 7")
        try first.submit("/owner Ben")
        try first.submit("Share the discharge data weekly")
        try first.submit("/owner Ana")
        try first.submit("Invite the voluntary sector")
        try first.wait(for: "Invite the voluntary sector")
        try first.submit("/goto ongoing")
        try first.wait(for: "Stage 5 of 7")
        try first.submit("Waiting lists are not the only story")
        try first.submit("/goto cues")
        try first.wait(for: "Stage 6 of 7")
        try first.submit("Handover times at 8am")
        try first.wait(for: "Handover times at 8am")
        try first.submit("/end")
        #expect(try first.exitStatus() == 0)

        // A month later: the follow-up opens on Welcome, then Review.
        let second = try Tmux()
        defer { second.close() }
        let april = try second.startFollowUp(of: march, title: "March workshop")
        try second.submit("/next")
        try second.wait(for: "Review · then 7 stages")
        let review = try second.wait(for: "0 of 4 reviewed")
        #expect(review.contains("Action: Share the discharge data weekly — Ben"))
        #expect(review.contains("Action: Invite the voluntary sector — Ana"))
        #expect(review.contains("Signal: Waiting lists are not the only story"))
        #expect(review.contains("Cue: Handover times at 8am"))

        try second.submit("/mark 1 done every Monday since April")
        try second.submit("/mark 2 in progress first meeting booked")
        try second.submit("/mark 3 dropped")
        try second.submit("The data goes out on Mondays now")
        try second.wait(for: "#1 Ana: The data goes out on Mondays now")
        try second.submit("/mark 4 carry")
        let marked = try second.wait(for: "4 of 4 reviewed")
        #expect(marked.contains("✓ done"))
        #expect(marked.contains("… in progress"))
        #expect(marked.contains("✗ dropped"))
        #expect(marked.contains("→ carried forward"))
        try second.submit("/next")
        try second.wait(for: "Stage 1 of 7")
        try second.submit("/goto close")
        try second.wait(for: "Last time")
        // Only Ana spoke in the follow-up: /end asks once, Enter again closes.
        try second.submit("/end")
        try second.wait(for: "Ben and Dev have not spoken: Enter again closes.")
        try second.press("Enter")
        #expect(try second.exitStatus() == 0)

        // The log names the earlier one and holds every mark.
        let log = fileContents(april, containing: "sm:ended")
        #expect(log.contains("format: sensemaking-log/2"))
        #expect(log.contains("follow-up:\n  log: \"\(march)\""))
        #expect(log.contains("Item **1** marked done: every Monday since April"))

        let report = try Spawn.run([try Tmux.binary(), "export", april], in: second.directory)
        #expect(report.status == 0, "\(report.error)")
        for row in [
            "| 1 | Action: Share the discharge data weekly | Ben | done | every Monday since April |",
            "| 2 | Action: Invite the voluntary sector | Ana | in progress | first meeting booked |",
            "| 3 | Signal: Waiting lists are not the only story | — | no longer watched | — |",
            "| 4 | Cue: Handover times at 8am | — | watched next time | — |",
        ] {
            #expect(report.output.contains(row), "\(row)")
        }
        let json = try Spawn.run([try Tmux.binary(), "export", april, "--format", "json"], in: second.directory)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let followUp = try #require(object["followUp"] as? [String: Any])
        #expect(followUp["previousTitle"] as? String == "March workshop")
        let statuses = (followUp["items"] as? [[String: Any]])?.map { $0["status"] as? String }
        #expect(statuses == ["done", "in-progress", "dropped", "carried-forward"])
    }

    @Test func aFollowUpOfALogThatIsNotThereSaysSoAndStartsNothing() throws {
        let tmux = try Tmux()
        defer { tmux.close() }
        let result = try Spawn.run([try Tmux.binary(), "run", "--follow-up", "missing.md", "--log", "new.md"], in: tmux.directory)
        #expect(result.status != 0)
        #expect(result.error.contains("--follow-up"), "\(result.error)")
        #expect(result.error.contains("missing.md"), "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: tmux.path("new.md")))
    }
}
