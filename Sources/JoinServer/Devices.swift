import Foundation
import SensemakingCore
import Synchronization

/// A token bucket: `capacity` at once, refilled at `perSecond`. Faster than that is refused.
struct RateLimit: Sendable {
    let capacity: Double
    let perSecond: Double
    private var tokens: Double
    private var last: Double?

    init(capacity: Double, perSecond: Double) {
        self.capacity = capacity
        self.perSecond = perSecond
        tokens = capacity
    }

    /// Takes one token at time `now` (seconds, any monotonic origin), or says there is none.
    mutating func take(at now: Double) -> Bool {
        if let last { tokens = min(capacity, tokens + max(0, now - last) * perSecond) }
        last = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }

    /// A person types a sentence in more than a few seconds: five sends at once, then one every
    /// two seconds.
    static let sends = RateLimit(capacity: 5, perSecond: 0.5)
    /// Join codes typed by hand, for every device together: ten a minute, so that guessing a
    /// six-digit code takes longer than any workshop.
    static let codes = RateLimit(capacity: 10, perSecond: 10.0 / 60)
}

/// The devices that joined, by the token in their cookie, and the name each picked.
final class Devices: Sendable {
    struct Device: Sendable {
        /// What the facilitator's `/devices` and `/remove N` call it.
        var number: Int
        var name: String?
        var sends = RateLimit.sends
        /// In an anonymous session, whose placements carry no name and add up: this device
        /// has placed its dots, and may not place more.
        var placedDots = false
    }

    private struct Joined {
        var byToken: [String: Device] = [:]
        var lastNumber = 0
    }

    private let devices = Mutex(Joined())
    private let codeAttempts = Mutex(RateLimit.codes)
    let cap: Int

    init(cap: Int = 200) { self.cap = cap }

    /// A new device's token, or nil when the room is full.
    func add() -> String? {
        let token = Secrets.random128()
        return devices.withLock { joined in
            guard joined.byToken.count < cap else { return nil }
            joined.lastNumber += 1
            joined.byToken[token] = Device(number: joined.lastNumber)
            return token
        }
    }

    func device(_ token: String?) -> Device? {
        guard let token else { return nil }
        return devices.withLock { $0.byToken[token] }
    }

    func bind(_ token: String, to name: String) {
        devices.withLock { $0.byToken[token]?.name = name }
    }

    /// Forgets device `number`: its cookie joins no more. Whether there was one.
    func remove(number: Int) -> Bool {
        devices.withLock { joined in
            guard let token = joined.byToken.first(where: { $0.value.number == number })?.key else { return false }
            joined.byToken[token] = nil
            return true
        }
    }

    /// Who is connected, in the order they joined, for the facilitator.
    var connected: [ConnectedDevice] {
        devices.withLock { $0.byToken.values.map { ConnectedDevice(number: $0.number, name: $0.name) } }
            .sorted { $0.number < $1.number }
    }

    /// Whether device `token` may send at `now`.
    func allowSend(_ token: String, at now: Double) -> Bool {
        devices.withLock { $0.byToken[token]?.sends.take(at: now) ?? false }
    }

    func markPlacedDots(_ token: String) {
        devices.withLock { $0.byToken[token]?.placedDots = true }
    }

    func allowCodeAttempt(at now: Double) -> Bool {
        codeAttempts.withLock { $0.take(at: now) }
    }
}

/// The join secrets: the QR link's 130 bits, and the short code typed by hand.
public struct Secrets: Sendable, Equatable {
    /// 26 characters of base 32 (A–Z, 2–7): in capitals, so that the QR code holds the link in
    /// alphanumeric mode (`ServeAddress.joinLink`).
    public var link: String
    public var code: String

    /// Fresh secrets from the system's random source.
    public static func random() -> Secrets {
        var generator = SystemRandomNumberGenerator()
        let code = String(format: "%06d", Int.random(in: 0..<1_000_000, using: &generator))
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        let link = String((0..<26).map { _ in alphabet[Int.random(in: 0..<32, using: &generator)] })
        return Secrets(link: link, code: code)
    }

    /// 128 random bits as 32 hex digits.
    static func random128() -> String {
        var generator = SystemRandomNumberGenerator()
        return [generator.next(), generator.next()].map { (word: UInt64) in
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Compares without stopping at the first difference, so timing tells nothing.
    static func matches(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
