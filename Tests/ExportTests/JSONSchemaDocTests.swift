import Foundation
import Testing

/// docs/export-json.md documents every key a real export writes: its table names exactly
/// the top-level keys, and each object's row names every key of that object.
@Suite("docs/export-json.md matches the JSON export")
struct JSONSchemaDocTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// The table's rows: the keys of the first column, and the description.
    static func rows() throws -> [(keys: [String], description: String)] {
        let doc = try String(contentsOf: here.appendingPathComponent("../../docs/export-json.md"), encoding: .utf8)
        return doc.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { line in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            return (names(in: cells[1]), cells[3])
        }
    }

    /// The `code` spans of a text.
    static func names(in text: String) -> [String] {
        text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// A golden export (a session with every curation case, and a follow-up).
    static func golden(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: here.appendingPathComponent("Goldens/\(name).json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theTableNamesExactlyTheTopLevelKeys() throws {
        for name in ["curated", "followup"] {
            let documented = Set(try Self.rows().flatMap(\.keys))
            #expect(documented == Set(try Self.golden(name).keys), "\(name)")
        }
    }

    @Test func eachObjectsRowNamesEveryKeyItHas() throws {
        let rows = try Self.rows()
        func described(_ key: String) -> Set<String> {
            let own = Set(rows.first { $0.keys.contains(key) }.map { Self.names(in: $0.description) } ?? [])
            // "notes: same fields as contributions".
            return key == "notes" ? own.union(described("contributions")) : own
        }
        var checked = 0
        for name in ["curated", "followup"] {
            let export = try Self.golden(name)
            // Objects and arrays of objects, by the top-level key whose row describes them.
            var objects: [(row: String, object: [String: Any])] = []
            for (key, value) in export {
                if let object = value as? [String: Any] { objects.append((key, object)) }
                if let array = value as? [[String: Any]] { objects += array.map { (key, $0) } }
            }
            if let followUp = export["followUp"] as? [String: Any], let items = followUp["items"] as? [[String: Any]] {
                objects += items.map { ("followUp", $0) }
            }
            for (row, object) in objects {
                let missing = Set(object.keys).subtracting(described(row))
                #expect(missing.isEmpty, "\(name): `\(row)` has keys its row does not name: \(missing.sorted())")
                checked += 1
            }
        }
        #expect(checked > 20)
    }

    @Test func everyKindThatCanBeExportedIsNamed() throws {
        let row = try Self.rows().first { $0.keys.contains("contributions") }?.description ?? ""
        let named = Set(Self.names(in: row))
        for name in ["curated", "followup"] {
            let kinds = (try Self.golden(name)["contributions"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(Set(kinds).isSubset(of: named), "\(name): \(Set(kinds).subtracting(named).sorted())")
        }
    }
}
