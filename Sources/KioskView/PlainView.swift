import KioskCore

/// The tour as lines of text, for `--plain`: no cursor movement, colour or box drawing, and no
/// byte below 0x20 but the newline, so a screen reader, a braille display or a pipe gets words
/// only. Each page is printed whole; its items are numbered for the visitor to choose.
public struct PlainView: Sendable {
    public let tour: Tour

    public init(tour: Tour) {
        self.tour = tour
    }

    /// The size the tour is laid out at: a reading column, and rows enough that every item is
    /// on screen, so Enter on an empty line chooses the item a page starts with.
    public static let size = TerminalSize(columns: 76, rows: 10_000)

    /// The page on top, headed by where the visitor is, ending with how to go on.
    public func page(_ state: TourState) -> [String] {
        // A silence is its words alone; nothing is asked of the reader.
        if let silence = tour.silence(state) {
            let language = state.language
            let title = silence.title.map { $0.text(in: language, fallback: tour.pack.defaultLanguage) } ?? tour.say(.silenceTitle, language)
            return [title, "", silence.text.text(in: language, fallback: tour.pack.defaultLanguage)].map(Self.clean)
        }
        var lines = [header(state), ""]
        var number = 0
        var previous: PageBlock.Kind?
        for block in tour.page(for: state.screen.kind, in: state).blocks {
            if let previous, PageLayout.needsSpace(between: previous, and: block.kind) { lines.append("") }
            previous = block.kind
            let text = block.runs.plainText
            switch block.kind {
            case .listItem: lines.append("- " + text)
            case .quote: lines.append("    " + text)
            case .item:
                number += 1
                lines.append("\(number). " + text)
            case .title, .heading, .paragraph, .field, .note: lines.append(text)
            }
        }
        // A closed session's last page asks for nothing.
        if case .sessionClosed = state.screen.kind { return lines.map(Self.clean) }
        // On a part of the book's form, the next line is its text, not a command.
        lines += ["", tour.say(tour.awaitsText(state) ? .bookPlainPrompt : .plainPrompt, state.language)]
        return lines.map(Self.clean)
    }

    /// What changed in a group without the reader asking, as lines before the page: the
    /// guide took them to another stop since `previous`.
    public func guideMove(from previous: ScreenKind?, _ state: TourState) -> String? {
        previous.flatMap { tour.guideMove(from: $0, state) }.map(Self.clean)
    }

    /// How the group stands, as the status line says it on a screen: said again when it
    /// changes (a pause asked, the guide's connection lost, the guide calling everyone over).
    public func groupLine(_ state: TourState) -> String? {
        // A warning that the session will close is said by itself.
        guard state.visit.group.role != .none, state.sessionWarning == nil, let status = TourView(tour: tour).status(state) else { return nil }
        return Self.clean(status.parts.joined(separator: " · "))
    }

    private func header(_ state: TourState) -> String {
        let pack = tour.pack
        let language = state.language
        var parts = [pack.museumName.text(in: language, fallback: pack.defaultLanguage),
                     pack.floor.text(in: language, fallback: pack.defaultLanguage)]
        if let number = state.visit.place.kind.stop.flatMap(pack.number(of:)) {
            parts.append("\(tour.say(.stop, language)) \(number)")
        }
        parts.append(language.uppercased())
        return parts.joined(separator: " · ")
    }

    /// The commands this visitor has, as `?` lists them: a number for a choice, then the key
    /// map's.
    public func help(_ context: KeyMap.Context, _ language: String) -> [String] {
        let commands = [("1, 2, 3", tour.say(.plainChoose, language))]
            + KeyMap.lineByLineHelp(context).map { (tour.label($0.command, language, separator: " "), tour.say($0.text, language)) }
        let width = commands.map { DisplayWidth.of($0.0) }.max() ?? 0
        return [tour.say(.plainCommands, language)]
            + commands.map { $0.0 + String(repeating: " ", count: width - DisplayWidth.of($0.0) + 2) + $0.1 }.map(Self.clean)
    }

    /// Text with every control character (a tab from a pack, say) made a space.
    public static func clean(_ text: String) -> String {
        TerminalSafety.flattened(text, replacingWith: " ")
    }
}
