import Foundation
import Synchronization

/// Hands each value published to every stream watching, keeping only the newest for a slow
/// reader: the devices' and the presenter page's wake-ups (`JoinHub`, `PresenterHub`).
final class Broadcast<Value: Sendable>: Sendable {
    private struct Watchers {
        var closed = false
        var next = 0
        var streams: [Int: AsyncStream<Value>.Continuation] = [:]
    }

    private let watchers = Mutex(Watchers())

    /// `first()`, read once the stream is registered so no value yielded meanwhile is missed,
    /// then each value yielded, until `close`.
    func subscribe(first: () -> Value) -> AsyncStream<Value> {
        let (stream, continuation) = AsyncStream.makeStream(of: Value.self, bufferingPolicy: .bufferingNewest(1))
        let id: Int? = watchers.withLock { watchers in
            guard !watchers.closed else { return nil }
            defer { watchers.next += 1 }
            watchers.streams[watchers.next] = continuation
            return watchers.next
        }
        continuation.yield(first())
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.watchers.withLock { $0.streams.removeValue(forKey: id) }
        }
        return stream
    }

    func yield(_ value: Value) {
        for stream in watchers.withLock({ Array($0.streams.values) }) { stream.yield(value) }
    }

    /// Ends every stream; later subscribers get their first value and the end.
    func close() {
        let streams = watchers.withLock { watchers in
            watchers.closed = true
            defer { watchers.streams = [:] }
            return Array(watchers.streams.values)
        }
        for stream in streams { stream.finish() }
    }

    /// The first value of `stream` that `answer` makes something of, or nil when the stream
    /// ends or `timeout` passes first.
    static func first<T: Sendable>(in stream: AsyncStream<Value>, timeout: Duration,
                                   _ answer: @escaping @Sendable (Value) -> T?) async -> T? {
        await withTaskGroup(of: T?.self) { group in
            group.addTask {
                for await value in stream {
                    if let found = answer(value) { return found }
                }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
