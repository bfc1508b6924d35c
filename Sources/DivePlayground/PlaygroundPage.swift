/// The page's files, compiled into the binary from `Page/` (SwiftPM's `embedInCode`): nothing
/// is read from disk at run time, and no request names a file.
enum PlaygroundPage {
    /// `Page/index.html`.
    static let html = PackageResources.index_html
    /// `Page/playground.js`.
    static let script = PackageResources.playground_js
    /// `Page/playground.css`.
    static let style = PackageResources.playground_css
}
