import Foundation
import SensemakingCore
import SessionLog
import Testing

/// Every hostile text × every place it can enter, through the real binary in tmux. For each:
/// (a) the log reads back whole, each text exactly as the program cleaned it, in its place;
/// (b) nothing hostile reaches the terminal: not the screens, not the raw output, not the
///     pane's title or tmux's clipboard;
/// (c) the exports (Markdown, HTML, JSON) carry each text literally and safely.
@Suite("Hostile input, through the real binary")
struct HostileInputTests {
    /// The cases, dealt into a few groups that run side by side (a session each, in turn).
    static let groups = 5

    @Test("Every hostile text at every place", arguments: 0..<groups)
    func group(_ group: Int) throws {
        let started = Date()
        var places = 0
        for (number, hostile) in HostileText.all.enumerated() where number % Self.groups == group {
            let session = try HostileSession(hostile, number: number)
            defer { session.tmux.close() }
            do {
                try session.run()
            } catch {
                Issue.record("\(hostile): \(error)")
                continue
            }
            places += try check(session)
        }
        print("hostile input group \(group): \(places) text×place entries checked in \(Int(Date().timeIntervalSince(started))) s")
    }

    /// All checks of one session; returns the number of places the text entered.
    func check(_ session: HostileSession) throws -> Int {
        let name = session.hostile.name
        #expect(session.exitStatus == 0, "\(name): /end exits 0")

        // (a) The log: whole, and each place holds exactly the cleaned text.
        let contents = try LogReader.read(path: session.log)
        #expect(contents.torn == nil, "\(name)")
        let header = contents.header
        #expect(header.title == clean(session.title, .title), "\(name): title")
        #expect(header.participants == [clean(session.participant, .name), "Ana"].compactMap { $0 }, "\(name): --participants")
        #expect(header.plan.title == clean(session.planTitle, .title), "\(name): plan title")
        #expect(header.plan.purpose == clean(session.purpose, .prompt), "\(name): plan purpose")
        #expect(header.plan.stages.first?.title == clean(session.stageTitle, .title), "\(name): stage title")
        #expect(header.plan.stages.first?.prompts == [clean(session.prompt, .prompt)].compactMap { $0 }, "\(name): prompt")

        var texts: [String] = [], joined: [String] = [], tags: [String] = [], when: [String] = [], owners: [String] = []
        for record in contents.records {
            switch record.event {
            case .contributed(let item, _): texts.append(item.text)
            case .joined(let name): joined.append(name)
            case .speakingAs(_, let identity?): tags.append(identity)
            case .pendingWhen(let text): when.append(text)
            case .pendingOwner(let name): owners.append(name)
            default: break
            }
        }
        #expect(texts == session.contributions.compactMap { clean($0, .contribution) }, "\(name): contributions")
        #expect(joined == joinedNames(session.joined), "\(name): /join")
        #expect(tags == [clean(session.speakingAs, .tag)].compactMap { $0 }, "\(name): /as")
        #expect(when == [clean(session.when, .tag)].compactMap { $0 }, "\(name): /when")
        #expect(owners == [clean(session.owner, .name)].compactMap { $0 }, "\(name): /owner")
        let logged = [header.title, header.plan.title, header.plan.purpose] + header.participants
            + header.plan.stages.flatMap { $0.prompts + [$0.title ?? ""] } + texts + joined + tags + when + owners
        for text in logged { #expect(Hostile.scalars(in: text).isEmpty, "\(name): \(text.debugDescription)") }

        // (b) The terminal: screens, raw bytes, the pane's title, tmux's paste buffers.
        for screen in session.screens {
            #expect(Hostile.scalars(in: screen).isEmpty, "\(name): on screen:\n\(screen)")
            let top = screen.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
            #expect(top.contains("T\(session.label) "), "\(name): the header stays in place:\n\(screen)")
        }
        let raw = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: session.tmux.path("raw.bin")))) ?? Data())
        #expect(raw.count > 1000, "\(name): the raw output was captured")
        #expect(TerminalOutput.problems(in: raw) == [], "\(name): raw terminal output")
        // BEL is not checked in the raw output: the program rings it itself on each error, and
        // a BEL in a text is caught where it would be kept (the log, the screens, the exports).
        #expect(try session.tmux.query("#{pane_title}") == session.paneTitle, "\(name): the pane title is unchanged")
        #expect(try session.tmux.run(["list-buffers"]).output.isEmpty, "\(name): nothing set tmux's clipboard")

        // (c) The exports.
        try ExportCheck(session.log, in: session.tmux.directory, context: name)
            .check(texts: texts + [header.title], ownTags: try #require(Self.baselineTags(typeable: session.hostile.typeable), "the baseline session ran"))
        let typed = session.hostile.typeable ? 1 : 0
        return 14 + typed
    }

    /// How often the report's own elements that user text could also make (tables, quotes,
    /// second-level headings) appear in the Markdown report of the same session with a
    /// harmless text. A text that can be typed is sent twice, which moves the turn and so
    /// decides whether `@Ana` speaks with the `/as` identity (an "Identity map" heading):
    /// one baseline for each.
    static func baselineTags(typeable: Bool) -> [String: Int]? {
        typeable ? typeableBaseline : pastedBaseline
    }
    static let typeableBaseline = baseline("plain words")
    static let pastedBaseline = baseline("plain\u{7}words")

    static func baseline(_ text: String) -> [String: Int]? {
        guard CMark.available else { return [:] }   // the Markdown check skips
        guard let session = try? HostileSession(HostileText(name: "baseline", text: text), number: 999) else { return nil }
        defer { session.tmux.close() }
        guard (try? session.run()) != nil,
              let markdown = try? Spawn.run([try Tmux.binary(), "export", session.log], in: session.tmux.directory).output,
              let rendered = try? CMark.render(markdown, in: session.tmux.directory) else { return nil }
        return ExportCheck.counts(rendered.tags)
    }

    /// `/join` takes names separated by commas or lines, as a line typed in Welcome does;
    /// one name that cannot be (too long, or starting with / or @, or twice) refuses them all.
    func joinedNames(_ raw: String) -> [String] {
        var names: [String] = []
        // A paste reaches the reducer stripped: CR, NEL, LS and PS are line breaks by then.
        for part in Sanitizer.strip(raw).split(whereSeparator: { $0 == "," || $0 == "\n" }) {
            switch Sanitizer.clean(String(part), as: .name) {
            case .failure(.empty): continue
            case .failure: return []
            case .success(let name):
                if name.hasPrefix("/") || name.hasPrefix("@") { return [] }
                if names.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) { return [] }
                names.append(name)
            }
        }
        return names
    }

    func clean(_ text: String, _ field: Sanitizer.Field) -> String? {
        try? Sanitizer.clean(text, as: field).get()
    }
}
