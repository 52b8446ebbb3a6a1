/// A line typed in the line-by-line mode (`--plain`), for screen readers, braille displays and
/// pipes: one command a line, the same letters as the keys, a number for a numbered choice.
public enum PlainCommand: Equatable, Sendable {
    /// Events for the tour.
    case events([TourEvent])
    /// The list of commands, which the front end prints.
    case help
    /// The page again.
    case repeatPage
    case unknown(String)

    public static func parse(_ line: String) -> PlainCommand {
        let words = line.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        guard let first = words.first else { return .events([.key(.enter)]) }
        if words.count == 1, first.count <= 4, first.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(first) {
            return .events([.choose(number - 1)])
        }
        if words.count == 2, ["g", "go", "п"].contains(first), words[1].count <= 6, words[1].allSatisfy({ $0.isASCII && $0.isNumber }) {
            return .events(words[1].map { .key(.character($0)) } + [.key(.enter)])
        }
        guard words.count == 1 else { return .unknown(line) }
        switch first {
        case "?", "h", "help": return .help
        case "r", "к": return .repeatPage
        case "b", "back", "и": return .events([.key(.escape)])
        case "next": return .events([.key(.character("n"))])
        case "previous", "prev": return .events([.key(.character("p"))])
        case "map": return .events([.key(.character("m"))])
        case "language": return .events([.key(.character("l"))])
        case "quit": return .events([.key(.character("q"))])
        default: break
        }
        if first.count == 1, let letter = first.first, Tour.command(for: letter) != .none {
            return .events([.key(.character(letter))])
        }
        return .unknown(line)
    }
}
