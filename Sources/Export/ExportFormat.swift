import Foundation
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

    /// The zone a report says times in: `name` (`--timezone`), else TZ, else the system's;
    /// nil for a name that is not a zone. TZ may say ":Europe/London".
    public static func zone(named name: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> TimeZone? {
        guard let name = name ?? environment["TZ"].flatMap({ $0.isEmpty ? nil : $0 }) else { return TimeZone.current }
        return TimeZone(identifier: name.hasPrefix(":") ? String(name.dropFirst()) : name)
    }
}
