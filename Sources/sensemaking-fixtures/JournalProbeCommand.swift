import ArgumentParser
import SensemakingCore
import SessionLog
import WorkshopFixtures
#if canImport(Glibc)
import Glibc
#endif

/// For the kill -9 test: creates a log and appends the probe session's records through the
/// real journal, printing each contribution's id on standard output only after its append
/// returned `.saved`. The test kills it at random moments and checks every printed id.
struct JournalProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal-probe",
        abstract: "Append numbered records to a new log, printing each id once it is on disk (default 100000)."
    )

    @OptionGroup var log: NewLog

    @Option(help: "Write at most this many bytes per write call, so a kill can land inside a record (0: no limit).")
    var chunk = 0

    @Option(help: "Microseconds to wait after each piece of a chunked write, to widen that window.")
    var pause = 0

    func run() throws {
        let io: any FileIO = chunk > 0 ? ChunkedFileIO(limit: chunk, pause: pause) : PosixFileIO()
        let journal: Journal
        do {
            journal = try Journal.create(path: log.path, header: JournalProbe.header, io: io, now: JournalProbe.started)
        } catch {
            emit(2, "journal-probe: \(error.message)")
            throw ExitCode.failure
        }
        var session = Session(header: JournalProbe.header)
        for n in 1...((log.count ?? 100_000) + 1) {
            let record = JournalProbe.record(n)
            session.apply(record)
            let status = journal.append([record], session: session)
            guard status == .saved else {
                emit(2, "journal-probe: not saved: \(status)")
                throw ExitCode.failure
            }
            if case .contributed(let item, _) = record.event { emit(1, "\(item.id)") }
        }
        journal.close()
    }
}
