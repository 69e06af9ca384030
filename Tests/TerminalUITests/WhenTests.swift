import Foundation
import SensemakingCore
import Testing

@Suite struct WhenParserTests {
    /// Notes made on 14 March 2024.
    let said = Date(timeIntervalSince1970: 1_710_406_800)

    func moment(_ text: String) -> Moment? { WhenParser.moment(text, saidAt: said) }

    func span(_ y1: Int, _ m1: Int, _ y2: Int, _ m2: Int) -> Moment {
        Moment(first: y1 * 372 + (m1 - 1) * 31, last: y2 * 372 + (m2 - 1) * 31 + 30)
    }

    @Test func years() {
        #expect(moment("2019") == span(2019, 1, 2019, 12))
        #expect(moment("in 2019") == moment("2019"))
        #expect(moment("around 2019.") == moment("2019"))
        #expect(moment("2019-2021") == span(2019, 1, 2021, 12))
        #expect(moment("2023-24") == span(2023, 1, 2024, 12))
        #expect(moment("the 1990s") == span(1990, 1, 1999, 12))
        #expect(moment("90s") == span(1990, 1, 1999, 12))
    }

    @Test func monthsAndDates() {
        #expect(moment("2019-03") == span(2019, 3, 2019, 3))
        #expect(moment("03/2019") == span(2019, 3, 2019, 3))
        #expect(moment("March 2021") == span(2021, 3, 2021, 3))
        #expect(moment("mar 2021") == moment("March 2021"))
        #expect(moment("2021 March") == moment("March 2021"))
        let day = 2021 * 372 + 2 * 31 + 14
        #expect(moment("15 March 2021") == Moment(first: day, last: day))
        #expect(moment("March 15th, 2021") == Moment(first: day, last: day))
        #expect(moment("2021-03-15") == Moment(first: day, last: day))
        #expect(moment("Q3 2021") == span(2021, 7, 2021, 9))
        #expect(moment("early 2020") == span(2020, 1, 2020, 4))
        #expect(moment("late 2020") == span(2020, 9, 2020, 12))
    }

    @Test func seasons() {
        #expect(moment("winter 2023") == span(2023, 12, 2024, 2))
        #expect(moment("winter of 2023") == moment("winter 2023"))
        #expect(moment("winter 2023/24") == moment("winter 2023"))
        #expect(moment("summer 2019") == span(2019, 6, 2019, 8))
        #expect(moment("Autumn 2018") == span(2018, 9, 2018, 11))
        #expect(moment("fall 2018") == moment("autumn 2018"))
    }

    @Test func relativeToWhenTheNoteWasMade() {
        #expect(moment("last year") == span(2023, 1, 2023, 12))
        #expect(moment("this year") == span(2024, 1, 2024, 12))
        #expect(moment("the year before last") == span(2022, 1, 2022, 12))
        #expect(moment("two years ago") == span(2022, 1, 2022, 12))
        #expect(moment("a year ago") == span(2023, 1, 2023, 12))
        #expect(moment("5 years ago") == span(2019, 1, 2019, 12))
        #expect(moment("last month") == span(2024, 2, 2024, 2))
        #expect(moment("a couple of months ago") == span(2024, 1, 2024, 1))
        // In March 2024 the last winter is the one that began in December 2023.
        #expect(moment("last winter") == span(2023, 12, 2024, 2))
        #expect(moment("last summer") == span(2023, 6, 2023, 8))
        // A month: the latest one before this month (said in March, last March is 2023's).
        #expect(moment("last February") == span(2024, 2, 2024, 2))
        #expect(moment("last March") == span(2023, 3, 2023, 3))
        #expect(moment("last December") == span(2023, 12, 2023, 12))
        #expect(moment("this June") == span(2024, 6, 2024, 6))
        #expect(moment("in last Sept") == span(2023, 9, 2023, 9))
        let today = 2024 * 372 + 2 * 31 + 13
        #expect(moment("today") == Moment(first: today, last: today))
        #expect(moment("yesterday") == Moment(first: today - 1, last: today - 1))
    }

    @Test func lastMonthNamesDependOnTheMonthTheyAreSaidIn() {
        let january = Date(timeIntervalSince1970: 1_735_691_400)   // 2025-01-01T00:30Z
        #expect(WhenParser.moment("last December", saidAt: january) == span(2024, 12, 2024, 12))
        #expect(WhenParser.moment("last January", saidAt: january) == span(2024, 1, 2024, 1))
        #expect(WhenParser.moment("this January", saidAt: january) == span(2025, 1, 2025, 1))
        let december = Date(timeIntervalSince1970: 1_735_687_800)  // 2024-12-31T23:30Z
        #expect(WhenParser.moment("last December", saidAt: december) == span(2023, 12, 2023, 12))
        #expect(WhenParser.moment("last November", saidAt: december) == span(2024, 11, 2024, 11))
        #expect(WhenParser.moment("this December", saidAt: december) == span(2024, 12, 2024, 12))
    }

    @Test func lastWinterDependsOnTheSeasonItIsSaidIn() {
        let january = Date(timeIntervalSince1970: 1_705_312_800)  // 2024-01-15
        #expect(WhenParser.moment("last winter", saidAt: january) == span(2022, 12, 2023, 2))
        #expect(WhenParser.moment("this winter", saidAt: january) == span(2023, 12, 2024, 2))
    }

    @Test(arguments: ["before the merger", "when Covid hit", "", "   ", "spring", "Q5 2020", "2019-13-01", "someday", "1066", "13/2019"])
    func freeTextIsNotPlaced(_ text: String) {
        #expect(moment(text) == nil)
    }

    @Test func broaderFirstWhenTheyStartTogether() {
        let year = moment("2019")!, january = moment("January 2019")!, march = moment("March 2019")!
        #expect(year < january && january < march)
        #expect([march, january, year].sorted() == [year, january, march])
    }
}

@Suite struct TimelineTests {
    func note(_ id: Int, _ when: String?, by author: String = "Ana") -> Contribution {
        Contribution(id: id, author: author, stage: 2, kind: .memory, text: "note \(id)",
                     tags: Tags(when: when), time: Date(timeIntervalSince1970: 1_710_406_800))
    }

    @Test func placesInOrderAndKeepsTheRestAfter() {
        let notes = [note(1, "last year"), note(2, "before the merger"), note(3, "2019"), note(4, nil), note(5, "winter 2020")]
        let timeline = Timeline(notes)
        #expect(timeline.entries.map { $0.notes.map(\.id) } == [[3], [5], [1]])
        #expect(timeline.unplaced.map(\.id) == [2, 4])
        #expect(Timeline.order(notes).map(\.id) == [3, 5, 1, 2, 4])
    }

    @Test func differingMemoriesOfTheSameMomentStaySeparate() {
        let notes = [note(1, "winter 2020", by: "Ben"), note(2, "2019"), note(3, "Winter of 2020", by: "Chi")]
        let timeline = Timeline(notes)
        #expect(timeline.entries.count == 2)
        #expect(timeline.entries[1].notes.map(\.id) == [1, 3])
        #expect(timeline.entries[1].notes.map(\.author) == ["Ben", "Chi"])
    }
}
