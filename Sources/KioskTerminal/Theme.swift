import KioskCore
import KioskView

/// How roles look on a terminal. Colour only ever adds to what text and attributes already
/// say: a choice is marked by an arrow and reverse video, an advisory by its words.
public enum Theme: String, CaseIterable, Sendable {
    /// The terminal's own foreground and background, a few colours for headings and warnings.
    case standard = "default"
    /// White on black in the terminal's palette, never its default colours and never dim, so
    /// that the contrast is 7:1 or better whatever the terminal's own colours are (WCAG AAA).
    case highContrast = "high-contrast"
    /// No colour: attributes only.
    case mono

    /// `NO_COLOR` (https://no-color.org) set to anything selects mono, unless a theme is asked
    /// for on the command line, which no-color.org lets override it.
    public static func choose(_ requested: Theme?, environment: [String: String]) -> Theme {
        if let requested { return requested }
        if let value = environment["NO_COLOR"], !value.isEmpty { return .mono }
        return .standard
    }

    /// The high-contrast colours for a terminal with `colors` colours, as palette numbers. With
    /// 256, the colour cube's fixed #FFFFFF on #000000 (21:1); with 16, bright white on black;
    /// with 8 (the Linux console), white on black, #AAAAAA on #000000 there (9.0:1). Each is
    /// checked against common palettes in ThemeContrastTests.
    public static func highContrastColors(colors: Int) -> (foreground: Int, background: Int)? {
        if colors >= 256 { return (231, 16) }
        if colors >= 16 { return (15, 0) }
        if colors >= 8 { return (7, 0) }
        return nil
    }

    /// How a cell of `style` looks in this theme, on a terminal with `colors` colours.
    public func look(_ style: CellStyle, colors: Int) -> Look {
        var look = baseLook(style.role, colors: colors)
        // The choice is in reverse video in every theme, besides the arrow the view draws.
        if style.highlighted { look.reverse = true }
        return look
    }

    private func baseLook(_ role: Role, colors: Int) -> Look {
        switch self {
        case .highContrast:
            let pair = Self.highContrastColors(colors: colors)
            var look = Self.highContrastAttributes(role)
            look.foreground = pair?.foreground
            look.background = pair?.background
            return look
        case .standard, .mono:
            var look = Self.standardAttributes(role)
            if self == .standard, colors >= 8 { look.foreground = Self.standardColor(role) }
            return look
        }
    }

    private static func standardAttributes(_ role: Role) -> Look {
        switch role {
        case .body, .item, .chrome, .quote: return Look()
        case .emphasis: return Look(italic: true)
        case .strong, .heading, .title, .notice, .warning, .fieldName, .here, .key: return Look(bold: true)
        case .hint, .source, .mark: return Look(dim: true)
        }
    }

    /// ANSI colour numbers: 1 red, 2 green, 3 yellow, 5 magenta, 6 cyan.
    private static func standardColor(_ role: Role) -> Int? {
        switch role {
        case .heading: return 6
        case .quote, .here: return 2
        case .notice: return 3
        case .warning: return 1
        case .mark: return 5
        default: return nil
        }
    }

    /// Roles told apart by bold and underline only; dim would lower the contrast.
    private static func highContrastAttributes(_ role: Role) -> Look {
        switch role {
        case .body, .item, .chrome, .quote, .hint, .source: return Look()
        case .emphasis, .mark: return Look(underline: true)
        case .heading: return Look(bold: true, underline: true)
        case .strong, .title, .notice, .warning, .fieldName, .here, .key: return Look(bold: true)
        }
    }
}

/// Attributes and colours of a cell, before they become ncurses attributes. Colours are
/// numbers in the terminal's palette; nil keeps the terminal's own.
public struct Look: Hashable, Sendable, CustomStringConvertible {
    public var bold = false
    public var dim = false
    /// Shown as underline where the terminal has no italic (the Linux console).
    public var italic = false
    public var underline = false
    public var reverse = false
    public var foreground: Int?
    public var background: Int?

    public init(bold: Bool = false, dim: Bool = false, italic: Bool = false, underline: Bool = false,
                reverse: Bool = false, foreground: Int? = nil, background: Int? = nil) {
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
        self.foreground = foreground
        self.background = background
    }

    public var description: String {
        var words: [String] = []
        if bold { words.append("bold") }
        if dim { words.append("dim") }
        if italic { words.append("italic") }
        if underline { words.append("underline") }
        if reverse { words.append("reverse") }
        words.append("fg=" + (foreground.map(String.init) ?? "default"))
        words.append("bg=" + (background.map(String.init) ?? "default"))
        return words.joined(separator: " ")
    }
}
