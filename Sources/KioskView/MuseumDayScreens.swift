import KioskCore

/// The silence a pack schedules (the minute of silence at 17:00 on 26 February): only its
/// words, in the visitor's language and then the others, on a still screen.
struct SilenceScreen {
    let tour: Tour
    let state: TourState
    let silence: Commemoration.Silence

    func draw(into frame: inout Frame) {
        let width = max(1, min(PageGeometry.readingColumn, frame.size.columns - 4))
        var lines: [[Run]] = []
        for language in languages {
            let title = silence.title.map { $0.text(in: language, fallback: tour.pack.defaultLanguage) }
                ?? tour.say(.silenceTitle, language)
            let text = silence.text.text(in: language, fallback: tour.pack.defaultLanguage)
            let said = Wrap.lines([Run(title, .title)], width: width) + [[]] + Wrap.lines([Run(text, .body)], width: width)
            // Every language whole, or not at all: a cut text on this screen would be careless.
            let next = lines.isEmpty ? said : lines + [[], []] + said
            if !lines.isEmpty, next.count > frame.size.rows - 2 { break }
            lines = next
        }
        frame.putCentred(lines)
    }

    /// The visitor's language first; at the attract loop, the one it shows.
    private var languages: [String] {
        let first = state.visit.attention.control.isAttract ? tour.attractLanguage(state) : state.language
        return [first] + tour.greetingLanguages.filter { $0 != first }
    }
}

/// Outside the opening hours: the museum's name and that it is closed, with when it opens, in
/// each of its languages; or, on a stand set to blank, nothing until a key is pressed.
struct ClosedScreen {
    let tour: Tour
    let state: TourState

    func draw(into frame: inout Frame) {
        if tour.isDark(state) { return }
        let pack = tour.pack
        let width = max(1, frame.size.columns - 4)
        let first = pack.defaultLanguage
        var lines = Wrap.lines([Run(pack.museumName.text(in: first, fallback: first), .title)], width: width)
            + Wrap.lines([Run(pack.floor.text(in: first, fallback: first), .chrome)], width: width)
        var bannersSaid: Set<String> = []
        for language in tour.greetingLanguages {
            var said = [[]] + Wrap.lines([Run(tour.say(.museumClosed, language), .strong)], width: width)
            if let opens = tour.nextOpening(state, in: language) { said += Wrap.lines([Run(opens, .body)], width: width) }
            // The staff's notice in each language it is given in, once.
            if let banner = tour.banner(state, in: language), bannersSaid.insert(banner).inserted {
                said += Wrap.lines([Run(banner, .notice)], width: width)
            }
            if lines.count + said.count > frame.size.rows - 2 { break }
            lines += said
        }
        frame.putCentred(lines)
    }
}

extension Frame {
    /// The line over every screen (the staff's notice, closing time, the day the pack marks),
    /// in the header's rule; when it needs two rows, over the museum's name as well.
    mutating func putBanner(_ banner: String) {
        let columns = size.columns
        // As wide as StaffNotice.fitsOverThePage counts, so a notice that passed fits.
        var width = max(1, columns - 2)
        let runs = [Run(banner, .notice)]
        let lines = Wrap.lines(runs, width: width)
        guard lines.count > 1 else {
            // A space either side sets it apart from the rule it sits in.
            let line = [Run(" ", .notice)] + (lines.first ?? []) + [Run(" ", .notice)]
            put(line, row: 1, column: max(0, (columns - line.displayWidth) / 2))
            return
        }
        // Two rows, in place of the museum's name and the rule, the words shared evenly
        // between them rather than a word or two left alone on the second.
        while width > 1, Wrap.lines(runs, width: width - 1).count == 2 { width -= 1 }
        for (row, line) in Wrap.lines(runs, width: width).prefix(2).enumerated() {
            put(String(repeating: " ", count: columns), row: row, column: 0, style: CellStyle(.notice))
            put(line, row: row, column: max(0, (columns - line.displayWidth) / 2))
        }
    }
}

extension Tour {
    /// The languages a screen nobody has chosen a language for speaks.
    var greetingLanguages: [String] { spokenLanguages.isEmpty ? [pack.defaultLanguage] : spokenLanguages }
}

extension Control {
    var isAttract: Bool {
        if case .attract = self { return true }
        return false
    }
}
