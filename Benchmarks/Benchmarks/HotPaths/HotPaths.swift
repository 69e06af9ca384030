import Benchmark
import Export
import Foundation
import SensemakingCore
import SessionLog
import TerminalUI
import WorkshopFixtures

/// The workshop `scripts/bench` resumes: 5,000 contributions typed through `reduce`, kept
/// in memory (records and the session after each batch) instead of a file.
struct BigWorkshop: Sendable {
    let records: [Record]
    let state: AppState
    let log: [UInt8]

    static let shared = BigWorkshop()

    private init() {
        var records: [Record] = []
        var workshop = BenchWorkshop { batch, _ in
            records += batch
            return .saved
        }
        workshop.write(contributions: 5_000)
        self.records = records
        var state = workshop.state
        // The box holds a half-typed contribution, as while someone types.
        _ = reduce(&state, .paste("We hold several identities at once, and the system is one more"))
        self.state = state
        self.log = Array(LogFormat.encode(BenchWorkshop.header, records: records).utf8)
    }
}

let size = Size(width: 100, height: 30)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .instructions, .mallocCountTotal],
                                           maxDuration: .seconds(2), maxIterations: 1_000)
    let big = BigWorkshop.shared
    let empty: AppState = {
        var state = AppState(session: Session(header: BenchWorkshop.header), logName: "bench.md",
                             now: BenchWorkshop.started)
        _ = reduce(&state, .paste("/next"))
        _ = reduce(&state, .key(.enter))
        return state
    }()

    Benchmark("reduce: one typed key, 5,000 contributions") { benchmark in
        var state = big.state
        for _ in benchmark.scaledIterations {
            blackHole(reduce(&state, .key(.character("e"))))
            blackHole(reduce(&state, .key(.backspace)))
        }
    }

    Benchmark("reduce: Enter submits a contribution, 5,000 before it") { benchmark in
        var state = big.state
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            _ = reduce(&state, .paste("One more thing"))
            blackHole(reduce(&state, .key(.enter)))
        }
    }

    Benchmark("render: 100×30 frame, empty session") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(render(empty, size: size, theme: .dark))
        }
    }

    Benchmark("render: 100×30 frame, 5,000 contributions") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(render(big.state, size: size, theme: .dark))
        }
    }

    Benchmark("renderer: one typed key, 5,000 contributions (the input box alone)") { benchmark in
        var renderer = Renderer()
        var state = big.state
        _ = renderer.render(state, size: size, theme: .dark)
        for _ in benchmark.scaledIterations {
            _ = reduce(&state, .key(.character("e")))
            blackHole(renderer.render(state, size: size, theme: .dark))
            _ = reduce(&state, .key(.backspace))
            blackHole(renderer.render(state, size: size, theme: .dark))
        }
    }

    // A paste grows linearly with its length: 16k pieces should cost about 8 times 2k.
    for pieces in [2_000, 16_000] {
        let scalars = Array(("\u{1B}[200~" + String(repeating: "abcdefgh\u{1B}[20", count: pieces) + "\u{1B}[201~").unicodeScalars)
        Benchmark("input: a paste of \(pieces) pieces with false end markers", configuration: .init(maxIterations: 50)) { benchmark in
            for _ in benchmark.scaledIterations {
                var decoder = InputDecoder()
                for scalar in scalars { blackHole(decoder.feed(.character(scalar))) }
            }
        }
    }

    Benchmark("log: encode 5,000 contributions", configuration: .init(maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(LogFormat.encode(BenchWorkshop.header, records: big.records))
        }
    }

    Benchmark("log: decode 5,000 contributions", configuration: .init(maxIterations: 20)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try LogFormat.decode(bytes: big.log))
        }
    }

    Benchmark("log: replay 5,000 contributions into a session", configuration: .init(maxIterations: 20)) { benchmark in
        let contents = try LogFormat.decode(bytes: big.log)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(contents.session)
        }
    }

    for format in ExportFormat.allCases {
        Benchmark("export: \(format.rawValue), 5,000 contributions", configuration: .init(maxIterations: 20)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(format.render(Report(big.state.session)))
            }
        }
    }
}
