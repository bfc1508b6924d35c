import Foundation

extension Scene {
    /// The scene as a standalone SVG document (UTF-8 text, valid XML).
    ///
    /// Rectangles are drawn with crisp edges, lines as polylines with the same width, joins and dash
    /// pattern as the PNG, text in a monospace font sized so that its advance matches the bitmap font
    /// (so labels take the same room), and images as embedded PNGs scaled with pixelated rendering.
    public func svg() -> String {
        let clips = uniqueClips()
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" \
            width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)">
            <style>text{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;white-space:pre}</style>

            """
        if !clips.isEmpty {
            out += "<defs>\n"
            for (index, clip) in clips.enumerated() {
                out += "<clipPath id=\"clip\(index)\">\(svgRect(clip, fill: nil))</clipPath>\n"
            }
            out += "</defs>\n"
        }
        out += svgRect(Rect(x: 0, y: 0, width: Double(width), height: Double(height)), fill: background) + "\n"
        for item in items {
            out += svgElement(item, clips: clips) + "\n"
        }
        return out + "</svg>\n"
    }

    /// The distinct clip rectangles of the scene's lines, in order of first use.
    private func uniqueClips() -> [Rect] {
        var clips: [Rect] = []
        for case let .line(_, _, _, _, clip?) in items where !clips.contains(clip) {
            clips.append(clip)
        }
        return clips
    }

    private func svgElement(_ item: Item, clips: [Rect]) -> String {
        switch item {
        case let .rectangle(rect, fill):
            return svgRect(rect, fill: fill)
        case let .line(points, color, width, style, clip):
            let coordinates = points.map { "\(svgNumber($0.x)),\(svgNumber($0.y))" }.joined(separator: " ")
            var element = "<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(color.hexString)\" "
                + "stroke-width=\"\(svgNumber(width))\" stroke-linejoin=\"round\""
            let pattern = style.dashPattern(width: width)
            if !pattern.isEmpty {
                element += " stroke-dasharray=\"\(pattern.map(svgNumber).joined(separator: " "))\""
            }
            if let clip, let index = clips.firstIndex(of: clip) {
                element += " clip-path=\"url(#clip\(index))\""
            }
            return element + "/>"
        case let .text(text, position, scale, color, anchor, rotated):
            let baseline = position.y + Double(BitmapFont.capHeight * scale)
            let anchorName = switch anchor {
            case .start: "start"
            case .middle: "middle"
            case .end: "end"
            }
            var element = "<text x=\"\(svgNumber(position.x))\" y=\"\(svgNumber(baseline))\" "
                + "font-size=\"\(BitmapFont.advance * scale * 10 / 6)\" fill=\"\(color.hexString)\" text-anchor=\"\(anchorName)\""
            if rotated {
                element += " transform=\"rotate(-90 \(svgNumber(position.x)) \(svgNumber(position.y)))\""
            }
            return element + ">\(escapedForXML(text))</text>"
        case let .image(image, frame):
            var pixels = Raster(width: image.width, height: image.height)
            pixels.draw(image, in: Rect(x: 0, y: 0, width: Double(image.width), height: Double(image.height)))
            let encoded = Data(PNG.encode(pixels)).base64EncodedString()
            return "<image x=\"\(svgNumber(frame.x))\" y=\"\(svgNumber(frame.y))\" width=\"\(svgNumber(frame.width))\" "
                + "height=\"\(svgNumber(frame.height))\" preserveAspectRatio=\"none\" image-rendering=\"optimizeSpeed\" "
                + "style=\"image-rendering:pixelated\" xlink:href=\"data:image/png;base64,\(encoded)\"/>"
        }
    }

    private func svgRect(_ rect: Rect, fill: Color?) -> String {
        var element = "<rect x=\"\(svgNumber(rect.x))\" y=\"\(svgNumber(rect.y))\" "
            + "width=\"\(svgNumber(rect.width))\" height=\"\(svgNumber(rect.height))\""
        if let fill { element += " fill=\"\(fill.hexString)\" shape-rendering=\"crispEdges\"" }
        return element + "/>"
    }
}

/// `value` rounded to two decimals, without a trailing `.0` (SVG coordinates).
func svgNumber(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    return String(rounded)
}

/// `text` made safe for XML character data and attribute values: the five special characters are
/// escaped and control characters that XML 1.0 forbids are dropped.
func escapedForXML(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&apos;"
        case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
        case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return escaped
}
