/// The styles of the screen. Every role has a weight, reverse video or underline, so
/// nothing depends on colour alone. Three weights make the hierarchy the eye follows: bold
/// for the stage, its question and the turn; plain for what people said; faint (`dim`,
/// `meta`) for numbers, tags, rules and hints.
enum Styles {
    static let header = Style(.header, reverse: true)
    static let headerBold = Style(.header, bold: true, reverse: true)
    /// Overtime: a bold hole in the reversed header bar.
    static let overtime = Style(.error, bold: true)
    static let stageName = Style(.title, bold: true, underline: true)
    static let question = Style(.title, bold: true)
    static let dim = Style(.dim, faint: true)
    /// A contribution's number and tags on the stream: there, but behind the words.
    static let meta = Style(.dim, faint: true)
    /// A number the room types back (`/dots 2`, `/mark 3`): a handle, so it stands out.
    static let number = Style(.accent, bold: true)
    static let author = Style(.normal, bold: true)
    static let text = Style.plain
    static let label = Style(.accent, bold: true)
    static let banner = Style(.banner, reverse: true)
    static let bannerBold = Style(.banner, bold: true, reverse: true)
    static let prompt = Style(.accent, bold: true)
    static let input = Style(.input)
    static let error = Style(.error, bold: true)
    static let errorBand = Style(.error, bold: true, reverse: true)
    static let ok = Style(.ok, bold: true)
    static let emphasis = Style(.normal, bold: true)
    static let selected = Style(.selected, bold: true)
}
