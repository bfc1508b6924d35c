import Foundation

/// A self-contained HTML page describing a training run: a heading and a line saying what was
/// trained on what and when, metrics, figures, the configuration and the per-epoch table. SVG
/// figures are inlined and PNGs embedded as data URLs, so the one file opens anywhere in a
/// browser with nothing beside it and makes no requests. The layout follows the window's width.
///
/// ```swift
/// var report = HTMLReport(title: "Softmax regression on Fashion-MNIST", subtitle: "Trained on 1 May 2025")
/// report.metrics = [("Test accuracy", "83.1%"), ("Train loss", "0.447")]
/// report.figures = [ReportFigure(chart, caption: "Training curves")]
/// try report.write(to: "runs/softmax/report.html")
/// ```
public struct HTMLReport: Sendable {
    /// The page heading and the browser tab's title.
    public var title: String
    /// A line under the heading (what, on what, when); empty for none.
    public var subtitle: String
    /// Final figures, in order, shown first (name and formatted value).
    public var metrics: [(name: String, value: String)]
    /// Pictures, in order, each with a caption.
    public var figures: [ReportFigure]
    /// Settings of the run, in order (name and value).
    public var configuration: [(name: String, value: String)]
    /// Per-epoch numbers; `nil` to leave the table out.
    public var table: ReportTable?

    /// A report with the given parts; each may be left empty.
    public init(title: String, subtitle: String = "", metrics: [(name: String, value: String)] = [],
                figures: [ReportFigure] = [], configuration: [(name: String, value: String)] = [],
                table: ReportTable? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.metrics = metrics
        self.figures = figures
        self.configuration = configuration
        self.table = table
    }

    /// The page as HTML5 text. Every piece of text is escaped; empty sections are left out.
    public func html() -> String {
        var body = "<h1>\(escapedForXML(title))</h1>\n"
        if !subtitle.isEmpty { body += "<p class=\"subtitle\">\(escapedForXML(subtitle))</p>\n" }
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
                body += "<figure>\(figure.html)"
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
            body += "<section id=\"history\"><h2>Per epoch</h2>\n<div class=\"table\"><table class=\"history\">\n<tr>"
            body += table.columns.map { "<th>\(escapedForXML($0))</th>" }.joined() + "</tr>\n"
            for row in table.rows {
                body += "<tr>" + row.map { "<td>\(escapedForXML($0))</td>" }.joined() + "</tr>\n"
            }
            body += "</table></div></section>\n"
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
        body{font-family:'DejaVu Sans',system-ui,sans-serif;margin:1.5em auto;max-width:62em;padding:0 1em;\
        color:#262626;line-height:1.45}\
        h1{margin-bottom:.2em}.subtitle{color:#595959;margin-top:0}\
        h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}\
        .metrics{display:grid;grid-template-columns:repeat(auto-fit,minmax(9em,1fr));gap:.8em}\
        .metric{border:1px solid #ddd;border-radius:.4em;padding:.6em 1em}\
        .metric .value{font-size:1.6em;font-weight:600;font-variant-numeric:tabular-nums}.metric .name{color:#595959}\
        figure{margin:1em 0}figure svg,figure img{display:block;width:100%;height:auto}figcaption{color:#595959}\
        .table{overflow-x:auto}table{border-collapse:collapse}\
        th,td{padding:.25em .8em;border-bottom:1px solid #eee;text-align:left}\
        table.history td,table.history th{text-align:right;font-variant-numeric:tabular-nums}
        """
}

/// A picture in a report, with a caption: SVG text (inlined, sharp at any size) or PNG bytes.
public struct ReportFigure: Hashable, Sendable {
    /// The picture's file contents.
    public enum Content: Hashable, Sendable {
        /// A PNG file.
        case png([UInt8])
        /// An SVG document; its ids must not clash with other inlined SVGs of the page.
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

    /// A picture of `figure` as SVG, its ids prefixed with `id` so that several figures can share
    /// a page.
    public init(_ figure: some Figure, caption: String, id: String) {
        self.init(.svg(figure.scene().svg(idPrefix: id + "-")), caption: caption)
    }

    /// The picture as an HTML element: the SVG inlined (without its XML declaration), or an
    /// `<img>` with a `data:` URL for a PNG.
    var html: String {
        switch content {
        case let .png(bytes):
            "<img src=\"data:image/png;base64,\(Data(bytes).base64EncodedString())\" alt=\"\(escapedForXML(caption))\">"
        case let .svg(text):
            "<svg role=\"img\" aria-label=\"\(escapedForXML(caption))\""
                + (text.range(of: "<svg").map { String(text[$0.upperBound...]) } ?? text)
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
