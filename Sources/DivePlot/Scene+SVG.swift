import Foundation

extension Scene {
    /// The scene as a standalone SVG document (UTF-8 text, valid XML).
    ///
    /// Text stays text, in DejaVu Sans (as matplotlib's `svg.fonttype = "none"`), so it can be
    /// searched and selected; lines, markers and rectangles are drawn as in the PNG; images are
    /// embedded as PNGs. Clip-path ids start with `idPrefix`, so several figures can be inlined
    /// in one HTML page.
    public func svg(idPrefix: String = "") -> String {
        let clips = uniqueClips()
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" \
            width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)">
            <style>text{font-family:'\(Font.family)','Bitstream Vera Sans',Verdana,sans-serif;white-space:pre}</style>

            """
        if !clips.isEmpty {
            out += "<defs>\n"
            for (index, clip) in clips.enumerated() {
                out += "<clipPath id=\"\(idPrefix)clip\(index)\">\(svgRect(clip, fill: background))</clipPath>\n"
            }
            out += "</defs>\n"
        }
        out += svgRect(Rect(x: 0, y: 0, width: Double(width), height: Double(height)), fill: background) + "\n"
        for item in items {
            out += svgElement(item, clips: clips, idPrefix: idPrefix) + "\n"
        }
        return out + "</svg>\n"
    }

    /// The distinct clip rectangles of the scene's lines and markers, in order of first use.
    private func uniqueClips() -> [Rect] {
        var clips: [Rect] = []
        for item in items {
            switch item {
            case let .line(_, _, _, _, clip?), let .marker(_, _, _, clip?):
                if !clips.contains(clip) { clips.append(clip) }
            default: continue
            }
        }
        return clips
    }

    private func svgElement(_ item: Item, clips: [Rect], idPrefix: String) -> String {
        func clipAttribute(_ clip: Rect?) -> String {
            guard let clip, let index = clips.firstIndex(of: clip) else { return "" }
            return " clip-path=\"url(#\(idPrefix)clip\(index))\""
        }
        switch item {
        case let .rectangle(rect, fill, stroke, cornerRadius):
            var element = fill.map { svgRect(rect, fill: $0, cornerRadius: cornerRadius) } ?? ""
            if let stroke {
                let inner = Rect(x: rect.x + 0.5, y: rect.y + 0.5, width: rect.width - 1, height: rect.height - 1)
                element += svgRect(inner, fill: nil, cornerRadius: cornerRadius, stroke: stroke)
            }
            return element
        case let .line(points, color, width, style, clip):
            let coordinates = points.map { "\(svgNumber($0.x)),\(svgNumber($0.y))" }.joined(separator: " ")
            var element = "<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"\(color.hexString)\" "
                + "stroke-width=\"\(svgNumber(width))\" stroke-linejoin=\"round\""
            let pattern = style.dashPattern(width: width)
            if !pattern.isEmpty {
                element += " stroke-dasharray=\"\(pattern.map(svgNumber).joined(separator: " "))\""
            }
            return element + clipAttribute(clip) + "/>"
        case let .marker(center, radius, color, clip):
            return "<circle cx=\"\(svgNumber(center.x))\" cy=\"\(svgNumber(center.y))\" r=\"\(svgNumber(radius))\" "
                + "fill=\"\(color.hexString)\"\(clipAttribute(clip))/>"
        case let .text(text, baseline, font, color, anchor, rotated):
            let anchorName = switch anchor {
            case .start: "start"
            case .middle: "middle"
            case .end: "end"
            }
            var element = "<text x=\"\(svgNumber(baseline.x))\" y=\"\(svgNumber(baseline.y))\" "
                + "font-size=\"\(svgNumber(font.size))\" fill=\"\(color.hexString)\" text-anchor=\"\(anchorName)\""
            if font.isBold { element += " font-weight=\"bold\"" }
            if rotated {
                element += " transform=\"rotate(-90 \(svgNumber(baseline.x)) \(svgNumber(baseline.y)))\""
            }
            return element + ">\(escapedForXML(text))</text>"
        case let .image(image, frame):
            let encoded = Data(image.png()).base64EncodedString()
            return "<image x=\"\(svgNumber(frame.x))\" y=\"\(svgNumber(frame.y))\" width=\"\(svgNumber(frame.width))\" "
                + "height=\"\(svgNumber(frame.height))\" preserveAspectRatio=\"none\" "
                + "xlink:href=\"data:image/png;base64,\(encoded)\"/>"
        }
    }

    private func svgRect(_ rect: Rect, fill: Color?, cornerRadius: Double = 0, stroke: Color? = nil) -> String {
        var element = "<rect x=\"\(svgNumber(rect.x))\" y=\"\(svgNumber(rect.y))\" "
            + "width=\"\(svgNumber(rect.width))\" height=\"\(svgNumber(rect.height))\""
        if cornerRadius > 0 { element += " rx=\"\(svgNumber(cornerRadius))\"" }
        element += " fill=\"\(fill?.hexString ?? "none")\""
        if let stroke { element += " stroke=\"\(stroke.hexString)\" stroke-width=\"1\"" }
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
