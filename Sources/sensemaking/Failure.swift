import ArgumentParser
import Foundation
import Glibc

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
        write(2, "sensemaking: " + line + "\n")
    }

    static func out(_ line: String) {
        write(1, line + "\n")
    }

    /// The whole text with `write(2)`, finishing short writes; no `FileHandle`, whose first
    /// use on the way out of a session touched Foundation's pages for two lines of text.
    private static func write(_ descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return }
                offset += written
            }
        }
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
