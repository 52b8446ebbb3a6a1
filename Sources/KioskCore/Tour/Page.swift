/// What choosing an item on a page does.
public enum PageAction: Hashable, Sendable {
    /// Welcome and advisory: on to the next step of the tour.
    case continueTour
    case readMore
    case openExhibit(Int, Int)
    case walk(toHall: Int)
    case chooseLanguage(String)
    /// One of the pack's tours, by its place in `Pack.tours`.
    case chooseTour(Int)
    /// Open the search line (the welcome page and the map offer it).
    case search
    case goToHall(Int)
    case startAgain
    /// At a hall's door: go in, or go back.
    case enterHall, turnBack
    /// Step out to the quiet page, and return from it to where the visitor was.
    case stepOut, returnToTour
    /// A graphic exhibit: show more than its text alternative.
    case showGraphic
    /// Group tours: a visitor joins a group, a guide opens one or takes one back.
    case joinGroup
    case startGroup
    case takeBackGroup(String)
    /// A participant whose guide ended the group goes on alone from where they are.
    case walkOnAlone
    /// The book of remembrance: open the form or the entries; on the form, a part to fill in,
    /// save, or leave; on the entries, another page.
    case writeInBook, readBook
    case bookField(BookField)
    case saveInBook, leaveBook
    case bookPage(Int)
}

/// One block of a page's body, in reading order.
public struct PageBlock: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case title
        case heading
        case paragraph
        case listItem
        case quote
        /// A line of an object record: name and value.
        case field
        /// A short line about the page itself: an advisory, a translation mark.
        case note
        /// Something the visitor can choose.
        case item(PageAction)
    }

    public var kind: Kind
    public var runs: [Run]
    /// Columns by which lines after the first are indented (for an item, past its marker), when
    /// not the kind's own.
    public var hangingIndent: Int?
    /// The language of the block's pack text when it is not the visitor's: a translation that
    /// falls back to its original. Nil when the text is in the visitor's language. The terminal
    /// shows a note instead; the HTML export marks the text with `lang` for a screen reader.
    /// In a block with a field name or hint beside the text, it is the language of the text.
    public var language: String?

    public init(_ kind: Kind, _ runs: [Run], hangingIndent: Int? = nil, language: String? = nil) {
        self.kind = kind
        self.runs = runs
        self.hangingIndent = hangingIndent
        self.language = language
    }

    public init(_ kind: Kind, _ text: String, _ role: Role = .body, language: String? = nil) {
        self.init(kind, [Run(text, role)], language: language)
    }

    public var action: PageAction? {
        if case .item(let action) = kind { return action }
        return nil
    }
}

/// The body of one screen, before it is laid out to a width.
public struct Page: Equatable, Sendable {
    public var blocks: [PageBlock]

    public init(_ blocks: [PageBlock] = []) {
        self.blocks = blocks
    }

    /// The items, in order; a screen's `selection` indexes these.
    public var actions: [PageAction] { blocks.compactMap(\.action) }

    mutating func append(_ block: PageBlock) { blocks.append(block) }

    mutating func append(_ kind: PageBlock.Kind, _ text: String, _ role: Role = .body, language: String? = nil) {
        blocks.append(PageBlock(kind, text, role, language: language))
    }

    /// Markdown from a pack, as blocks of the page, in `language` when it is not the visitor's.
    mutating func append(_ markdown: [Block], language: String? = nil) {
        for block in markdown {
            let runs = block.spans.map { span -> Run in
                switch span.emphasis {
                case .none: return Run(span.text, .body)
                case .emphasis: return Run(span.text, .emphasis)
                case .strong: return Run(span.text, .strong)
                }
            }
            switch block {
            case .paragraph: blocks.append(PageBlock(.paragraph, runs, language: language))
            case .heading: blocks.append(PageBlock(.heading, runs.map { Run($0.text, .heading) }, language: language))
            case .listItem: blocks.append(PageBlock(.listItem, runs, language: language))
            case .quote: blocks.append(PageBlock(.quote, runs.map { Run($0.text, $0.role == .body ? .quote : $0.role) }, language: language))
            }
        }
    }
}
