import _DiveCairo
import Foundation
import Testing

/// An HTML file as headless Chromium shows it: a screenshot and the text a reader sees.
struct RenderedPage {
    /// The fraction of screenshot pixels that are not white.
    let inkedFraction: Double
    /// The page's visible text: the HTML without its tags, styles and figures' markup.
    let text: String

    enum Failure: Error { case noBrowser, screenshotFailed(String) }

    init(_ file: URL) throws {
        let browser = try Self.browser()
        let shot = FileManager.default.temporaryDirectory.appendingPathComponent("dive-shot-\(UUID().uuidString).png")
        defer { try? FileManager.default.removeItem(at: shot) }
        let result = try runProcess(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                              "--window-size=1000,1400", "--screenshot=\(shot.path)", file.absoluteString])
        guard result.status == 0, FileManager.default.fileExists(atPath: shot.path) else {
            throw Failure.screenshotFailed(result.standardError)
        }
        let surface = cairo_image_surface_create_from_png(shot.path)!
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw Failure.screenshotFailed("not a PNG") }
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)), data = cairo_image_surface_get_data(surface)!
        var inked = 0
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            inked += (0..<width).count { row[$0] & 0xFFFFFF != 0xFFFFFF }
        }
        inkedFraction = Double(inked) / Double(max(width * height, 1))
        text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "<style>[^<]*</style>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
    }

    /// Chromium from the PATH (`make test` installs Debian's `chromium`).
    private static func browser() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for folder in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        throw Failure.noBrowser
    }
}
