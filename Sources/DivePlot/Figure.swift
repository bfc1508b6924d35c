import Foundation

/// Something that can be drawn: a line chart, an image grid. Both output formats come from one scene.
public protocol Figure: Sendable {
    /// The figure laid out in pixels; `svg()`, `png()` and `pdf()` all draw this.
    func scene() -> Scene
}

extension Figure {
    /// The figure as an SVG document.
    public func svg() -> String { scene().svg() }

    /// The figure as PNG file bytes (8-bit RGB, twice the figure's pixel size).
    public func png() -> [UInt8] { scene().png() }

    /// The figure as PDF file bytes.
    public func pdf() -> [UInt8] { scene().pdf() }

    /// Writes the figure to `path` as SVG, PNG or PDF, chosen by the extension (`.svg`, `.png` or
    /// `.pdf`, in any case).
    ///
    /// - Throws: `PlotError.unsupportedFormat` for any other extension, `PlotError.writeFailed`
    ///   when the file cannot be written.
    public func write(to path: String) throws(PlotError) {
        let bytes: [UInt8] = switch (path as NSString).pathExtension.lowercased() {
        case "svg": Array(svg().utf8)
        case "png": png()
        case "pdf": pdf()
        default: throw PlotError.unsupportedFormat(path: path)
        }
        try writeFile(bytes, to: path)
    }
}

/// Writes `bytes` to `path`, replacing any existing file.
func writeFile(_ bytes: [UInt8], to path: String) throws(PlotError) {
    do {
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw PlotError.writeFailed(path: path, reason: error.localizedDescription)
    }
}

/// Why a figure or report could not be written.
public enum PlotError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file name ends in something other than `.svg`, `.png` or `.pdf` (or `.html` for reports).
    case unsupportedFormat(path: String)
    /// The operating system refused to write the file.
    case writeFailed(path: String, reason: String)

    /// A message naming the file and what to do.
    public var description: String {
        switch self {
        case let .unsupportedFormat(path):
            "\(path): unknown picture format; name the file with .svg, .png or .pdf"
        case let .writeFailed(path, reason):
            "\(path): cannot write the file (\(reason)); check that the folder exists and is writable"
        }
    }
}
