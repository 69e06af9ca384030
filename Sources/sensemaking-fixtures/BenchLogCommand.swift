import ArgumentParser
import SessionLog
import WorkshopFixtures

/// For `scripts/bench`: writes a large workshop log through the real reducer and the real
/// journal, so `resume` and `export` are measured on a log exactly as a session writes it.
struct BenchLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-log",
        abstract: "Write a generated workshop log with many contributions (default 5000)."
    )

    @OptionGroup var log: NewLog

    func run() throws {
        let journal: Journal
        do throws(LogError) {
            journal = try Journal.create(path: log.path, header: BenchWorkshop.header)
        } catch {
            emit(2, "bench-log: \(error.message)")
            throw ExitCode.failure
        }
        var workshop = BenchWorkshop { records, session in journal.append(records, session: session) }
        let status = workshop.write(contributions: log.count ?? 5_000)
        journal.close()
        guard status == .saved else {
            emit(2, "bench-log: not saved: \(status)")
            throw ExitCode.failure
        }
        emit(1, log.path)
    }
}
