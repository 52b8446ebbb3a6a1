/// The parts of an entry a visitor fills in.
public enum BookField: Hashable, Sendable, CaseIterable {
    case words, name, place

    /// The most characters each takes: what fits on the form and in the book.
    public var longest: Int {
        switch self {
        case .words: return 500
        case .name: return 40
        case .place: return 60
        }
    }
}

/// The book's two screens, each shown over the place the visitor came from.
public enum BookScreen: Hashable, Sendable {
    /// The form, and, once the words are saved, the thanks.
    case write
    /// Approved entries, a page at a time.
    case read
}

/// What a visitor is writing, as typed.
public struct BookDraft: Hashable, Sendable {
    public var words = ""
    public var name = ""
    public var place = ""

    public init() {}

    public subscript(field: BookField) -> String {
        get {
            switch field {
            case .words: return words
            case .name: return name
            case .place: return place
            }
        }
        set {
            switch field {
            case .words: words = newValue
            case .name: name = newValue
            case .place: place = newValue
            }
        }
    }

    public var isEmpty: Bool { BookField.allCases.allSatisfy { self[$0].allSatisfy(\.isWhitespace) } }
}

/// The visitor's part in the book (Book.swift): a draft and where it is, and the page of
/// entries shown. Forgotten with the visit, so the idle reset discards an unsent entry.
public struct BookVisit: Hashable, Sendable {
    public var draft = BookDraft()
    /// The words are with the runtime, being saved: the form waits.
    public var sending = false
    /// The last words were saved: the form thanks the visitor.
    public var saved = false
    /// The last words could not be saved: they are still on the form.
    public var failed = false
    /// Esc was pressed once on a form with words: a second Esc leaves without saving.
    public var confirmingLeave = false
    /// The page of entries shown, and the page asked for.
    public var shelf: BookPage?
    public var asked: Int?
    public var unreadable = false

    public init() {}

    /// Words typed and not saved, which the idle reset would discard.
    public var hasUnsentWords: Bool { !saved && !draft.isEmpty }
}
