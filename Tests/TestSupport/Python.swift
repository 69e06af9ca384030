import Foundation

/// Runs a Python script of a test's on a JSON input and decodes its JSON answer: the way the
/// tests ask a parser that is not ours (html5lib or html.parser, cmark-gfm) what a text is.
public enum Python {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// python3 on PATH, or nil.
    public static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether `python3 -c "import MODULE"` works.
    public static func has(_ module: String) -> Bool {
        guard let executable else { return false }
        return (try? run(executable, ["-c", "import \(module)"]).status) == 0
    }

    /// Runs `script` with the input's JSON file and an output path as its arguments.
    public static func answer<Input: Encodable, Output: Decodable>(_ script: String, input: Input, as: Output.Type) throws -> Output {
        guard let executable else { throw Failure(description: "python3 is not on PATH") }
        let directory = NSTemporaryDirectory() + "py-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try script.write(toFile: directory + "/check.py", atomically: true, encoding: .utf8)
        try JSONEncoder().encode(input).write(to: URL(fileURLWithPath: directory + "/in.json"))
        let result = try run(executable, [directory + "/check.py", directory + "/in.json", directory + "/out.json"])
        guard result.status == 0 else { throw Failure(description: "python3 failed: \(result.errors)") }
        return try JSONDecoder().decode(Output.self, from: Data(contentsOf: URL(fileURLWithPath: directory + "/out.json")))
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
