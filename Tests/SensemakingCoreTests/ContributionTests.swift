import Foundation
import Testing
@testable import SensemakingCore

@Suite("Contributions, tags, notes, undo and edit")
struct ContributionTests {
    /// Ana, Ben and Chi in the stage at `index`.
    func room(in index: Int) -> Room {
        var room = Room()
        room.type("/goto \(index)")
        return room
    }

    @Test func eachStageCapturesItsKind() {
        let kinds: [(Int, ContributionKind)] = [
            (1, .identity), (2, .memory), (3, .observation), (4, .story), (5, .signal), (6, .cue), (7, .narrative), (8, .checkout),
        ]
        for (index, kind) in kinds {
            var room = room(in: index)
            let tags = Tags()
            #expect(room.type("Said here") == [write(.contributed(item(1, "Ana", stage: index, kind, "Said here", tags: tags), advancesTurn: true))])
            #expect(room.session.items(inStage: index) == [item(1, "Ana", stage: index, kind, "Said here", tags: tags)])
            #expect(room.session.nextID == 2)
            #expect(room.input == "")
            #expect(room.message == nil)
        }
    }

    @Test func contributionsAreNumberedInOrderAcrossStages() {
        var room = room(in: 1)
        room.type("one")
        room.type("/next")
        room.type("two")
        room.type("/note a note")
        room.type("three")
        #expect(room.session.contributions.map(\.id) == [1, 2, 3, 4])
        #expect(room.session.contributions.map(\.stage) == [1, 2, 2, 2])
        #expect(room.session.contributions.map(\.kind) == [.identity, .memory, .note, .memory])
        #expect(room.session.contributions.map(\.author) == ["Ana", "Ben", nil, "Chi"])
        room.expectReplayMatches()
    }

    @Test func aMultiLineContributionKeepsItsLineBreaks() {
        var room = room(in: 4)
        room.paste("  The night shift\r\n\r\nWe crossed the car park together.  \n\n")
        let story = item(1, "Ana", stage: 4, .story, "The night shift\n\nWe crossed the car park together.")
        #expect(room.key(.enter) == [write(.contributed(story, advancesTurn: true))])
        #expect(room.session.stories == [story])
        #expect(story.title == "The night shift")
    }

    @Test func aPastedCommandIsTextUntilEnterAndAMultiLinePasteIsNeverACommand() {
        var room = room(in: 1)
        #expect(room.paste("hello\n/quit") == [])
        #expect(room.input == "hello\n/quit")
        #expect(room.key(.enter) == [write(.contributed(item(1, "Ana", stage: 1, .identity, "hello\n/quit"), advancesTurn: true))])
        #expect(room.session.suspended == false)
    }

    @Test func aDoubleSlashStartsALiteralSlash() {
        var room = room(in: 1)
        #expect(room.type("//next is a word") == [write(.contributed(item(1, "Ana", stage: 1, .identity, "/next is a word"), advancesTurn: true))])
        #expect(room.type("//") == [write(.contributed(item(2, "Ben", stage: 1, .identity, "/"), advancesTurn: true))])
        #expect(room.session.current == 1)
    }

    @Test func emptyInputDoesNothing() {
        var room = room(in: 1)
        let before = room.state
        #expect(room.key(.enter) == [])
        #expect(room.state == before)
        room.type("   ")
        room.paste("\n \n\t")
        #expect(room.key(.enter) == [])
        #expect(room.input == "")
        #expect(room.session == before.session)
        #expect(room.message == nil)
    }

    @Test func onlyInvisibleCharactersIsAnEmptyContribution() {
        var room = room(in: 1)
        room.paste("\u{200B}\u{202E}\u{1B}")
        #expect(room.input == "")
        room.paste("\u{00A0}x")
        room.key(.backspace)
        #expect(room.input == "\u{00A0}")
        #expect(room.key(.enter) == [])
        #expect(room.session.contributions.isEmpty)
    }

    @Test func anOverLongContributionIsRefusedAndKept() {
        var room = room(in: 1)
        let text = String(repeating: "é", count: 2001)
        room.paste(text)
        #expect(room.key(.enter) == [.bell])
        #expect(room.message == .error("A contribution is 2001 characters long; the most is 2000."))
        #expect(room.input == text)
        room.key(.backspace)
        #expect(room.key(.enter) == [write(.contributed(item(1, "Ana", stage: 1, .identity, String(text.dropLast())), advancesTurn: true))])
    }

    @Test func contributionsBeforeAnyoneIsHereComeFromTheRoom() {
        var room = Room([])
        #expect(room.type("/next") == [])
        #expect(room.message == .info("No one is here yet: type each name and press Enter. Enter again begins without names."))
        #expect(room.key(.enter) == [write(.stageEntered(1))])  // the same line again confirms
        #expect(room.type("Us") == [write(.contributed(item(1, nil, stage: 1, .identity, "Us"), advancesTurn: false))])
    }

    // MARK: Tags

    @Test func speakingAsTagsTheHoldersContributionsUntilChanged() {
        var room = room(in: 1)
        #expect(room.type("/as a GP partner") == [write(.speakingAs(participant: "Ana", identity: "a GP partner"))])
        #expect(room.message == .info("Ana speaks as a GP partner."))
        #expect(room.session.speakingAs == ["Ana": "a GP partner"])
        room.type("I hold the list")
        room.type("I run the ward")          // Ben: untagged
        room.type("@Ana Also a carer")       // Ana again, out of turn: still tagged
        room.type("/pass")                   // Chi passes
        room.type("/as")                     // Ana clears hers
        #expect(room.message == .info("Ana speaks for themselves again."))
        room.type("Just me")
        #expect(room.session.contributions.map(\.tags.speakingAs) == ["a GP partner", nil, "a GP partner", nil])
        #expect(room.session.speakingAs.isEmpty)
        room.expectReplayMatches()
    }

    @Test func speakingAsNeedsSomeoneWhoseTurnItIs() {
        var room = Room([])
        #expect(room.type("/as nurse") == [.bell])
        #expect(room.message == .error("No one is here yet: /join NAME adds a participant."))
    }

    @Test func whenDatesTheNextNoteOnly() {
        var room = room(in: 2)
        #expect(room.type("/when last winter") == [write(.pendingWhen("last winter"))])
        #expect(room.message == .info("The next note is dated last winter."))
        #expect(room.session.pendingWhen == "last winter")
        room.type("/note the room laughed")        // a note leaves it pending
        #expect(room.session.pendingWhen == "last winter")
        room.type("The merger")
        room.type("The flood")
        #expect(room.session.items(inStage: 2).map(\.tags.when) == [nil, "last winter", nil])
        #expect(room.session.pendingWhen == nil)
        #expect(room.type("/when") == [.bell])
        #expect(room.message == .error("/when needs a time, such as 2019 or last winter: /when TEXT"))
        room.expectReplayMatches()
    }

    /// Enactment: an observation unless an owner is named; an owner not here needs `!`.
    @Test func anActionIsWhatHasAnOwner() {
        var room = room(in: 3)
        room.type("Ring the council")
        #expect(room.type("/owner ana") == [write(.pendingOwner("Ana"))])
        #expect(room.message == .info("The next action is owned by Ana."))
        room.type("Write to the board")                 // Ben says it, Ana owns it
        #expect(room.type("/owner The whole ICS!") == [write(.pendingOwner("The whole ICS"))])
        room.type("Meet monthly")
        #expect(room.session.items(inStage: 3).map(\.kind) == [.observation, .action, .action])
        #expect(room.session.items(inStage: 3).map(\.tags.owner) == [nil, "Ana", "The whole ICS"])
        #expect(room.session.items(inStage: 3).map(\.author) == ["Ana", "Ben", "Chi"])
        #expect(room.session.pendingOwner == nil)
        room.expectReplayMatches()
    }

    @Test func aNoteIsTheFacilitatorsAndKeepsTheTurn() {
        var room = room(in: 1)
        let effects = room.type("/note   Energy is low after lunch  ")
        #expect(effects == [write(.contributed(item(1, nil, stage: 1, .note, "Energy is low after lunch"), advancesTurn: false))])
        #expect(room.session.turnHolder == "Ana")
        #expect(room.type("/note") == [.bell])
        #expect(room.message == .error("/note needs some text: /note TEXT"))
    }

    @Test func notesMayBeTakenInWelcome() {
        var room = Room()
        #expect(room.type("/note Two apologies") == [write(.contributed(item(1, nil, stage: 0, .note, "Two apologies"), advancesTurn: false))])
    }

    // MARK: Undo and edit

    @Test func undoRetractsTheLatestContributionEvenAfterAStageChange() {
        var room = room(in: 1)
        room.type("First")
        room.type("Second")
        room.type("/next")
        #expect(room.type("/undo") == [write(.retracted(id: 2))])
        #expect(room.message == .info("Retracted #2; the log keeps it, marked retracted."))
        #expect(room.session.current == 2)
        #expect(room.session.contribution(2)?.retracted == true)
        #expect(room.session.items(inStage: 1) == [item(1, "Ana", stage: 1, .identity, "First")])
        #expect(room.session.contributions.count == 2)
        #expect(room.session.turnHolder == "Chi")   // the turn is not given back

        #expect(room.type("/undo") == [write(.retracted(id: 1))])
        #expect(room.type("/undo") == [.bell])
        #expect(room.message == .error("Nothing to undo."))
        #expect(room.session.items(inStage: 1).isEmpty)
        room.expectReplayMatches()
    }

    @Test func undoTakesBackANoteToo() {
        var room = room(in: 1)
        room.type("Said")
        room.type("/note aside")
        #expect(room.type("/undo") == [write(.retracted(id: 2))])
        #expect(room.type("/undo") == [write(.retracted(id: 1))])
    }

    @Test func aNewContributionAfterUndoTakesTheNextNumber() {
        var room = room(in: 1)
        room.type("First")
        room.type("/undo")
        #expect(room.type("Again") == [write(.contributed(item(2, "Ben", stage: 1, .identity, "Again"), advancesTurn: true))])
    }

    @Test func editAmendsAndKeepsTheHistory() {
        var room = room(in: 1)
        room.type("I am a nurse")
        room.type("/next")
        #expect(room.type("/edit 1 I am a nurse and a manager") == [write(.edited(id: 1, text: "I am a nurse and a manager"))])
        #expect(room.message == .info("#1 amended; the log keeps both."))
        #expect(room.type("/edit #1 A manager first") == [write(.edited(id: 1, text: "A manager first"))])
        let edited = room.session.contribution(1)
        #expect(edited?.text == "A manager first")
        #expect(edited?.history == ["I am a nurse", "I am a nurse and a manager"])
        #expect(edited?.edited == true)
        #expect(edited?.author == "Ana")
        #expect(edited?.stage == 1)
        room.expectReplayMatches()
    }

    @Test func editToTheSameTextChangesNothing() {
        var room = room(in: 1)
        room.type("Same")
        #expect(room.type("/edit 1   Same  ") == [])
        #expect(room.message == .info("#1 already says that."))
        #expect(room.session.contribution(1)?.history == [])
    }

    @Test func editOfAMissingOrRetractedContributionIsAnError() {
        var room = room(in: 1)
        room.type("Gone")
        room.type("/undo")
        #expect(room.type("/edit 1 back") == [.bell])
        #expect(room.message == .error("There is no contribution #1 to edit."))
        room.key(.clearInput)
        room.type("/edit 7 x")
        #expect(room.message == .error("There is no contribution #7 to edit."))
        room.key(.clearInput)
        room.type("/edit one x")
        #expect(room.message == .error("/edit needs a contribution number: /edit N TEXT"))
        room.key(.clearInput)
        room.type("/edit 1")
        #expect(room.message == .error("There is no contribution #1 to edit."))
        #expect(room.input == "/edit 1")
    }

    @Test func editIsSanitizedAndCapped() {
        var room = room(in: 1)
        room.type("Before")
        room.paste("/edit 1 After\u{1B}[2J\u{202E}")
        #expect(room.key(.enter) == [write(.edited(id: 1, text: "After[2J"))])
        room.paste("/edit 1 " + String(repeating: "x", count: 2001))
        #expect(room.key(.enter) == [.bell])
        #expect(room.message == .error("A contribution is 2001 characters long; the most is 2000."))
    }

    /// The owner and due date as Close and every report say them.
    @Test func ownerAndDueReadAsOne() {
        #expect(Tags.ownerAndDue("Chi", due: "15 Jan") == "Chi, by 15 Jan")
        #expect(Tags.ownerAndDue("Chi", due: nil) == "Chi")
        #expect(Tags.ownerAndDue(nil, due: "March") == "by March")
        #expect(Tags.ownerAndDue(nil, due: nil) == nil)
    }
}
