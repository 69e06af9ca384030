import ArgumentParser
import Foundation

/// A reason to stop, told in one line on standard error.
struct Failure: Error, CustomStringConvertible {
    var message: String
    var code: Int32

    init(_ message: String, code: Int32 = 1) {
        self.message = message
        self.code = code
    }

    var description: String { message }
}

enum Console {
    /// Writes one line to standard error; nothing else writes there while the TUI runs.
    static func error(_ line: String) {
        FileHandle.standardError.write(Data(("sensemaking: " + line + "\n").utf8))
    }

    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a `Failure` into its line on standard error and its exit code.
    func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as Failure {
            Console.error(failure.message)
            throw ExitCode(failure.code)
        }
    }
}
