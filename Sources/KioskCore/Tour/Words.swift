/// The kiosk's own words as the tour says them: from the pack's message catalogues
/// (`Pack.messages`), in the visitor's language.
extension Tour {
    /// One of the kiosk's messages in `language`, its arguments in place of `{0}`, `{1}`….
    public func say(_ message: Message, _ language: String, _ arguments: String...) -> String {
        pack.messages.text(message, language, arguments: arguments)
    }

    /// A message with plural forms, in the form for `count`.
    public func say(_ message: Message, _ language: String, count: Int) -> String {
        pack.messages.text(message, language, count: count)
    }

    /// Keys as shown: symbols as they are, a named key in the language's words, apart by
    /// `separator`.
    public func label(_ caps: [KeyCap], _ language: String, separator: String = "  ") -> String {
        caps.map { cap in
            switch cap {
            case .symbol(let symbol): return symbol
            case .named(let name): return say(name, language)
            case .firstStop: return pack.halls.first.map { String($0.stop) } ?? "1"
            }
        }.joined(separator: separator)
    }

    /// A language's own name, from its catalogue; its code when it has none.
    public func languageName(_ code: String) -> String {
        pack.messages.has(.languageName, in: code) ? say(.languageName, code) : code.uppercased()
    }

    /// What a warning of a coming close says: how long is left, then how to stay (if one can),
    /// each a whole message.
    public func say(warning: SessionWarning, _ language: String, medium: Medium) -> [String] {
        switch warning {
        case .idle(let seconds):
            return [say(.warnIdle, language, count: seconds), say(medium == .lines ? .warnIdleStayPlain : .warnIdleStay, language)]
        case .timeLimit(let seconds):
            return [say(.warnTimeLimit, language, count: seconds)]
        }
    }

    /// What the footer (or the line-by-line mode) says of a notice.
    public func say(notice: Notice, _ language: String) -> String {
        switch notice {
        case .noSuchStop(let typed): return say(Message.noSuchStop, language, typed)
        case .firstStop: return say(Message.firstStop, language)
        case .noSuchChoice(let number): return say(Message.noSuchChoice, language, String(number))
        case .wrongPIN: return say(Message.wrongPIN, language)
        case .staffExitLocked: return say(Message.staffExitLocked, language)
        case .bookNoWords: return say(Message.bookNoWords, language)
        case .bookLeaveConfirm: return say(Message.bookLeaveConfirm, language)
        }
    }
}

/// Where a session is shown: on a screen, or as lines of text (`--plain`), which a screen
/// reader speaks. The tour words a few things differently for lines: no arrows or keys to
/// press, no symbols a reader would spell out.
public enum Medium: Hashable, Sendable {
    case screen
    case lines
}
