import Foundation

/// A self-contained HTML page describing a training run: metrics first, then figures, the
/// configuration and the per-epoch table. Figures are embedded as base64 data URLs, so the one
/// file opens anywhere in a browser with nothing beside it.
///
/// ```swift
/// var report = HTMLReport(title: "softmax regression on Fashion-MNIST")
/// report.metrics = [("test_acc", "0.8312"), ("train_loss", "0.4471")]
/// report.figures = [ReportFigure(chart, caption: "Training curves")]
/// try report.write(to: "runs/softmax/report.html")
/// ```
public struct HTMLReport: Sendable {
    /// The page heading and the browser tab's title.
    public var title: String
    /// Final figures, in order, shown first (name and formatted value).
    public var metrics: [(name: String, value: String)]
    /// Pictures, in order, each with a caption.
    public var figures: [ReportFigure]
    /// Settings of the run, in order (name and value).
    public var configuration: [(name: String, value: String)]
    /// Per-epoch numbers; `nil` to leave the table out.
    public var table: ReportTable?

    /// A report with the given parts; each may be left empty.
    public init(title: String, metrics: [(name: String, value: String)] = [], figures: [ReportFigure] = [],
                configuration: [(name: String, value: String)] = [], table: ReportTable? = nil) {
        self.title = title
        self.metrics = metrics
        self.figures = figures
        self.configuration = configuration
        self.table = table
    }

    /// The page as HTML5 text. Every piece of text is escaped; empty sections are left out.
    public func html() -> String {
        var body = "<h1>\(escapedForXML(title))</h1>\n"
        if !metrics.isEmpty {
            body += "<section id=\"metrics\"><h2>Metrics</h2>\n<div class=\"metrics\">\n"
            for (name, value) in metrics {
                body += "<div class=\"metric\"><div class=\"value\">\(escapedForXML(value))</div>"
                    + "<div class=\"name\">\(escapedForXML(name))</div></div>\n"
            }
            body += "</div></section>\n"
        }
        if !figures.isEmpty {
            body += "<section id=\"figures\"><h2>Figures</h2>\n"
            for figure in figures {
                body += "<figure><img src=\"\(figure.dataURL)\" alt=\"\(escapedForXML(figure.caption))\">"
                    + "<figcaption>\(escapedForXML(figure.caption))</figcaption></figure>\n"
            }
            body += "</section>\n"
        }
        if !configuration.isEmpty {
            body += "<section id=\"configuration\"><h2>Configuration</h2>\n<table>\n"
            for (name, value) in configuration {
                body += "<tr><th>\(escapedForXML(name))</th><td>\(escapedForXML(value))</td></tr>\n"
            }
            body += "</table></section>\n"
        }
        if let table {
            body += "<section id=\"history\"><h2>Per epoch</h2>\n<table class=\"history\">\n<tr>"
            body += table.columns.map { "<th>\(escapedForXML($0))</th>" }.joined() + "</tr>\n"
            for row in table.rows {
                body += "<tr>" + row.map { "<td>\(escapedForXML($0))</td>" }.joined() + "</tr>\n"
            }
            body += "</table></section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escapedForXML(title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// Writes the page to `path` (UTF-8), replacing any existing file.
    ///
    /// - Throws: `PlotError.writeFailed` when the file cannot be written.
    public func write(to path: String) throws(PlotError) {
        try writeFile(Array(html().utf8), to: path)
    }

    private static let style = """
        body{font-family:system-ui,sans-serif;margin:2em auto;max-width:60em;padding:0 1em;color:#262626}\
        h2{border-bottom:1px solid #ddd;padding-bottom:.2em}\
        .metrics{display:flex;flex-wrap:wrap;gap:1em}\
        .metric{border:1px solid #ddd;border-radius:.4em;padding:.6em 1em;min-width:8em}\
        .metric .value{font-size:1.6em;font-weight:600}.metric .name{color:#666}\
        figure{margin:1em 0}img{max-width:100%;height:auto}figcaption{color:#666}\
        table{border-collapse:collapse}th,td{padding:.25em .8em;border-bottom:1px solid #eee;text-align:left}\
        table.history td{text-align:right;font-variant-numeric:tabular-nums}
        """
}

/// A picture in a report: PNG bytes or SVG text, with a caption.
public struct ReportFigure: Hashable, Sendable {
    /// The picture's file contents.
    public enum Content: Hashable, Sendable {
        /// A PNG file.
        case png([UInt8])
        /// An SVG document.
        case svg(String)
    }

    /// The picture.
    public var content: Content
    /// Text under the picture, also its alternative text.
    public var caption: String

    /// A picture from file contents.
    public init(_ content: Content, caption: String) {
        self.content = content
        self.caption = caption
    }

    /// A picture of `figure`, as SVG (small and sharp at any zoom) unless `png` is asked for.
    public init(_ figure: some Figure, caption: String, asPNG: Bool = false) {
        self.init(asPNG ? .png(figure.png()) : .svg(figure.svg()), caption: caption)
    }

    /// The picture as a `data:` URL, usable as an `<img>` source.
    public var dataURL: String {
        switch content {
        case let .png(bytes): "data:image/png;base64," + Data(bytes).base64EncodedString()
        case let .svg(text): "data:image/svg+xml;base64," + Data(text.utf8).base64EncodedString()
        }
    }
}

/// A table of strings: column names and rows (such as one row per epoch).
public struct ReportTable: Hashable, Sendable {
    /// The header cells.
    public var columns: [String]
    /// The body rows; each should have one cell per column.
    public var rows: [[String]]

    /// A table with the given header and rows.
    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }
}
