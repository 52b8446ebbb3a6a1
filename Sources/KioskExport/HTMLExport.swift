import KioskCore

/// One file of the export: its path inside the export's directory, and its text.
public struct HTMLPage: Equatable, Sendable {
    public var path: String
    public var html: String
}

/// The pack as plain linked HTML pages: a web or lynx edition of the tour, in every language of
/// the pack. No script, no style sheet, no image: it reads the same in lynx, w3m, a screen
/// reader and a browser.
///
/// A stop's page is the kiosk's own page (`Tour.page(for:in:)`, the one the terminal and plain
/// mode show), rendered to HTML, so the kiosk's care holds on the web too: a hall's advisories
/// come before its text, and a graphic exhibit shows its text alternative, with its label a
/// deliberate link away. What the web edition adds is its own: the way around (the kiosk's
/// keys), the languages, the home page and the links.
///
/// The pages sit at `index.html` (choose a language), then per language `L/index.html` (welcome,
/// the tour's advisory, the floor), `L/halls/<hall>.html` and `L/halls/<hall>.more.html`,
/// `L/halls/<hall>/<exhibit>.html` and `.more.html`, for a graphic exhibit
/// `L/halls/<hall>/<exhibit>.full.html` (the page once the visitor asked to read it), and
/// `L/end.html`. Ids never hold a dot, so no hall or exhibit can take another page's name.
public struct HTMLExport: Sendable {
    public let pack: Pack
    let tour: Tour

    public init(pack: Pack) {
        self.pack = pack
        tour = Tour(pack: pack)
    }

    /// Every page, in a stable order.
    public func pages() -> [HTMLPage] {
        var pages = [HTMLPage(path: path(of: .languages, in: pack.defaultLanguage), html: page(.languages, pack.defaultLanguage))]
        for language in pack.languages {
            var locations: [Location] = [.home, .end]
            for hall in pack.halls.indices {
                locations += [.hall(hall), .hallMore(hall)]
                for exhibit in pack.halls[hall].exhibits.indices {
                    locations += [.exhibit(hall, exhibit), .exhibitFull(hall, exhibit), .exhibitMore(hall, exhibit)]
                }
            }
            for location in locations where exists(location, in: language) {
                pages.append(HTMLPage(path: path(of: location, in: language), html: page(location, language)))
            }
        }
        return pages
    }

    // MARK: - Where pages are

    enum Location: Hashable {
        case languages, home, end
        case hall(Int), hallMore(Int)
        /// An exhibit's page; for a graphic exhibit, with only its text alternative.
        case exhibit(Int, Int)
        /// A graphic exhibit's page once the visitor asked to read it in full.
        case exhibitFull(Int, Int)
        case exhibitMore(Int, Int)

        /// The stop a page is of, its "read more" page included.
        var stop: Stop? {
            switch self {
            case .hall(let hall), .hallMore(let hall): return .hall(hall)
            case .exhibit(let hall, let exhibit), .exhibitFull(let hall, let exhibit), .exhibitMore(let hall, let exhibit):
                return .exhibit(hall, exhibit)
            case .languages, .home, .end: return nil
            }
        }
    }

    /// How pages name one another: relative links, so the export works from any directory,
    /// a web server or a USB stick.
    func link(from: Location, to: Location, _ fromLanguage: String, _ toLanguage: String? = nil) -> String {
        let source = components(from, fromLanguage).dropLast()
        let target = components(to, toLanguage ?? fromLanguage)
        var common = 0
        while common < source.count, common < target.count - 1, source[common] == target[common] { common += 1 }
        return (Array(repeating: "..", count: source.count - common) + target[common...]).joined(separator: "/")
    }

    private func components(_ location: Location, _ language: String) -> [String] {
        path(of: location, in: language).split(separator: "/").map(String.init)
    }

    /// A page's path inside the export.
    func path(of location: Location, in language: String) -> String {
        let halls = pack.halls
        switch location {
        case .languages: return "index.html"
        case .home: return "\(language)/index.html"
        case .end: return "\(language)/end.html"
        case .hall(let hall): return "\(language)/halls/\(halls[hall].id).html"
        case .hallMore(let hall): return "\(language)/halls/\(halls[hall].id).more.html"
        case .exhibit(let hall, let exhibit): return "\(language)/halls/\(halls[hall].id)/\(halls[hall].exhibits[exhibit].id).html"
        case .exhibitFull(let hall, let exhibit): return "\(language)/halls/\(halls[hall].id)/\(halls[hall].exhibits[exhibit].id).full.html"
        case .exhibitMore(let hall, let exhibit): return "\(language)/halls/\(halls[hall].id)/\(halls[hall].exhibits[exhibit].id).more.html"
        }
    }

    /// "Read more" pages exist only where there is more to read, in that language; a page read
    /// in full only for a graphic exhibit.
    private func exists(_ location: Location, in language: String) -> Bool {
        switch location {
        case .hallMore(let hall): return !pack.narrative(hall, language).value.more.isEmpty
        case .exhibitFull(let hall, let exhibit): return pack.halls[hall].exhibits[exhibit].graphic
        case .exhibitMore(let hall, let exhibit): return !pack.exhibitText(hall, exhibit, language).value.more.isEmpty
        default: return true
        }
    }

    // MARK: - The kiosk's pages

    /// The kiosk's page of a screen, for a visitor reading in `language`; `revealed` when the
    /// visitor asked to read a graphic exhibit in full.
    func kioskPage(_ kind: ScreenKind, _ language: String, revealed: Stop? = nil) -> Page {
        var state = tour.start(now: Instant(milliseconds: 0), size: TerminalSize(columns: 80, rows: 24),
                               config: Tour.SessionStart(language: language)).state
        state.visit.place = Screen(kind)
        if let revealed { state.visit.care.revealedExhibits.insert(revealed) }
        return tour.page(for: kind, in: state)
    }

    /// The kiosk's page of a stop's location.
    private func kioskPage(of location: Location, _ language: String) -> Page {
        switch location {
        case .hall(let hall): return kioskPage(.hall(hall), language)
        case .hallMore(let hall): return kioskPage(.hallMore(hall), language)
        case .exhibit(let hall, let exhibit): return kioskPage(.exhibit(hall, exhibit), language)
        case .exhibitFull(let hall, let exhibit): return kioskPage(.exhibit(hall, exhibit), language, revealed: .exhibit(hall, exhibit))
        case .exhibitMore(let hall, let exhibit): return kioskPage(.exhibitMore(hall, exhibit), language)
        case .end: return kioskPage(.end, language)
        case .languages, .home: return Page()
        }
    }

    /// The advisory tags of the stop a "read more" page is of; nil for any other page.
    private func moreAdvisories(_ location: Location) -> [String]? {
        switch location {
        case .hallMore(let hall): return pack.halls[hall].advisories
        case .exhibitMore(let hall, let exhibit): return pack.halls[hall].exhibits[exhibit].advisories
        default: return nil
        }
    }

    /// Where choosing an item of the kiosk's page leads on the web; nil for an item that means
    /// nothing here (a group tour, the door of a hall), which is left out.
    private func target(of action: PageAction, from here: Location) -> Location? {
        switch action {
        case .readMore:
            switch here {
            case .hall(let hall): return .hallMore(hall)
            case .exhibit(let hall, let exhibit), .exhibitFull(let hall, let exhibit): return .exhibitMore(hall, exhibit)
            default: return nil
            }
        case .showGraphic:
            if case .exhibit(let hall, let exhibit) = here { return .exhibitFull(hall, exhibit) }
            return nil
        case .openExhibit(let hall, let exhibit): return .exhibit(hall, exhibit)
        case .walk(let hall), .goToHall(let hall): return .hall(hall)
        case .continueTour: return neighbours(of: here).next
        case .stepOut: return pack.remembranceHall.map(Location.hall)
        case .startAgain: return .home
        // The book is kept by a kiosk with a database; an exported page has none.
        case .chooseLanguage, .chooseTour, .search, .enterHall, .turnBack, .returnToTour, .joinGroup, .startGroup, .takeBackGroup, .walkOnAlone,
             .writeInBook, .readBook, .bookField, .saveInBook, .leaveBook, .bookPage: return nil
        }
    }

    // MARK: - Pages

    private func page(_ location: Location, _ language: String) -> String {
        switch location {
        case .languages: return languagesPage()
        case .home: return homePage(language)
        default:
            var page = kioskPage(of: location, language)
            // On the kiosk a "read more" page is reached only through its stop's page, which
            // names the advisories; a web page can be opened from anywhere, so it names them
            // too, after its title, as the stop's page does.
            if let tags = moreAdvisories(location), let note = tour.advisoryNote(tags, language),
               let title = page.blocks.firstIndex(where: { $0.kind == .title }) {
                page.blocks.insert(note, at: title + 1)
            }
            let title = page.blocks.first { $0.kind == .title }?.runs.plainText ?? ""
            let body = navigation(location, language) + HTMLBody(export: self, here: location, language: language).render(page)
            return document(title, language, body)
        }
    }

    private func document(_ title: String, _ language: String, _ body: [String]) -> String {
        let museum = localized(pack.museumName, language)
        return ([
            "<!DOCTYPE html>",
            "<html lang=\"\(HTMLText.escape(language))\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(HTMLText.escape(title.isEmpty || title == museum ? museum : "\(title) · \(museum)"))</title>",
            "</head>",
            "<body>",
        ] + body + ["</body>", "</html>"]).joined(separator: "\n") + "\n"
    }

    private func languagesPage() -> String {
        var body = ["<h1>\(HTMLText.escape(localized(pack.museumName, pack.defaultLanguage)))</h1>", "<ul>"]
        for language in pack.languages {
            let name = localized(pack.museumName, language)
            body.append("<li><a href=\"\(link(from: .languages, to: .home, pack.defaultLanguage, language))\" hreflang=\"\(language)\" lang=\"\(language)\">"
                        + "\(HTMLText.escape(tour.languageName(language)))</a>: \(HTMLText.escape(name))</li>")
        }
        body.append("</ul>")
        return document(localized(pack.museumName, pack.defaultLanguage), pack.defaultLanguage, body)
    }

    /// The welcome: the museum and its floor, then the kiosk's own pages for the tour's
    /// advisory (its "Continue" leads to the first stop) and the floor as a list.
    private func homePage(_ language: String) -> String {
        var body = navigation(.home, language)
        body.append("<h1>\(HTMLText.escape(localized(pack.museumName, language)))</h1>")
        body.append("<p><strong>\(HTMLText.escape(localized(pack.floor, language)))</strong></p>")
        let address = localized(pack.address, language)
        if !address.isEmpty { body.append("<p>\(HTMLText.escape(address))</p>") }
        let renderer = HTMLBody(export: self, here: .home, language: language, titleLevel: 2)
        var advisory = kioskPage(.tourAdvisory, language)
        // The kiosk's advisory says which key steps out to the quiet hall; here every page has
        // a link to it instead.
        let keyHint = tour.say(.stepOutHint, language).prefix { $0 != "{" }
        advisory.blocks.removeAll { !keyHint.isEmpty && $0.runs.plainText.hasPrefix(keyHint) }
        body += renderer.render(advisory)
        body += renderer.render(kioskPage(.map, language))
        return document(localized(pack.museumName, language), language, body)
    }

    // MARK: - The way around

    /// The way around, as the kiosk's keys: previous and next stop on the guided route, back
    /// up to the hall, the floor, the hall of remembrance, and the same page in the other
    /// languages.
    private func navigation(_ here: Location, _ language: String) -> [String] {
        var links: [String] = []
        func add(_ target: Location, _ text: Message) {
            links.append("<a href=\"\(link(from: here, to: target, language))\">\(HTMLText.escape(pack.messages.text(text, language)))</a>")
        }
        let (previous, next) = neighbours(of: here)
        if let previous { add(previous, .keyPrevious) }
        if let next { add(next, .keyNext) }
        switch here {
        case .hallMore(let hall), .exhibit(let hall, _), .exhibitFull(let hall, _): add(.hall(hall), .keyBack)
        case .exhibitMore(let hall, let exhibit):
            // Back to the page the "read more" link is on: a graphic exhibit's, read in full.
            add(pack.halls[hall].exhibits[exhibit].graphic ? .exhibitFull(hall, exhibit) : .exhibit(hall, exhibit), .keyBack)
        default: break
        }
        if here != .home { add(.home, .keyMap) }
        // A way out to the quiet hall from every page, as `x` is on the kiosk.
        if let quiet = pack.remembranceHall, here != .hall(quiet) {
            let title = pack.narrative(quiet, language)
            links.append("<a href=\"\(link(from: here, to: .hall(quiet), language))\"\(lang(title.titleLanguage, on: language))>"
                         + "\(HTMLText.escape(title.value.title))</a>")
        }
        for other in pack.languages where other != language && exists(here, in: other) {
            links.append("<a href=\"\(link(from: here, to: here, language, other))\" hreflang=\"\(other)\" lang=\"\(other)\">"
                         + "\(HTMLText.escape(tour.languageName(other)))</a>")
        }
        guard !links.isEmpty else { return [] }
        var stop = ""
        if let number = here.stop.flatMap(pack.number(of:)) { stop = " · \(HTMLText.escape(tour.say(.stop, language))) \(number)" }
        return ["<nav><p>" + links.joined(separator: " · ") + stop + "</p></nav>", "<hr>"]
    }

    /// The page before and after on the guided route, where a visitor pressing p and n goes.
    private func neighbours(of location: Location) -> (previous: Location?, next: Location?) {
        if location == .home { return (nil, pack.route.first.map(self.location(of:)) ?? .end) }
        if location == .end { return (pack.route.last.map(self.location(of:)), nil) }
        guard let position = location.stop.flatMap({ pack.routePositions[$0] }) else { return (nil, nil) }
        let previous = position > 0 ? self.location(of: pack.route[position - 1]) : .home
        let next = position + 1 < pack.route.count ? self.location(of: pack.route[position + 1]) : .end
        return (previous, next)
    }

    private func location(of stop: Stop) -> Location {
        switch stop {
        case .hall(let hall): return .hall(hall)
        case .exhibit(let hall, let exhibit): return .exhibit(hall, exhibit)
        }
    }

    // MARK: - Text in the visitor's language

    private func localized(_ text: LocalizedText, _ language: String) -> String {
        text.text(in: language, fallback: pack.defaultLanguage)
    }

    /// ` lang="…"` on an element whose text is not in the page's language.
    func lang(_ textLanguage: String?, on page: String) -> String {
        guard let textLanguage, textLanguage != page else { return "" }
        return " lang=\"\(HTMLText.escape(textLanguage))\""
    }

    // MARK: - A kiosk page as HTML

    /// The blocks of a kiosk page as HTML elements, a line each: neighbouring list items share
    /// a list, neighbouring fields a definition list, neighbouring places to go (exhibits,
    /// halls) a list of links; a step (read more, continue) is a link in a paragraph. Pack
    /// text shown in another language than the page's is marked with `lang`.
    struct HTMLBody {
        let export: HTMLExport
        let here: Location
        let language: String
        /// `h1` for a page's title; `h2` where a page is a section of another.
        var titleLevel = 1

        func render(_ page: Page) -> [String] {
            // Items with no page on the web are left out before the rest is grouped.
            let blocks: [(block: PageBlock, target: Location?)] = page.blocks.compactMap { block in
                guard let action = block.action else { return (block, nil) }
                return export.target(of: action, from: here).map { (block, $0) }
            }
            var lines: [String] = []
            var index = 0
            while index < blocks.count {
                let kind = group(blocks[index].block.kind)
                var end = index + 1
                while end < blocks.count, group(blocks[end].block.kind) == kind { end += 1 }
                let run = blocks[index..<end]
                switch kind {
                case .list:
                    lines.append("<ul>")
                    lines += run.map { "<li\(lang($0.block))>\(inline($0.block))</li>" }
                    lines.append("</ul>")
                case .fields:
                    lines.append("<dl>")
                    lines += run.map { field($0.block) }
                    lines.append("</dl>")
                case .menu:
                    lines.append("<ul>")
                    lines += run.map { "<li>\(item($0.block, to: $0.target!))</li>" }
                    lines.append("</ul>")
                case .choice:
                    lines += run.map { "<p>\(item($0.block, to: $0.target!))</p>" }
                case .single:
                    lines += run.map { single($0.block) }
                }
                index = end
            }
            return lines
        }

        /// How blocks go together: a list of places (a hall's exhibits, its exits, the floor)
        /// is a list even of one; a step (read more, continue) is a paragraph of its own.
        private enum Group { case list, fields, menu, choice, single }

        private func group(_ kind: PageBlock.Kind) -> Group {
            switch kind {
            case .listItem: return .list
            case .field: return .fields
            case .item(.openExhibit), .item(.walk), .item(.goToHall): return .menu
            case .item: return .choice
            case .title, .heading, .paragraph, .quote, .note: return .single
            }
        }

        private func single(_ block: PageBlock) -> String {
            let attribute = lang(block)
            switch block.kind {
            case .title: return "<h\(titleLevel)\(attribute)>\(inline(block))</h\(titleLevel)>"
            case .heading: return "<h\(titleLevel + 1)\(attribute)>\(inline(block))</h\(titleLevel + 1)>"
            case .quote: return "<blockquote\(attribute)><p>\(inline(block))</p></blockquote>"
            default: return "<p\(attribute)>\(inline(block))</p>"
            }
        }

        /// A record's line: the field's name, and its value in the language it is in.
        private func field(_ block: PageBlock) -> String {
            var name = HTMLText.trimmed(block.runs.filter { $0.role == .fieldName }.map(\.text).joined())
            if name.hasSuffix(":") { name = HTMLText.trimmed(String(name.dropLast())) }
            let value = block.runs.filter { $0.role != .fieldName }
            return "<dt>\(HTMLText.escape(name))</dt><dd\(export.lang(block.language, on: language))>\(HTMLText.runs(value))</dd>"
        }

        /// An item as a link: its words are the link, a stop number or arrow beside them is not.
        private func item(_ block: PageBlock, to target: Location) -> String {
            let href = export.link(from: here, to: target, language)
            let attribute = export.lang(block.language, on: language)
            guard let first = block.runs.firstIndex(where: { $0.role == .item }),
                  let last = block.runs.lastIndex(where: { $0.role == .item }) else {
                return "<a href=\"\(href)\"\(attribute)>\(HTMLText.runs(block.runs))</a>"
            }
            let link = "<a href=\"\(href)\"\(attribute)>\(HTMLText.runs(Array(block.runs[first...last])))</a>"
            // A terminal's column padding around the words becomes one space, and a marker
            // before them (an arrow) is left to the list's bullet.
            let before = block.runs[..<first].filter { $0.text.contains { $0.isLetter || $0.isNumber } }
            return [HTMLText.runs(before), link, HTMLText.runs(Array(block.runs[(last + 1)...]))]
                .map(HTMLText.trimmed).filter { !$0.isEmpty }.joined(separator: " ")
        }

        /// A block's runs; when a field name or hint stands beside text in another language,
        /// the text is marked and the rest is not.
        private func inline(_ block: PageBlock) -> String {
            guard export.lang(block.language, on: language) != "", block.runs.contains(where: { Self.framing.contains($0.role) }) else {
                return HTMLText.runs(block.runs)
            }
            let framing = block.runs.prefix { Self.framing.contains($0.role) }
            let text = Array(block.runs.dropFirst(framing.count))
            guard !text.isEmpty else { return HTMLText.runs(block.runs) }
            return HTMLText.runs(Array(framing)) + "<span\(export.lang(block.language, on: language))>\(HTMLText.runs(text))</span>"
        }

        /// ` lang` on a block's element, when all of it is in that language.
        private func lang(_ block: PageBlock) -> String {
            block.runs.contains(where: { Self.framing.contains($0.role) }) ? "" : export.lang(block.language, on: language)
        }

        /// Runs in the visitor's language beside pack text: a field's name, a stop number.
        private static let framing: Set<Role> = [.fieldName, .hint, .key]
    }
}
