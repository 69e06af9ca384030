import ArgumentParser
import Foundation
import SessionLog

/// For `scripts/bench`: writes a large workshop log through the real reducer and the real
/// journal, so `resume` and `export` are measured on a log exactly as a session writes it.
struct BenchLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-log",
        abstract: "Write a generated workshop log with many contributions (a benchmark aid).",
        shouldDisplay: false
    )

    @Argument(help: "The log to create.")
    var path: String

    @Option(help: "How many contributions (notes included) to write.")
    var count = 5_000

    func run() throws {
        try reporting {
            let journal: Journal
            do throws(LogError) {
                journal = try Journal.create(path: path, header: BenchWorkshop.header)
            } catch {
                throw Failure(error.message)
            }
            var workshop = BenchWorkshop { records, session in journal.append(records, session: session) }
            let status = workshop.write(contributions: count)
            journal.close()
            guard status == .saved else { throw Failure("bench-log: not saved: \(status)") }
            Console.out(path)
        }
    }
}
