import CNCursesW
import KioskCore
import KioskView

/// A theme made ready for one ncurses screen: attributes and colour pairs by cell style.
struct Palette {
    private var looks: [CellStyle: (attributes: attr_t, pair: Int16)] = [:]
    /// The look of a blank cell, for the screen's background.
    private(set) var background: (attributes: attr_t, pair: Int16) = (kiosk_a_normal(), 0)

    init(theme: Theme, hasColors: Bool) {
        let colors = hasColors ? Int(kiosk_colors()) : 0
        let hasItalic = (term_attrs() & kiosk_a_italic()) != 0
        var pairs: [Look: Int16] = [:]
        func pair(for look: Look) -> Int16 {
            guard colors > 0, look.foreground != nil || look.background != nil else { return 0 }
            let colorsOnly = Look(foreground: look.foreground, background: look.background)
            if let existing = pairs[colorsOnly] { return existing }
            let number = Int16(pairs.count + 1)
            init_pair(number, Int16(look.foreground ?? -1), Int16(look.background ?? -1))
            pairs[colorsOnly] = number
            return number
        }
        for role in Role.allCases {
            for highlighted in [false, true] {
                let style = CellStyle(role, highlighted: highlighted)
                let look = theme.look(style, colors: colors)
                var attributes = kiosk_a_normal()
                if look.bold { attributes |= kiosk_a_bold() }
                if look.dim { attributes |= kiosk_a_dim() }
                if look.italic { attributes |= hasItalic ? kiosk_a_italic() : kiosk_a_underline() }
                if look.underline { attributes |= kiosk_a_underline() }
                if look.reverse { attributes |= kiosk_a_reverse() }
                looks[style] = (attributes, pair(for: look))
            }
        }
        if let body = looks[CellStyle(.body)] { background = (kiosk_a_normal(), body.pair) }
    }

    func look(_ style: CellStyle) -> (attributes: attr_t, pair: Int16) {
        looks[style] ?? (kiosk_a_normal(), 0)
    }
}
