/// The text being typed, with its cursor, edited by grapheme cluster so an emoji or
/// an accented letter is one step of the cursor and one Backspace.
public struct InputBox: Equatable, Sendable {
    public private(set) var characters: [Character] = []
    /// 0…characters.count: the gap before which typing goes.
    public private(set) var cursor = 0

    /// A paste or a long typing session stops growing here; the rest is dropped and said so.
    public static let capacity = 20_000

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Inserts text at the cursor; returns how many characters did not fit.
    @discardableResult
    public mutating func insert(_ text: String) -> Int {
        let incoming = Array(text)
        let room = max(0, Self.capacity - characters.count)
        let accepted = incoming.prefix(room)
        characters.insert(contentsOf: accepted, at: cursor)
        cursor += accepted.count
        regroup(around: cursor)
        return incoming.count - accepted.count
    }

    /// Terminals send an emoji sequence or an accent one scalar at a time; joins the
    /// pieces either side of the cursor back into the clusters they form, so one
    /// Backspace removes one whole character.
    private mutating func regroup(around index: Int) {
        let start = max(0, index - 2), end = min(characters.count, index + 1)
        guard end - start > 1 else { return }
        let joined = Array(String(characters[start..<end]))
        guard joined.count < end - start else { return }
        // The cursor goes after every cluster that begins before it, so a cluster
        // joined across the cursor never splits it.
        let scalarsBefore = characters[start..<index].reduce(0) { $0 + $1.unicodeScalars.count }
        var offset = 0, clustersBefore = 0
        for cluster in joined where offset < scalarsBefore {
            offset += cluster.unicodeScalars.count
            clustersBefore += 1
        }
        characters.replaceSubrange(start..<end, with: joined)
        cursor = start + clustersBefore
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func delete() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(characters.count, cursor + 1) }

    /// Home and End work on the line the cursor is in.
    public mutating func home() {
        while cursor > 0 && characters[cursor - 1] != "\n" { cursor -= 1 }
    }

    public mutating func end() {
        while cursor < characters.count && characters[cursor] != "\n" { cursor += 1 }
    }

    /// Up and Down move between the lines of a multi-line text, keeping the column.
    public mutating func up() {
        let column = currentColumn
        home()
        guard cursor > 0 else { return }
        cursor -= 1
        home()
        let lineStart = cursor
        end()
        cursor = min(lineStart + column, cursor)
    }

    public mutating func down() {
        let column = currentColumn
        end()
        guard cursor < characters.count else { return }
        cursor += 1
        let lineStart = cursor
        end()
        cursor = min(lineStart + column, cursor)
    }

    /// Ctrl-W: deletes the word before the cursor and the spaces after it.
    public mutating func deleteWord() {
        var start = cursor
        while start > 0 && characters[start - 1].isWhitespace && characters[start - 1] != "\n" { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        if start == cursor && start > 0 { start -= 1 }  // a lone line break
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    public mutating func clear() {
        characters = []
        cursor = 0
    }

    private var currentColumn: Int {
        var start = cursor
        while start > 0 && characters[start - 1] != "\n" { start -= 1 }
        return cursor - start
    }
}
