/// The staff's desk for the book of remembrance (`museum-kiosk book`): the entries waiting to
/// be read, and the others by what was decided; approve, hide or delete, with a reason for the
/// last two; search. Pure, as the tour is: keys and the database's answers come in as events,
/// and what is to be read or decided goes out as effects the command performs.
public struct BookDesk: Hashable, Sendable {
    /// Which entries are listed: by status, or all.
    public var shelf: BookRecord.Status? = .new
    public var search = ""
    public var records: [BookRecord] = []
    /// The decisions about the entry chosen.
    public var decisions: [BookDecision] = []
    public var selection = 0
    /// What is being typed at the foot of the screen, if anything.
    public var prompt: Prompt?
    /// A line about the last thing done, gone at the next key.
    public var note: Note?

    public init() {}

    public enum Prompt: Hashable, Sendable {
        /// A reason for hiding or deleting the chosen entry.
        case reason(BookDecision.Action, typed: String)
        case search(typed: String)
    }

    public enum Note: Hashable, Sendable {
        case decided(BookDecision.Action)
        case failed(String)
        case reasonNeeded
    }

    public enum Event: Hashable, Sendable {
        case key(Key)
        /// The entries the desk asked for, and the decisions about the one chosen.
        case listed([BookRecord])
        case decisionsRead([BookDecision])
        case decided(BookDecision.Action)
        case failed(String)
    }

    public enum Effect: Hashable, Sendable {
        case list(BookRecord.Status?, search: String)
        case readDecisions(entry: String)
        case decide(BookDecision.Action, entry: String, reason: String)
        case quit
    }

    /// The shelves, in the order Tab goes through them.
    public static let shelves: [BookRecord.Status?] = [.new, .approved, .hidden, .deleted, nil]

    /// The longest reason kept.
    public static let longestReason = 200

    public var chosen: BookRecord? { records.indices.contains(selection) ? records[selection] : nil }

    /// What the desk asks first.
    public var opening: [Effect] { [.list(shelf, search: search)] }

    public mutating func reduce(_ event: Event) -> [Effect] {
        switch event {
        case .listed(let records):
            self.records = records
            selection = min(selection, max(0, records.count - 1))
            return chosenChanged()
        case .decisionsRead(let decisions):
            self.decisions = decisions
            return []
        case .decided(let action):
            note = .decided(action)
            return [.list(shelf, search: search)]
        case .failed(let reason):
            note = .failed(reason)
            return []
        case .key(let key):
            note = nil
            if let prompt { return type(key, into: prompt) }
            return browse(key)
        }
    }

    private mutating func browse(_ key: Key) -> [Effect] {
        switch key {
        case .up where selection > 0:
            selection -= 1
            return chosenChanged()
        case .down where selection + 1 < records.count:
            selection += 1
            return chosenChanged()
        case .pageUp, .home:
            selection = key == .home ? 0 : max(0, selection - 10)
            return chosenChanged()
        case .pageDown, .end:
            selection = key == .end ? max(0, records.count - 1) : min(max(0, records.count - 1), selection + 10)
            return chosenChanged()
        case .tab, .right, .left:
            let index = Self.shelves.firstIndex(of: shelf) ?? 0
            let step = key == .left ? Self.shelves.count - 1 : 1
            shelf = Self.shelves[(index + step) % Self.shelves.count]
            selection = 0
            return [.list(shelf, search: search)]
        case .character("a"):
            guard let chosen, chosen.status != .approved, chosen.status != .deleted else { return [] }
            return [.decide(.approve, entry: chosen.id, reason: "")]
        case .character("h"):
            guard let chosen, chosen.status != .hidden, chosen.status != .deleted else { return [] }
            prompt = .reason(.hide, typed: "")
        case .character("d"):
            guard let chosen, chosen.status != .deleted else { return [] }
            prompt = .reason(.delete, typed: "")
        case .character("/"):
            prompt = .search(typed: search)
        case .escape where !search.isEmpty:
            search = ""
            return [.list(shelf, search: search)]
        case .character("r"), .control("l"):
            return [.list(shelf, search: search)]
        case .character("q"):
            return [.quit]
        default:
            break
        }
        return []
    }

    private mutating func type(_ key: Key, into prompt: Prompt) -> [Effect] {
        var typed: String
        switch prompt {
        case .reason(_, let text), .search(let text): typed = text
        }
        switch key {
        case .escape:
            self.prompt = nil
            return []
        case .backspace:
            if !typed.isEmpty { typed.removeLast() }
        case .character(let character) where !character.isNewline && typed.count < Self.longestReason:
            typed.append(character)
        case .enter:
            self.prompt = nil
            switch prompt {
            case .search:
                search = typed.trimmingSpaces().isEmpty ? "" : String(typed.trimmingSpaces())
                selection = 0
                return [.list(shelf, search: search)]
            case .reason(let action, _):
                let reason = String(typed.trimmingSpaces())
                // A hidden or deleted entry is explained to whoever reads the archive.
                guard !reason.isEmpty, let chosen else {
                    self.prompt = prompt
                    note = .reasonNeeded
                    return []
                }
                return [.decide(action, entry: chosen.id, reason: reason)]
            }
        default:
            return []
        }
        switch prompt {
        case .reason(let action, _): self.prompt = .reason(action, typed: typed)
        case .search: self.prompt = .search(typed: typed)
        }
        return []
    }

    private mutating func chosenChanged() -> [Effect] {
        decisions = []
        return chosen.map { [.readDecisions(entry: $0.id)] } ?? []
    }
}
