import _DiveCairo

/// A size and weight of DejaVu Sans, the typeface of every figure (matplotlib's default), found
/// through fontconfig. Widths and heights come from the font itself, so layouts leave text the
/// room it takes.
public struct Font: Hashable, Sendable {
    /// The family name written into SVG and asked of fontconfig.
    public static let family = "DejaVu Sans"
    /// Height of the em square in pixels (1/100 inch).
    public var size: Double
    /// Whether the bold face is used.
    public var isBold: Bool

    /// DejaVu Sans at `size` pixels, regular or bold.
    public init(size: Double, isBold: Bool = false) {
        self.size = size
        self.isBold = isBold
    }

    /// Tick labels, axis labels and legends: matplotlib's 10 points at 100 dpi.
    public static let body = Font(size: 13.9)
    /// Figure titles: matplotlib's 12 points at 100 dpi.
    public static let title = Font(size: 16.7)

    /// The advance width of `text` set in this font, in pixels.
    public func width(of text: String) -> Double {
        measuring { context in
            var extents = cairo_text_extents_t()
            cairo_text_extents(context, text, &extents)
            return extents.x_advance
        }
    }

    /// Distance from the baseline up to the top of the tallest glyphs, in pixels.
    public var ascent: Double { fontExtents.ascent }
    /// Distance from the baseline down to the bottom of the lowest glyphs, in pixels.
    public var descent: Double { fontExtents.descent }
    /// Height of a capital letter or digit above the baseline (DejaVu Sans: 0.729 em).
    public var capHeight: Double { size * 0.729 }
    /// Space from one line's baseline to the next.
    public var lineHeight: Double { (ascent + descent) * 1.1 }

    private var fontExtents: cairo_font_extents_t {
        measuring { context in
            var extents = cairo_font_extents_t()
            cairo_font_extents(context, &extents)
            return extents
        }
    }

    /// Runs `body` with a scratch cairo context set to this font (metrics unhinted, so that
    /// they scale exactly with the size, as the drawing does at any density).
    private func measuring<T>(_ body: (OpaquePointer) -> T) -> T {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)
        let context = cairo_create(surface)!
        defer {
            cairo_destroy(context)
            cairo_surface_destroy(surface)
        }
        select(in: context)
        return body(context)
    }

    /// Makes this font the current one of `context`.
    func select(in context: OpaquePointer) {
        cairo_select_font_face(context, Self.family, CAIRO_FONT_SLANT_NORMAL,
                               isBold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }
}
