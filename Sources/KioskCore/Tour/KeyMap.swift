/// What a visitor can ask of the tour, whichever key or typed word asks it.
public enum Command: Hashable, Sendable {
    case next, previous
    /// The arrows: ← and → are the previous and next stop, except on the drawn map, where all
    /// four move between halls.
    case left, right, up, down
    case pageUp, pageDown, top, bottom
    case open, back
    case map
    /// Open the search line: `/`, or the line-by-line mode's `s` with the words to find.
    case search
    /// Go to a stop by its number: digits then Enter, or the line-by-line mode's `g 450`.
    case goToStop
    case language, stepOut, help, quit
    /// Group tours: a participant goes back to the guide, or asks for a pause; a guide has
    /// the group wait for everyone before moving on.
    case rejoinGuide, askPause, waitForEveryone
    /// A guide: the roster, who is in the group and where; everyone asked to the guide's stop.
    case showGroup, gather
    /// A guide hands the group to a colleague's session.
    case handOver
    /// The line-by-line mode only: the page again.
    case repeatPage
}

/// A key as help, the footer and the line-by-line help show it: a letter or a symbol, a key's
/// name in the visitor's language ("Entrée", "Esc"), or, for the line-by-line mode's example,
/// a stop of the pack.
public enum KeyCap: Hashable, Sendable, ExpressibleByStringLiteral {
    case symbol(String)
    case named(Message)
    /// The pack's first hall's stop number, as an example of one.
    case firstStop

    public init(stringLiteral value: String) { self = .symbol(value) }
}

/// One command and everything that names it: its keys, its letters, its words in the
/// line-by-line mode, and how help, the footer and the line-by-line help show it. The reducer,
/// help, the footer and the line-by-line mode all read `KeyMap.bindings`, so a key is bound in
/// one place.
public struct KeyBinding: Sendable {
    /// Who can use the command.
    public enum Scope: Sendable {
        case everyone
        /// Not on a public kiosk (`q`: a kiosk is left only by the staff exit).
        case notOnKiosk
        case participant, guide
        /// Only typed as a line, never a key.
        case lineByLine
    }

    public var command: Command
    /// Keys other than letters.
    public var keys: [Key]
    /// Letters, as typed on a Latin or a Russian keyboard (a visitor may find the keyboard
    /// switched to Cyrillic), in lower case; either case works.
    public var letters: [Character]
    /// Whole words the line-by-line mode takes as well.
    public var words: [String]
    /// Help's line: the keys as shown and what they do; nil for a command that shares the
    /// line before it (↓ with ↑).
    public var help: (keys: [KeyCap], text: Message)?
    /// The footer's hint, if it has one, and how much it matters: at 80 columns in a long
    /// language not all fit, and the most important are kept (the way out and help first,
    /// the language and the map before the previous stop).
    public var footer: (key: KeyCap, word: Message, importance: Int)?
    /// The line-by-line mode's help line, if it lists the command.
    public var lineByLine: (command: [KeyCap], text: Message)?
    public var scope: Scope
}

public enum KeyMap {
    /// Every command, in the order help lists them and the footer offers them.
    public static let bindings: [KeyBinding] = [
        KeyBinding(command: .next, keys: [], letters: ["n", "т"], words: ["next"],
                   help: (["n", "→"], .keyNext), footer: ("n→", .footerNext, 2), lineByLine: (["n"], .keyNext), scope: .everyone),
        KeyBinding(command: .right, keys: [.right], letters: [], words: [], help: nil, footer: nil, lineByLine: nil, scope: .everyone),
        KeyBinding(command: .previous, keys: [], letters: ["p", "з"], words: ["previous", "prev"],
                   help: (["p", "←"], .keyPrevious), footer: ("p←", .footerPrevious, 8), lineByLine: (["p"], .keyPrevious),
                   scope: .everyone),
        KeyBinding(command: .left, keys: [.left], letters: [], words: [], help: nil, footer: nil, lineByLine: nil, scope: .everyone),
        KeyBinding(command: .up, keys: [.up], letters: [], words: [],
                   help: (["↑", "↓"], .keySelect), footer: ("↑↓", .footerChoose, 9), lineByLine: nil, scope: .everyone),
        KeyBinding(command: .down, keys: [.down, .tab], letters: [], words: [],
                   help: nil, footer: nil, lineByLine: nil, scope: .everyone),
        KeyBinding(command: .pageUp, keys: [.pageUp], letters: [], words: [],
                   help: ([.named(.keyNamePageUp), .named(.keyNamePageDown)], .keyPage), footer: nil, lineByLine: nil, scope: .everyone),
        KeyBinding(command: .pageDown, keys: [.pageDown], letters: [" "], words: [],
                   help: nil, footer: nil, lineByLine: nil, scope: .everyone),
        KeyBinding(command: .top, keys: [.home], letters: [], words: [], help: nil, footer: nil, lineByLine: nil, scope: .everyone),
        KeyBinding(command: .bottom, keys: [.end], letters: [], words: [], help: nil, footer: nil, lineByLine: nil, scope: .everyone),
        KeyBinding(command: .open, keys: [.enter], letters: [], words: [],
                   help: ([.named(.keyNameEnter)], .keyOpen), footer: ("⏎", .footerOpen, 3), lineByLine: ([.named(.keyNameEnter)], .keyOpen), scope: .everyone),
        KeyBinding(command: .back, keys: [.escape, .backspace], letters: [], words: ["b", "back", "и"],
                   help: ([.named(.keyNameEscape), .named(.keyNameBackspace)], .keyBack), footer: (.named(.keyNameEscape), .footerBack, 4), lineByLine: (["b"], .keyBack),
                   scope: .everyone),
        KeyBinding(command: .map, keys: [], letters: ["m", "ь"], words: ["map"],
                   help: (["m"], .keyMap), footer: ("m", .footerMap, 5), lineByLine: (["m"], .keyMap), scope: .everyone),
        // "/" on a Latin keyboard is "." on a Russian one.
        KeyBinding(command: .search, keys: [], letters: ["/", "."], words: ["s", "search", "ы"],
                   help: (["/"], .keySearch), footer: ("/", .footerSearch, 7),
                   lineByLine: (["s", .named(.keyNameWords)], .plainSearch), scope: .everyone),
        KeyBinding(command: .goToStop, keys: [], letters: [], words: ["g", "go", "п"],
                   help: ([.named(.keyNameDigits), .named(.keyNameEnter)], .keyStop), footer: nil, lineByLine: (["g", .firstStop], .plainGo), scope: .everyone),
        KeyBinding(command: .language, keys: [], letters: ["l", "д"], words: ["language"],
                   help: (["l"], .keyLanguage), footer: ("l", .footerLanguage, 6), lineByLine: (["l"], .keyLanguage),
                   scope: .everyone),
        KeyBinding(command: .stepOut, keys: [], letters: ["x", "ч"], words: [],
                   help: (["x"], .keyStepOut), footer: ("x", .footerStepOut, 0), lineByLine: (["x"], .keyStepOut), scope: .everyone),
        KeyBinding(command: .repeatPage, keys: [], letters: [], words: ["r", "к"],
                   help: nil, footer: nil, lineByLine: (["r"], .plainRepeat), scope: .lineByLine),
        KeyBinding(command: .help, keys: [], letters: ["?"], words: ["h", "help"],
                   help: (["?"], .keyHelp), footer: ("?", .footerHelp, 1), lineByLine: (["?"], .keyHelp), scope: .everyone),
        KeyBinding(command: .quit, keys: [], letters: ["q", "й"], words: ["quit"],
                   help: (["q"], .keyQuit), footer: ("q", .footerQuit, 10), lineByLine: (["q"], .keyQuit), scope: .notOnKiosk),
        KeyBinding(command: .rejoinGuide, keys: [], letters: ["g", "п"], words: [],
                   help: (["g"], .keyRejoin), footer: nil, lineByLine: nil, scope: .participant),
        KeyBinding(command: .askPause, keys: [], letters: ["w", "ц"], words: [],
                   help: (["w"], .keyPause), footer: nil, lineByLine: nil, scope: .participant),
        KeyBinding(command: .waitForEveryone, keys: [], letters: ["w", "ц"], words: [],
                   help: (["w"], .keyWaitForEveryone), footer: nil, lineByLine: nil, scope: .guide),
        KeyBinding(command: .showGroup, keys: [], letters: ["v", "м"], words: [],
                   help: (["v"], .keyShowGroup), footer: nil, lineByLine: nil, scope: .guide),
        KeyBinding(command: .gather, keys: [], letters: ["a", "ф"], words: [],
                   help: (["a"], .keyGather), footer: nil, lineByLine: nil, scope: .guide),
        KeyBinding(command: .handOver, keys: [], letters: ["h", "р"], words: [],
                   help: (["h"], .keyHandOver), footer: nil, lineByLine: nil, scope: .guide),
    ]

    /// Who is asking: where the scopes of the bindings are decided.
    public struct Context: Sendable {
        public var isKiosk: Bool
        public var role: GroupRole

        public init(isKiosk: Bool, role: GroupRole) {
            self.isKiosk = isKiosk
            self.role = role
        }

        func allows(_ scope: KeyBinding.Scope, lineByLine: Bool) -> Bool {
            switch scope {
            case .everyone: return true
            case .notOnKiosk: return !isKiosk
            case .participant: if case .participant = role { return true } else { return false }
            case .guide: if case .guide = role { return true } else { return false }
            case .lineByLine: return lineByLine
            }
        }
    }

    /// The command a key gives, if any.
    public static func command(for key: Key, _ context: Context) -> Command? {
        let letter: Character?
        if case .character(let character) = key { letter = Character(character.lowercased()) } else { letter = nil }
        return bindings.first { binding in
            context.allows(binding.scope, lineByLine: false)
                && (letter.map(binding.letters.contains) ?? binding.keys.contains(key))
        }?.command
    }

    /// The command a word typed alone in the line-by-line mode gives: a letter, or a word.
    /// (A stop's words come with its number: `isGoToStop`.)
    public static func command(forWord word: String, _ context: Context) -> Command? {
        let word = word.lowercased()
        return bindings.first { binding in
            binding.command != .goToStop && context.allows(binding.scope, lineByLine: true)
                && (binding.words.contains(word) || (word.count == 1 && binding.letters.contains(Character(word))))
        }?.command
    }

    /// Whether a word, followed by a number, asks for a stop (`g 450`).
    public static func isGoToStop(_ word: String) -> Bool {
        bindings.contains { $0.command == .goToStop && $0.words.contains(word.lowercased()) }
    }

    /// Whether a word, followed by others, asks to search for them (`s Guba`).
    public static func isSearch(_ word: String) -> Bool {
        bindings.contains { $0.command == .search && $0.words.contains(word.lowercased()) }
    }

    /// Help's lines for this visitor: the keys, and what they do.
    public static func helpLines(_ context: Context) -> [(keys: [KeyCap], text: Message)] {
        bindings.compactMap { binding in
            guard let help = binding.help, binding.scope != .lineByLine, context.allows(binding.scope, lineByLine: false)
            else { return nil }
            return help
        }
    }

    /// The footer's hints for this visitor, in the order the footer shows them, each with its
    /// command and importance.
    public static func footerHints(_ context: Context) -> [(command: Command, key: KeyCap, word: Message, importance: Int)] {
        bindings.filter { context.allows($0.scope, lineByLine: false) }.compactMap { binding in
            binding.footer.map { (binding.command, $0.key, $0.word, $0.importance) }
        }
    }

    /// The line-by-line mode's commands for this visitor, as its help lists them.
    public static func lineByLineHelp(_ context: Context) -> [(command: [KeyCap], text: Message)] {
        bindings.compactMap { binding in
            guard let line = binding.lineByLine, context.allows(binding.scope, lineByLine: true) else { return nil }
            return line
        }
    }
}
