import KioskCore

/// One file of the export: its path inside the export's directory, and its text.
public struct HTMLPage: Equatable, Sendable {
    public var path: String
    public var html: String
}

/// The pack as plain linked HTML pages: a web or lynx edition of the tour, one page per screen
/// of the kiosk, in every language of the pack. No script, no style sheet, no image: it reads
/// the same in lynx, w3m, a screen reader and a browser.
///
/// The pages sit at `index.html` (choose a language), then per language `L/index.html` (welcome,
/// advisory, the floor as a list), `L/halls/<hall>.html` and `L/halls/<hall>.more.html`,
/// `L/halls/<hall>/<exhibit>.html` and `.more.html`, and `L/end.html`. Ids never hold a dot,
/// so no hall or exhibit can take another page's name.
public struct HTMLExport: Sendable {
    public let pack: Pack

    public init(pack: Pack) {
        self.pack = pack
    }

    /// Every page, in a stable order.
    public func pages() -> [HTMLPage] {
        var pages = [HTMLPage(path: path(of: .languages, in: pack.defaultLanguage), html: page(.languages, pack.defaultLanguage))]
        for language in pack.languages {
            var locations: [Location] = [.home, .end]
            for hall in pack.halls.indices {
                locations += [.hall(hall), .hallMore(hall)]
                for exhibit in pack.halls[hall].exhibits.indices {
                    locations += [.exhibit(hall, exhibit), .exhibitMore(hall, exhibit)]
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
        case exhibit(Int, Int), exhibitMore(Int, Int)

        /// The stop a page is of, its "read more" page included.
        var stop: Stop? {
            switch self {
            case .hall(let hall), .hallMore(let hall): return .hall(hall)
            case .exhibit(let hall, let exhibit), .exhibitMore(let hall, let exhibit): return .exhibit(hall, exhibit)
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
        case .exhibitMore(let hall, let exhibit): return "\(language)/halls/\(halls[hall].id)/\(halls[hall].exhibits[exhibit].id).more.html"
        }
    }

    // MARK: - Pages

    private func page(_ location: Location, _ language: String) -> String {
        switch location {
        case .languages: return languagesPage()
        case .home: return homePage(language)
        case .end: return endPage(language)
        case .hall(let hall): return hallPage(hall, language)
        case .hallMore(let hall):
            return morePage(.hallMore(hall), pack.narrative(hall, language, layer: .more),
                            advisories: pack.halls[hall].advisories, language)
        case .exhibit(let hall, let exhibit): return exhibitPage(hall, exhibit, language)
        case .exhibitMore(let hall, let exhibit):
            return morePage(.exhibitMore(hall, exhibit), pack.exhibitText(hall, exhibit, language, layer: .more),
                            advisories: pack.halls[hall].exhibits[exhibit].advisories, language)
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
            "<title>\(HTMLText.escape(title == museum ? museum : "\(title) · \(museum)"))</title>",
            "</head>",
            "<body>",
        ] + body + ["</body>", "</html>"]).joined(separator: "\n") + "\n"
    }

    private func languagesPage() -> String {
        var body = ["<h1>\(HTMLText.escape(localized(pack.museumName, pack.defaultLanguage)))</h1>", "<ul>"]
        for language in pack.languages {
            let name = localized(pack.museumName, language)
            body.append("<li><a href=\"\(link(from: .languages, to: .home, pack.defaultLanguage, language))\" hreflang=\"\(language)\" lang=\"\(language)\">"
                        + "\(HTMLText.escape(UIText.languageName(language)))</a>: \(HTMLText.escape(name))</li>")
        }
        body.append("</ul>")
        return document(localized(pack.museumName, pack.defaultLanguage), pack.defaultLanguage, body)
    }

    private func homePage(_ language: String) -> String {
        var body = navigation(.home, language)
        body.append("<h1>\(HTMLText.escape(localized(pack.museumName, language)))</h1>")
        body.append("<p><strong>\(HTMLText.escape(localized(pack.floor, language)))</strong></p>")
        let address = localized(pack.address, language)
        if !address.isEmpty { body.append("<p>\(HTMLText.escape(address))</p>") }
        // The tour's advisory comes before the first hall, as on the kiosk.
        body.append("<h2>\(word(.advisoryTitle, language))</h2>")
        let advisories = pack.advisories(tagged: pack.usedAdvisoryTags)
        if !advisories.isEmpty {
            body.append("<p>\(word(.advisoryIntro, language))</p>")
            body.append("<ul>")
            body += advisories.map { "<li>\(HTMLText.escape(localized($0.text, language)))</li>" }
            body.append("</ul>")
        }
        body.append("<p>\(word(.advisoryAge, language))</p>")
        body.append("<p>\(word(.advisoryEachHall, language))</p>")
        if !pack.route.isEmpty {
            body.append("<p><a href=\"\(link(from: .home, to: location(of: pack.route[0]), language))\">\(word(.begin, language))</a></p>")
        }
        body.append("<h2>\(HTMLText.escape(UIText.mapTitle.text(language) + " · " + localized(pack.floor, language)))</h2>")
        body.append("<ul>")
        for hall in pack.halls.indices {
            let narrative = pack.narrative(hall, language)
            // A hall's title and summary share a language: both come from the same file.
            body.append("<li\(lang(narrative.titleLanguage, on: language))>\(pack.halls[hall].stop) <a href=\"\(link(from: .home, to: .hall(hall), language))\">"
                        + "\(HTMLText.escape(narrative.value.title))</a>: \(HTMLText.escape(narrative.value.summary))</li>")
        }
        body.append("</ul>")
        return document(localized(pack.museumName, language), language, body)
    }

    private func endPage(_ language: String) -> String {
        var body = navigation(.end, language)
        body.append("<h1>\(word(.endTitle, language))</h1>")
        body.append("<p>\(word(.endText, language))</p>")
        body.append("<p><a href=\"\(link(from: .end, to: .home, language))\">\(word(.startAgain, language))</a></p>")
        return document(UIText.endTitle.text(language), language, body)
    }

    private func hallPage(_ index: Int, _ language: String) -> String {
        let hall = pack.halls[index]
        let resolved = pack.narrative(index, language)
        let narrative = resolved.value
        let here = Location.hall(index)
        var body = opening(here, resolved, advisories: hall.advisories, language)
        body += text(narrative.label, in: resolved.textLanguage, on: language)
        if !narrative.more.isEmpty {
            body.append("<p><a href=\"\(link(from: here, to: .hallMore(index), language))\">\(word(.readMore, language))</a></p>")
        }
        if !hall.exhibits.isEmpty {
            body.append("<h2>\(word(.inThisHall, language))</h2>")
            body.append("<ul>")
            for exhibit in hall.exhibits.indices {
                let number = hall.exhibits[exhibit].stop.map { "\($0) " } ?? ""
                let title = pack.exhibitText(index, exhibit, language)
                body.append("<li>\(number)<a href=\"\(link(from: here, to: .exhibit(index, exhibit), language))\"\(lang(title.titleLanguage, on: language))>"
                            + "\(HTMLText.escape(title.value.title))</a></li>")
            }
            body.append("</ul>")
        }
        if !hall.exits.isEmpty {
            body.append("<h2>\(word(.walkOn, language))</h2>")
            body.append("<ul>")
            for exit in hall.exits {
                let title = pack.narrative(exit, language)
                body.append("<li><a href=\"\(link(from: here, to: .hall(exit), language))\"\(lang(title.titleLanguage, on: language))>"
                            + "\(HTMLText.escape(title.value.title))</a> \(pack.halls[exit].stop)</li>")
            }
            body.append("</ul>")
        }
        body += sources(narrative.sources, language)
        return document(narrative.title, language, body)
    }

    private func exhibitPage(_ hall: Int, _ index: Int, _ language: String) -> String {
        let exhibit = pack.halls[hall].exhibits[index]
        let resolved = pack.exhibitText(hall, index, language)
        let record = resolved.value
        let here = Location.exhibit(hall, index)
        var body = opening(here, resolved, advisories: exhibit.advisories, language)
        let source = exhibit.recordSource == .demonstration ? UIText.demonstrationRecord : .collectionRecord
        let fields: [(UIText, String)] = [
            (.objectNumber, exhibit.objectNumber), (.objectName, record.objectName), (.date, record.date),
            (.maker, record.maker), (.materials, record.materials), (.dimensions, record.dimensions),
            (.creditLine, record.creditLine), (.rights, record.rights), (.record, source.text(language)),
        ]
        body.append("<dl>")
        for (name, value) in fields {
            body.append("<dt>\(word(name, language))</dt><dd>\(HTMLText.escape(value))</dd>")
        }
        body.append("</dl>")
        body += text(record.label, in: resolved.textLanguage, on: language)
        if !record.more.isEmpty {
            body.append("<p><a href=\"\(link(from: here, to: .exhibitMore(hall, index), language))\">\(word(.readMore, language))</a></p>")
        }
        body += sources(record.sources, language)
        return document(record.title, language, body)
    }

    /// A hall's or an exhibit's "read more" page: the stop's heading and notes, the longer
    /// text, the sources.
    private func morePage<Text: StopText>(_ here: Location, _ resolved: ResolvedText<Text>, advisories: [String],
                                          _ language: String) -> String {
        var body = opening(here, resolved, advisories: advisories, language)
        body += text(resolved.value.more, in: resolved.textLanguage, on: language)
        body += sources(resolved.value.sources, language)
        return document(resolved.value.title, language, body)
    }

    // MARK: - Parts of pages

    /// How a stop's pages begin: the way around, the title (in the language it is really in),
    /// the advisories and the translation's note.
    private func opening<Text: StopText>(_ here: Location, _ resolved: ResolvedText<Text>, advisories: [String],
                                         _ language: String) -> [String] {
        var body = navigation(here, language)
        body.append("<h1\(lang(resolved.titleLanguage, on: language))>\(HTMLText.escape(resolved.value.title))</h1>")
        body += notes(advisories: advisories, translation: resolved.value.translation, isFallback: resolved.isFallback, language)
        return body
    }

    /// The way around, as the kiosk's keys: previous and next stop on the guided route, back
    /// up to the hall, the floor, the hall of remembrance, and the same page in the other
    /// languages.
    private func navigation(_ here: Location, _ language: String) -> [String] {
        var links: [String] = []
        func add(_ target: Location, _ text: UIText) {
            links.append("<a href=\"\(link(from: here, to: target, language))\">\(word(text, language))</a>")
        }
        let (previous, next) = neighbours(of: here)
        if let previous { add(previous, .keyPrevious) }
        if let next { add(next, .keyNext) }
        switch here {
        case .hallMore(let hall): add(.hall(hall), .keyBack)
        case .exhibit(let hall, _): add(.hall(hall), .keyBack)
        case .exhibitMore(let hall, let exhibit): add(.exhibit(hall, exhibit), .keyBack)
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
                         + "\(HTMLText.escape(UIText.languageName(other)))</a>")
        }
        guard !links.isEmpty else { return [] }
        var stop = ""
        if let number = here.stop.flatMap(pack.number(of:)) { stop = " · \(word(.stop, language)) \(number)" }
        return ["<nav><p>" + links.joined(separator: " · ") + stop + "</p></nav>", "<hr>"]
    }

    /// The page before and after on the guided route, where a visitor pressing p and n goes.
    private func neighbours(of location: Location) -> (previous: Location?, next: Location?) {
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

    /// "Read more" pages exist only where there is more to read, in that language.
    private func exists(_ location: Location, in language: String) -> Bool {
        switch location {
        case .hallMore(let hall): return !pack.narrative(hall, language).value.more.isEmpty
        case .exhibitMore(let hall, let exhibit): return !pack.exhibitText(hall, exhibit, language).value.more.isEmpty
        default: return true
        }
    }

    /// The advisory before the text, and a mark on a text that is not in the visitor's
    /// language or was translated by machine.
    private func notes(advisories tags: [String], translation: TranslationStatus, isFallback: Bool, _ language: String) -> [String] {
        var notes: [String] = []
        let texts = tags.compactMap { pack.advisory($0).map { localized($0.text, language) } }
        if !texts.isEmpty {
            notes.append("<p><strong>\(word(.advisoryNote, language)) \(HTMLText.escape(texts.joined(separator: "; ")))</strong></p>")
        }
        if isFallback {
            notes.append("<p><em>\(word(.notTranslated, language))</em></p>")
        } else if translation == .machine {
            notes.append("<p><em>\(word(.machineTranslation, language))</em></p>")
        }
        return notes
    }

    private func sources(_ sources: [String], _ language: String) -> [String] {
        guard !sources.isEmpty else { return [] }
        return ["<h2>\(word(.sources, language))</h2>", "<ul>"] + sources.map { "<li>\(HTMLText.escape($0))</li>" } + ["</ul>"]
    }

    // MARK: - Text in the visitor's language

    private func word(_ text: UIText, _ language: String) -> String { HTMLText.escape(text.text(language)) }

    private func localized(_ text: LocalizedText, _ language: String) -> String {
        text.text(in: language, fallback: pack.defaultLanguage)
    }

    /// ` lang="…"` on an element whose text is not in the page's language.
    private func lang(_ textLanguage: String, on page: String) -> String {
        textLanguage == page ? "" : " lang=\"\(HTMLText.escape(textLanguage))\""
    }

    /// Blocks of text, set apart with their language when it is not the page's.
    private func text(_ blocks: [Block], in textLanguage: String, on page: String) -> [String] {
        let lines = HTMLText.blocks(blocks)
        return textLanguage == page || lines.isEmpty ? lines : ["<div\(lang(textLanguage, on: page))>"] + lines + ["</div>"]
    }
}
