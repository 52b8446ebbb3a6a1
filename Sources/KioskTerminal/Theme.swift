import CNCursesW
import KioskCore
import KioskView

/// How roles look on a terminal. Colour only ever adds to what text and attributes already
/// say, and the terminal's own foreground and background are kept.
public enum Theme: String, CaseIterable, Sendable {
    case standard = "default"
    case mono

    /// `NO_COLOR` (https://no-color.org) set to anything asks for no colour.
    public static func choose(_ requested: Theme?, environment: [String: String]) -> Theme {
        if let value = environment["NO_COLOR"], !value.isEmpty { return .mono }
        return requested ?? .standard
    }
}

/// A theme made ready for one ncurses screen: attributes and colour pairs by role.
struct Palette {
    private var looks: [CellStyle: (attributes: attr_t, pair: Int16)] = [:]
    private let base: [Role: (attributes: attr_t, color: Int16?)]

    init(theme: Theme, hasColors: Bool) {
        let bold = kiosk_a_bold()
        let dim = kiosk_a_dim()
        // Italic where the terminal has it (not on the Linux console), underline elsewhere.
        let emphasis = (term_attrs() & kiosk_a_italic()) != 0 ? kiosk_a_italic() : kiosk_a_underline()
        let useColor = theme == .standard && hasColors
        func color(_ value: Int32) -> Int16? { useColor ? Int16(value) : nil }
        base = [
            .body: (kiosk_a_normal(), nil),
            .emphasis: (emphasis, nil),
            .strong: (bold, nil),
            .heading: (bold, color(COLOR_CYAN)),
            .title: (bold, nil),
            .quote: (kiosk_a_normal(), color(COLOR_GREEN)),
            .hint: (dim, nil),
            .notice: (bold, color(COLOR_YELLOW)),
            .warning: (bold, color(COLOR_RED)),
            .fieldName: (bold, nil),
            .item: (kiosk_a_normal(), nil),
            .mark: (dim, color(COLOR_MAGENTA)),
            .source: (dim, nil),
            .chrome: (kiosk_a_normal(), nil),
            .here: (bold, color(COLOR_GREEN)),
            .key: (bold, nil),
        ]
        var pairs: [Int16: Int16] = [:]
        for role in Role.allCases {
            guard let (attributes, color) = base[role] else { continue }
            var pair: Int16 = 0
            if let color {
                if let existing = pairs[color] {
                    pair = existing
                } else {
                    pair = Int16(pairs.count + 1)
                    init_pair(pair, color, -1)
                    pairs[color] = pair
                }
            }
            looks[CellStyle(role)] = (attributes, pair)
            looks[CellStyle(role, highlighted: true)] = (attributes | kiosk_a_reverse(), pair)
        }
    }

    func look(_ style: CellStyle) -> (attributes: attr_t, pair: Int16) {
        looks[style] ?? (kiosk_a_normal(), 0)
    }
}
