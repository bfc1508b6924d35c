import _DiveCairo

// The one place that turns a scene into cairo calls: swapping the drawing library means
// rewriting this file (and Font's measuring), not the figures.

extension Scene {
    /// The scene as a PNG file (8-bit RGB) at twice its pixel size, for sharp text on dense screens.
    public func png() -> [UInt8] {
        let density = 2
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width * density), Int32(height * density))!
        defer { cairo_surface_destroy(surface) }
        draw(on: surface, scale: Double(density))
        return collectingBytes { write, sink in _ = cairo_surface_write_to_png_stream(surface, write, sink) }
    }

    /// The scene as a one-page PDF file, with text as text; a pixel is 1/100 inch.
    public func pdf() -> [UInt8] {
        let pointsPerPixel = 0.72
        return collectingBytes { write, sink in
            let surface = cairo_pdf_surface_create_for_stream(write, sink, Double(width) * pointsPerPixel,
                                                               Double(height) * pointsPerPixel)!
            draw(on: surface, scale: pointsPerPixel)
            cairo_surface_finish(surface)
            cairo_surface_destroy(surface)
        }
    }

    /// Paints the background and every item onto `surface`, scaling scene pixels by `scale`.
    private func draw(on surface: OpaquePointer, scale: Double) {
        let context = cairo_create(surface)!
        defer { cairo_destroy(context) }
        cairo_scale(context, scale, scale)
        setColor(background, in: context)
        cairo_paint(context)
        for item in items {
            cairo_save(context)
            draw(item, in: context)
            cairo_restore(context)
        }
        cairo_surface_flush(surface)
    }

    private func draw(_ item: Item, in context: OpaquePointer) {
        switch item {
        case let .rectangle(rect, fill, stroke, cornerRadius):
            if let fill {
                addRectangle(rect, cornerRadius: cornerRadius, to: context)
                setColor(fill, in: context)
                cairo_fill(context)
            }
            if let stroke {
                let inner = Rect(x: rect.x + 0.5, y: rect.y + 0.5, width: rect.width - 1, height: rect.height - 1)
                addRectangle(inner, cornerRadius: cornerRadius, to: context)
                setColor(stroke, in: context)
                cairo_set_line_width(context, 1)
                cairo_stroke(context)
            }
        case let .line(points, color, width, style, clip):
            guard let first = points.first else { return }
            if let clip { clipTo(clip, in: context) }
            cairo_move_to(context, first.x, first.y)
            for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
            let pattern = style.dashPattern(width: width)
            cairo_set_dash(context, pattern, Int32(pattern.count), 0)
            cairo_set_line_width(context, width)
            cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
            cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
            setColor(color, in: context)
            cairo_stroke(context)
        case let .marker(center, radius, color, clip):
            if let clip { clipTo(clip, in: context) }
            cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
            setColor(color, in: context)
            cairo_fill(context)
        case let .text(text, baseline, font, color, anchor, rotated):
            font.select(in: context)
            cairo_translate(context, baseline.x, baseline.y)
            if rotated { cairo_rotate(context, -Double.pi / 2) }
            let shift = switch anchor {
            case .start: 0.0
            case .middle: -font.width(of: text) / 2
            case .end: -font.width(of: text)
            }
            cairo_move_to(context, shift, 0)
            setColor(color, in: context)
            cairo_show_text(context, text)
        case let .image(image, frame):
            let source = imageSurface(image)
            defer { cairo_surface_destroy(source) }
            cairo_rectangle(context, frame.x, frame.y, frame.width, frame.height)
            cairo_clip(context)
            cairo_translate(context, frame.x, frame.y)
            cairo_scale(context, frame.width / Double(image.width), frame.height / Double(image.height))
            cairo_set_source_surface(context, source, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD)
            cairo_pattern_set_extend(cairo_get_source(context), CAIRO_EXTEND_PAD)
            cairo_paint(context)
        }
    }

    private func setColor(_ color: Color, in context: OpaquePointer) {
        cairo_set_source_rgb(context, Double(color.red) / 255, Double(color.green) / 255, Double(color.blue) / 255)
    }

    private func clipTo(_ rect: Rect, in context: OpaquePointer) {
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
    }

    private func addRectangle(_ rect: Rect, cornerRadius: Double, to context: OpaquePointer) {
        let radius = min(cornerRadius, rect.width / 2, rect.height / 2)
        guard radius > 0 else { return cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height) }
        let halfPi = Double.pi / 2
        cairo_new_sub_path(context)
        cairo_arc(context, rect.maxX - radius, rect.y + radius, radius, -halfPi, 0)
        cairo_arc(context, rect.maxX - radius, rect.maxY - radius, radius, 0, halfPi)
        cairo_arc(context, rect.x + radius, rect.maxY - radius, radius, halfPi, 2 * halfPi)
        cairo_arc(context, rect.x + radius, rect.y + radius, radius, 2 * halfPi, 3 * halfPi)
        cairo_close_path(context)
    }
}

/// `image` as a cairo surface of its own size (the caller destroys it).
private func imageSurface(_ image: GrayscaleImage) -> OpaquePointer {
    let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(image.width), Int32(image.height))!
    cairo_surface_flush(surface)
    let stride = Int(cairo_image_surface_get_stride(surface))
    let data = cairo_image_surface_get_data(surface)!
    for y in 0..<image.height {
        let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
        for x in 0..<image.width {
            let byte = UInt32(Color(gray: image[x, y]).red)
            row[x] = byte << 16 | byte << 8 | byte
        }
    }
    cairo_surface_mark_dirty(surface)
    return surface
}

extension GrayscaleImage {
    /// The image as a PNG file of its own size (8-bit RGB), as SVG embeds it.
    func png() -> [UInt8] {
        let surface = imageSurface(self)
        defer { cairo_surface_destroy(surface) }
        return collectingBytes { write, sink in _ = cairo_surface_write_to_png_stream(surface, write, sink) }
    }
}

/// The bytes cairo writes through the stream callback that `body` passes on (with its closure
/// argument) to one of cairo's `*_stream` functions.
private func collectingBytes(_ body: (cairo_write_func_t, UnsafeMutableRawPointer) -> Void) -> [UInt8] {
    let sink = ByteSink()
    let write: cairo_write_func_t = { closure, data, length in
        let sink = Unmanaged<ByteSink>.fromOpaque(closure!).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }
    withExtendedLifetime(sink) { body(write, Unmanaged.passUnretained(sink).toOpaque()) }
    return sink.bytes
}

/// Where `collectingBytes` gathers a stream's bytes.
private final class ByteSink {
    var bytes: [UInt8] = []
}
