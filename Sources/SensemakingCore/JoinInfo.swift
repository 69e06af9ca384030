/// How devices join, for the Welcome screen and `/qr`: made once by the front end when it
/// serves (`--serve`), never journaled.
public struct JoinInfo: Equatable, Sendable {
    /// The address a device opens, "http://192.168.1.5:8765/".
    public var address: String
    /// The short code typed by hand.
    public var code: String
    /// The QR code of the join link as half-block lines: ink on a dark background, and ink
    /// on a light one (the view picks by theme).
    public var qrOnDark: [String]
    public var qrOnLight: [String]

    public init(address: String, code: String, qrOnDark: [String], qrOnLight: [String]) {
        self.address = address
        self.code = code
        self.qrOnDark = qrOnDark
        self.qrOnLight = qrOnLight
    }
}
