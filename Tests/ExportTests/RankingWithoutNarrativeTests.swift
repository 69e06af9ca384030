import Foundation
import SensemakingCore
import Testing
@testable import Export

/// Issue #13: dots placed in Plausibility with nothing typed there (no narrative yet). Every
/// format shows the ranking whenever dots exist.
@Suite struct RankingWithoutNarrativeTests {
    static func session() -> Session {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let header = SessionHeader(title: "Dots only", plan: .standard, participants: ["Ana", "Ben"], anonymous: false, started: start)
        var state = AppState(session: Session(header: header), now: start)
        for line in ["/goto social", "The hub worked", "Winter rota", "/goto plausibility", "/dots 2 2 1", "/dots 2 1 1"] {
            _ = reduce(&state, .paste(line))
            _ = reduce(&state, .key(.enter))
        }
        return state.session
    }

    @Test func markdownShowsTheRanking() throws {
        let report = Report(Self.session())
        #expect(report.ranking.map(\.dots) == [3, 3])
        let md = MarkdownReport.render(report)
        let section = try #require(md.components(separatedBy: "## 7. ").last)
        #expect(!section.hasPrefix("Plausibility over accuracy\n\n> Which of our stories feels credible to the people we serve?\n\n*Nothing was said here.*"))
        #expect(section.contains("**Stories by plausibility**"))
        #expect(section.contains("**Winter rota** (story 2): ●●● 3 dots"))
        #expect(section.contains("**The hub worked** (story 1): ●●● 3 dots"))
        #expect(section.contains("*No narrative was agreed yet.*"))
    }

    @Test func htmlShowsTheRanking() throws {
        let html = HTMLReport.render(Report(Self.session()))
        let section = try #require(html.components(separatedBy: "<section class=\"stage plausibility\">").last)
        #expect(!section.contains("Nothing was said here."))
        #expect(section.contains("<h3>Stories by plausibility</h3>"))
        #expect(section.contains("<strong>Winter rota</strong>"))
        #expect(section.contains("No narrative was agreed yet."))
    }

    @Test func jsonKeepsTheRanking() throws {
        let json = JSONReport.render(Report(Self.session()))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let ranking = try #require(object["plausibility"] as? [[String: Any]])
        #expect(ranking.compactMap { $0["title"] as? String }.sorted() == ["The hub worked", "Winter rota"])
        #expect(ranking.compactMap { $0["dots"] as? Int } == [3, 3])
    }
}
