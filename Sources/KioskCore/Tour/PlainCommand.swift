/// A line typed in the line-by-line mode (`--plain`), for screen readers, braille displays and
/// pipes: one command a line, the same letters as the keys or a word (`KeyMap`), a number for
/// a numbered choice, `g 450` for a stop, `s Guba` to search.
public enum PlainCommand: Equatable, Sendable {
    /// Events for the tour.
    case events([TourEvent])
    /// The list of commands, which the front prints.
    case help
    /// The page again.
    case repeatPage
    case unknown(String)

    public static func parse(_ line: String, _ context: KeyMap.Context) -> PlainCommand {
        let words = line.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        guard let first = words.first else { return .events([.command(.open)]) }
        func isNumber(_ word: String, digits: Int) -> Bool {
            word.count <= digits && word.allSatisfy { $0.isASCII && $0.isNumber }
        }
        // A choice's number, or a stop's (the tour tells them apart by the page).
        if words.count == 1, isNumber(first, digits: 6), let number = Int(first), number > 0 {
            return .events([.choose(number - 1)])
        }
        if words.count == 2, KeyMap.isGoToStop(first), isNumber(words[1], digits: 6) {
            return .events([.goToStop(words[1])])
        }
        // The words to find typed into the search line, as they were written.
        if words.count > 1, KeyMap.isSearch(first) {
            let command = line.drop(while: { (character: Character) in character.isWhitespace })
            let typed = command.drop(while: { !$0.isWhitespace }).drop(while: { $0.isWhitespace })
            return .events([TourEvent.command(.search)] + typed.map { TourEvent.key(.character($0)) })
        }
        guard words.count == 1, let command = KeyMap.command(forWord: first, context) else { return .unknown(line) }
        switch command {
        case .help: return .help
        case .repeatPage: return .repeatPage
        default: return .events([.command(command)])
        }
    }
}
