import Foundation

/// Keys the session understands, decoded from the terminal by the front end.
public enum Key: Equatable, Sendable {
    case character(Character)
    case enter
    /// Alt-Enter or Ctrl-J: a line break inside the text.
    case lineBreak
    case backspace, delete
    case left, right, up, down, home, end
    case pageUp, pageDown
    /// Ctrl-W
    case deleteWord
    /// Ctrl-U
    case clearInput
    /// Ctrl-C: the first asks, the second quits.
    case interrupt
    case escape
    /// F1
    case help
    /// Ctrl-T, or Tab: Retrospection switches between its list and its timeline; Close
    /// turns to the next page of its synthesis.
    case toggleView
}

/// A one-line message under the input box.
public enum Message: Equatable, Sendable {
    case error(String)
    case info(String)

    public var text: String {
        switch self {
        case .error(let text), .info(let text): text
        }
    }
}

/// Whether everything shown as saved is on disk.
public enum SaveStatus: Equatable, Sendable {
    case saved
    /// Records wait in memory; the reason is the operating system's.
    case notSaved(reason: String, pending: Int)
}

/// How the Retrospection stage lists its notes.
public enum RetrospectionView: Equatable, Sendable {
    case list, timeline
}

/// The pages of the Close screen, which the facilitator steps through with Tab.
public enum ClosePage: Int, CaseIterable, Equatable, Sendable {
    case summary, stories, actions, cuesAndSignals, voices

    /// The page after this one, round to the first.
    public var next: ClosePage { ClosePage(rawValue: (rawValue + 1) % Self.allCases.count) ?? .summary }
}

/// The whole state of a running session: the journaled `Session` plus what only the
/// screen needs (the input box, messages, scrolling), which is never journaled.
public struct AppState: Equatable, Sendable {
    public var session: Session
    public var input = InputBox()
    public var showHelp = false
    /// `/qr`: the join address, code and QR code full screen, until any key.
    public var showJoin = false
    /// Set when devices may join (`--serve`).
    public var join: JoinInfo?
    public var message: Message?
    /// Pages scrolled back from the newest line of the stage's list (0: the live view).
    /// `scrollTop` (Home) asks for the first page; the view shows at most what there is and
    /// the front end reports the page it showed (`Action.scrolled`), so PgDn moves at once.
    public var scroll = 0
    /// The last frame had more of the list above the page it showed; PgUp stops when not.
    public var scrollMore = true
    /// The live view of Close, the board or Review cut its top part short: the page PgDn
    /// shows next (the second of the whole list), so the rest is one key away.
    public var scrollDown: Int?
    public static let scrollTop = 1 << 30
    public var save: SaveStatus = .saved
    /// Ctrl-C was pressed once.
    public var quitArmed = false
    public var now: Date
    /// The log's file name, for the status line.
    public var logName: String
    public var retrospectionView: RetrospectionView = .list
    /// The terminal is smaller than the view lays out: Enter is held, so nothing typed
    /// blind is saved. The front end says so (`Action.screen`).
    public var tooSmall = false
    /// The page of the synthesis Close shows.
    public var closePage: ClosePage = .summary
    /// The bell rang for this stage's timebox running out.
    var belled: Set<Int> = []
    /// A line that asked a question ("add 'next' as a participant?", "Enter again
    /// closes"): the same line submitted again confirms it; any other line forgets it.
    public var confirming: String?
    /// The dots each person has placed at the keyboard in an anonymous session (story ids):
    /// its records carry no name, so the screen keeps them, to add a part vote up and to
    /// refuse dots beyond each one's share. Not journaled: a resumed anonymous session asks
    /// for its names again. A named session's are in the session (`dotsSoFar(of:)`).
    var anonymousDots: [String: [Int]] = [:]
    /// Sends from devices that were refused, by send key, with the reason the device shows
    /// (never the projected screen). Screen-only: a refusal changes no record.
    public var deviceRefusals: [String: String] = [:]
    /// The devices connected through the join server (`/devices`, `/remove N`).
    public var devices: [ConnectedDevice] = []
    /// The presenter page's link with its secret, for `/presenter` (set by the front end when
    /// it serves the presenter page), never journaled.
    public var presenterLink: String?
    /// What became of each command from the presenter page, by its key: the answer the page
    /// shows. Screen-only.
    public var presenterAnswers: [String: Message] = [:]

    public init(session: Session, logName: String = "", now: Date? = nil) {
        self.session = session
        self.logName = logName
        self.now = now ?? session.lastTime
    }
}

extension AppState {
    /// Anyone here may send from a device, not only the one whose turn it is: the floor is
    /// open (`/floor open`, always in an anonymous session) and devices can join. A log
    /// resumed without `--serve` keeps its open floor, but no device can send.
    public var floorOpenToDevices: Bool {
        join != nil && (session.floorOpen || session.anonymous)
    }

    /// The dots the turn holder is asked for at the keyboard: none outside Plausibility, once
    /// voting has closed or once they have placed all theirs (from a device too); what is left
    /// of a vote placed part-way; else all they have; in an anonymous room, no more than the
    /// room has left.
    public var dotsAskedOfTurnHolder: Int {
        guard session.stage.element == .plausibility, Step.votingClosed(in: session) == nil,
              let holder = session.turnHolder, !session.hasPlacedAllDots(holder) else { return 0 }
        return max(0, min(session.plan.dots - dotsSoFar(of: holder).count, session.anonymousDotsLeft ?? .max))
    }

    /// The dots `holder` has placed (story ids). A named session's are the session's, so a
    /// part vote stays open when the turn moves on and comes back, and after a resume; an
    /// anonymous session's are kept on screen (`anonymousDots`).
    func dotsSoFar(of holder: String) -> [Int] {
        session.anonymous ? anonymousDots[holder] ?? [] : session.dotsPlaced(by: holder)
    }
}

public enum Action: Equatable, Sendable {
    case key(Key)
    /// A bracketed paste: text for the input box, never commands.
    case paste(String)
    /// The clock, from the front end.
    case tick(Date)
    /// The journal's answer after the effects of the last action were written.
    case journal(SaveStatus)
    /// A line to show, from the front end (an export's path, a `/saveas` result).
    case notice(Message)
    /// SIGTERM or SIGHUP: leave now, as `/quit` does.
    case terminate
    /// `sensemaking resume` opened the log: journal that the session goes on.
    case resume
    /// The front end's last frame showed this page of the list (counted back from the
    /// newest, after the view kept it within what there is), with `more` above it or not.
    case scrolled(page: Int, more: Bool, down: Int? = nil)
    /// A participant's device, through the join server: the network is another keyboard.
    case device(DeviceAction)
    /// The front end's last frame was too small to show the session (or is no longer).
    case screen(tooSmall: Bool)
    /// A command line from the presenter page (`/next`, `/timer +1`, `/note TEXT`), run as
    /// the keyboard's Enter runs it; `key` is the server's own, for the answer to find its way
    /// back (`AppState.presenterAnswers`).
    case presenter(line: String, key: String)
}

public enum ExitReason: Equatable, Sendable {
    /// `/quit`, Ctrl-C twice, a signal: `resume` continues.
    case quit
    /// `/end`: closed, with the synthesis written.
    case end
}

/// What the front end must do after an action; the core itself does nothing.
public enum Effect: Equatable, Sendable {
    /// Write this record to the journal, durably, before saying "saved".
    case append(Record)
    case bell
    /// `/export`: write the Markdown report beside the log.
    case export
    /// `/saveas PATH`: continue the journal in a new file.
    case saveAs(String)
    /// `/remove N`: the join server forgets device N (its cookie no longer joins).
    case removeDevice(Int)
    case exit(ExitReason)
}
