import Hummingbird
import NIOCore

extension JoinServer {
    /// Server-Sent Events: `render()` now, then again on each of `updates`, and a comment when
    /// nothing changed for a `heartbeat` (a phone's browser, a Wi-Fi access point or a proxy
    /// drops a silent connection, and a write to a client that went away fails, which ends the
    /// stream here). The stream ends when `render` returns nil (the client may no longer
    /// listen) or `updates` end. EventSource reconnects by itself after `retry` milliseconds.
    static func eventStream<T: Sendable>(_ updates: AsyncStream<T>, heartbeat: Duration,
                                         render: @escaping @Sendable () -> String?) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // A wake is a change or a beat; either way the view is made from the state now, so
            // a wake dropped for a newer one loses nothing.
            let (wakes, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
            let forward = Task {
                for await _ in updates { wake.yield() }
                wake.finish()
            }
            let beat = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: heartbeat)
                    wake.yield()
                }
            }
            defer {
                forward.cancel()
                beat.cancel()
            }
            try await writer.write(ByteBuffer(string: "retry: 3000\n\n"))
            var last = ""
            for await _ in wakes {
                guard let view = render() else { break }
                try await writer.write(ByteBuffer(string: event(view, last: last)))
                last = view
            }
            try await writer.finish(nil)
        })
    }

    /// What an event stream writes on a wake: the view when it changed, else a comment that
    /// keeps the connection alive.
    static func event(_ view: String, last: String) -> String {
        view == last ? ":\n\n" : "data: \(view)\n\n"
    }
}
