/// The book of remembrance as the tour sees it: what a visitor writes, what the Hall of
/// Remembrance shows, and what the runtime is asked to do with them. The words are kept as
/// typed; they are cleaned for the terminal only where they are shown.
public struct BookSubmission: Hashable, Sendable {
    public var words: String
    public var name: String
    public var place: String
    /// The language the visitor was reading in.
    public var language: String

    public init(words: String, name: String = "", place: String = "", language: String) {
        self.words = words
        self.name = name
        self.place = place
        self.language = language
    }
}

/// An entry staff have approved, as the Hall of Remembrance shows it.
public struct BookEntry: Hashable, Sendable {
    public var words: String
    public var name: String
    public var place: String
    public var language: String
    /// The day it was written, on the stand's calendar: 2026-12-04.
    public var date: String

    public init(words: String, name: String = "", place: String = "", language: String, date: String) {
        self.words = words
        self.name = name
        self.place = place
        self.language = language
        self.date = date
    }
}

/// One page of approved entries, newest first.
public struct BookPage: Hashable, Sendable {
    /// 0 for the newest.
    public var number: Int
    public var entries: [BookEntry]
    public var hasOlder: Bool

    public init(number: Int, entries: [BookEntry], hasOlder: Bool) {
        self.number = number
        self.entries = entries
        self.hasOlder = hasOlder
    }

    /// Entries on a page: a few, each read whole.
    public static let size = 5
}

/// What the tour asks of the book.
public enum BookRequest: Hashable, Sendable {
    /// Keep the visitor's words; answered by `.saved` once they are safe, or `.notSaved`.
    case submit(BookSubmission)
    /// A page of approved entries; answered by `.page` or `.unreadable`.
    case read(page: Int)
}

/// What the book answered.
public enum BookNews: Hashable, Sendable {
    case saved
    case notSaved
    case page(BookPage)
    case unreadable(page: Int)
}
