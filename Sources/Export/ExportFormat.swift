import SensemakingCore

public enum ExportFormat: String, CaseIterable, Sendable {
    case markdown, html, json

    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .html: "html"
        case .json: "json"
        }
    }

    public func render(_ report: Report) -> String {
        switch self {
        case .markdown: MarkdownReport.render(report)
        case .html: HTMLReport.render(report)
        case .json: JSONReport.render(report)
        }
    }

    /// Where `/export` writes: beside the log, named after it.
    public static func besideLog(_ logPath: String, format: ExportFormat = .markdown) -> String {
        let base = logPath.hasSuffix(".md") ? String(logPath.dropLast(3)) : logPath
        return base + "-report." + format.fileExtension
    }
}
