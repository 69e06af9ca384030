import Foundation
import Testing

/// A view's JSON, byte for byte, against `Goldens/NAME.json` (sorted keys, pretty), and read
/// back as the same value. UPDATE_GOLDENS=1 rewrites the file.
func expectGoldenJSON<T: Codable & Equatable>(_ name: String, _ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    let text = String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens/\(name).json")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(text == expected, "view differs from \(url.path); UPDATE_GOLDENS=1 rewrites it", sourceLocation: sourceLocation)
    #expect(try JSONDecoder().decode(T.self, from: Data(text.utf8)) == value, sourceLocation: sourceLocation)
}
