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

/// An entry as the database keeps it, for staff: who wrote it is never known, only where
/// (the stand and the front) and when.
public struct BookRecord: Hashable, Sendable {
    public enum Status: String, CaseIterable, Sendable {
        /// Waiting to be read by staff; shown to nobody.
        case new
        case approved
        /// Not shown; kept, with its words, for the archive.
        case hidden
        /// Its words removed; the decision, with its reason, kept.
        case deleted
    }

    public var id: String
    /// Seconds since 1970.
    public var writtenAt: Int64
    public var language: String
    public var words: String
    public var name: String
    public var place: String
    public var stand: String
    public var front: String
    public var status: Status

    public init(id: String, writtenAt: Int64, language: String, words: String, name: String, place: String,
                stand: String, front: String, status: Status) {
        self.id = id
        self.writtenAt = writtenAt
        self.language = language
        self.words = words
        self.name = name
        self.place = place
        self.stand = stand
        self.front = front
        self.status = status
    }
}

/// A decision staff made about an entry: what, why, who and when.
public struct BookDecision: Hashable, Sendable {
    public enum Action: String, CaseIterable, Sendable {
        case approve, hide, delete
        /// The retention rule of kiosk.conf, applied by `museum-kiosk book retain`.
        case retainHide = "retain-hide", retainDelete = "retain-delete"

        public var status: BookRecord.Status {
            switch self {
            case .approve: return .approved
            case .hide, .retainHide: return .hidden
            case .delete, .retainDelete: return .deleted
            }
        }
    }

    public var id: String
    public var entryID: String
    public var action: Action
    public var reason: String
    public var decidedBy: String
    /// Seconds since 1970.
    public var decidedAt: Int64

    public init(id: String, entryID: String, action: Action, reason: String, decidedBy: String, decidedAt: Int64) {
        self.id = id
        self.entryID = entryID
        self.action = action
        self.reason = reason
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }
}
