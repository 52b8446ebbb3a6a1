import Foundation

/// The bundled pack, whose message catalogues are the kiosk's own words.
let kioskWords = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
import KioskCore
import KioskExport
import SnapshotTesting
import Testing

/// The test pack of KioskCoreTests: three halls, with translations and one missing.
let smallPack: Pack = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("KioskCoreTests/Packs/small")
    guard let pack = PackLoader(directory: folder.path, kioskWords: kioskWords).load().pack else { fatalError("the small test pack does not load") }
    return pack
}()

let bundledPack: Pack = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    guard let pack = PackLoader(directory: root.path, kioskWords: kioskWords).load().pack else { fatalError("the bundled pack does not load") }
    return pack
}()

func pages(_ pack: Pack) -> [String: String] {
    Dictionary(uniqueKeysWithValues: HTMLExport(pack: pack).pages().map { ($0.path, $0.html) })
}

/// Where a link on the page at `path` leads, as a path in the export; nil when it leaves it.
func resolve(_ link: String, from path: String) -> String? {
    var parts = path.split(separator: "/").dropLast().map(String.init)
    for part in link.split(separator: "/") {
        if part == ".." {
            if parts.popLast() == nil { return nil }
        } else {
            parts.append(String(part))
        }
    }
    return parts.joined(separator: "/")
}

/// The links of a page, as written in its `href`s.
func links(in html: String) -> [String] {
    html.split(separator: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
}

/// What a reader of a page reads: its text without markup, its characters unescaped.
func readable(_ html: String) -> String {
    var text = ""
    var inTag = false
    for character in html {
        if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
    }
    return text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
        .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
}

/// The sentences of a label as a visitor reads them.
func sentences(_ blocks: [Block]) -> [String] {
    blocks.flatMap { block in
        block.spans.map(\.text).joined().split(separator: ". ").map { String($0) }
    }
}

@Suite struct HTMLExportTests {
    /// Golden pages, reviewed like code; re-record with
    /// SNAPSHOT_TESTING_RECORD=all swift test --filter HTMLExportTests.
    @Test(arguments: ["index.html", "en/index.html", "en/halls/archive.html", "az/halls/entrance.html",
                      "en/halls/archive/01-ledger.html", "en/halls/archive/01-ledger.full.html",
                      "az/halls/archive/01-ledger.html", "az/halls/archive.more.html", "ru/halls/garden.html", "en/end.html"])
    func goldenPages(path: String) throws {
        let html = try #require(pages(smallPack)[path])
        assertSnapshot(of: html, as: .lines, named: path.replacing("/", with: "_"))
    }

    /// A translation with its own label but no "read more" of its own: the more page says so and
    /// marks its text as the original's, as the kiosk's page does, not as a machine translation.
    @Test func aMorePageInTheOriginalSaysSo() throws {
        let html = try #require(pages(smallPack)["az/halls/archive.more.html"])
        #expect(html.contains(Tour(pack: smallPack).say(.notTranslated, "az")))
        #expect(!html.contains(Tour(pack: smallPack).say(.machineTranslation, "az")))
        #expect(html.contains("<p lang=\"en\">The archive&#39;s longer text.</p>"))
    }

    @Test(arguments: ["small", "bundled"])
    func everyLinkLeadsToAnExportedPage(name: String) {
        let exported = pages(name == "small" ? smallPack : bundledPack)
        #expect(exported.count > 10)
        for (path, html) in exported {
            for link in links(in: html) {
                let target = resolve(link, from: path)
                #expect(target.flatMap { exported[$0] } != nil, "\(name): \(path) links to \(link), which is not exported")
            }
        }
    }

    @Test func everyStopAndLanguageHasItsPage() {
        let exported = pages(smallPack)
        for language in smallPack.languages {
            for hall in smallPack.halls {
                #expect(exported["\(language)/halls/\(hall.id).html"] != nil)
                for exhibit in hall.exhibits {
                    #expect(exported["\(language)/halls/\(hall.id)/\(exhibit.id).html"] != nil)
                }
            }
        }
    }

    @Test func packTextCannotBecomeMarkup() throws {
        var halls = smallPack.halls
        halls[1].narrative.original.title = "<script>alert(1)</script> & \"more\""
        halls[1].narrative.original.label = [.paragraph([Span("<img src=x onerror=alert(1)>")])]
        let pack = Pack(languages: smallPack.languages, museumName: smallPack.museumName, address: smallPack.address,
                        floor: smallPack.floor, advisories: smallPack.advisories, halls: halls)
        let html = try #require(pages(pack)["en/halls/archive.html"])
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;</h1>"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func theAdvisoryComesBeforeTheText() throws {
        let html = try #require(pages(smallPack)["en/halls/archive/01-ledger.full.html"])
        let advisory = try #require(html.range(of: "Advisory: Accounts of loss"))
        let label = try #require(html.range(of: "A ledger with names written by hand."))
        let record = try #require(html.range(of: "<dl>"))
        #expect(advisory.upperBound < label.lowerBound)
        #expect(label.upperBound < record.lowerBound, "the label first, the record below it, as on the kiosk")
    }

    /// The archive carries an advisory: its page names it after the title and before the
    /// label, in every language, as the kiosk's page does.
    @Test(arguments: ["en", "az", "ru"])
    func aHallsAdvisoriesComeBeforeItsText(language: String) throws {
        let html = try #require(pages(smallPack)["\(language)/halls/archive.html"])
        let archive = try #require(smallPack.halls.firstIndex { $0.id == "archive" })
        #expect(!smallPack.halls[archive].advisories.isEmpty)
        let text = readable(html)
        let title = try #require(text.range(of: smallPack.narrative(archive, language).value.title + "\n"))
        let advisory = try #require(text.range(of: Tour(pack: smallPack).say(.advisoryNote, language) + " "
                                               + smallPack.advisories[0].text.text(in: language, fallback: "en")))
        let label = try #require(sentences(smallPack.narrative(archive, language).value.label).first)
        let labelStart = try #require(text.range(of: label))
        #expect(title.upperBound <= advisory.lowerBound)
        #expect(advisory.upperBound < labelStart.lowerBound)
    }

    /// A "read more" page can be opened without its hall's page (a bookmark, a search): it
    /// names the hall's advisories before its text too.
    @Test(arguments: ["en", "az", "ru"])
    func aMorePageNamesItsHallsAdvisoriesBeforeItsText(language: String) throws {
        let html = try #require(pages(smallPack)["\(language)/halls/archive.more.html"])
        let text = readable(html)
        let advisory = try #require(text.range(of: Tour(pack: smallPack).say(.advisoryNote, language) + " "
                                               + smallPack.advisories[0].text.text(in: language, fallback: "en")))
        let more = try #require(text.range(of: "The archive's longer text."))
        #expect(advisory.upperBound < more.lowerBound)
    }

    /// The small pack's graphic exhibit, in every language: its page gives the text
    /// alternative and a link to the page with the label, and no label and no "read more".
    @Test(arguments: ["en", "az", "ru"])
    func aGraphicExhibitShowsItsTextAlternativeFirst(language: String) throws {
        guard case .exhibit(let hall, let index) = try #require(smallPack.stopNumbers[111]) else {
            Issue.record("stop 111 is not an exhibit")
            return
        }
        #expect(smallPack.halls[hall].exhibits[index].graphic)
        let exported = pages(smallPack)
        let text = smallPack.exhibitText(hall, index, language).value
        let path = "\(language)/halls/archive/01-ledger.html"
        let hidden = try #require(exported[path])
        #expect(!readable(hidden).contains("A ledger with names written by hand"))
        #expect(readable(hidden).contains(Tour(pack: smallPack).say(.textAlternative, language) + " " + text.summary))
        #expect(hidden.contains("<a href=\"01-ledger.full.html\">\(Tour(pack: smallPack).say(.showGraphic, language))</a>"))
        #expect(!links(in: hidden).contains { $0.hasSuffix(".more.html") })
        let full = try #require(exported["\(language)/halls/archive/01-ledger.full.html"])
        #expect(readable(full).contains("A ledger with names written by hand."))
        #expect(!full.contains(Tour(pack: smallPack).say(.textAlternative, language)))
    }

    /// Stop 455 of the bundled pack, the photographs from Khojaly: in no language does its page
    /// give any sentence of the label; the page a link away gives it, and links to "read more".
    @Test(arguments: ["en", "az", "ru"])
    func theKhojalyPhotographsShowNoLabelUntilALinkIsFollowed(language: String) throws {
        guard case .exhibit(let hall, let index) = try #require(bundledPack.stopNumbers[455]) else {
            Issue.record("stop 455 is not an exhibit")
            return
        }
        #expect(bundledPack.halls[hall].exhibits[index].graphic)
        let base = "\(language)/halls/\(bundledPack.halls[hall].id)/\(bundledPack.halls[hall].exhibits[index].id)"
        let exported = pages(bundledPack)
        let hidden = try #require(exported[base + ".html"])
        let full = try #require(exported[base + ".full.html"])
        let label = sentences(bundledPack.exhibitText(hall, index, language).value.label)
        #expect(label.count > 2)
        for sentence in label {
            #expect(!readable(hidden).contains(sentence), "\(base).html shows the label: \(sentence)")
            #expect(readable(full).contains(sentence))
        }
        let fullName = String(base.split(separator: "/").last!) + ".full.html"
        #expect(links(in: hidden).contains(fullName))
        #expect(!links(in: hidden).contains { $0.hasSuffix(".more.html") })
        #expect(links(in: full).contains { $0.hasSuffix(".more.html") })
    }

    /// A graphic exhibit's full page is one deliberate step from its own page: only that page,
    /// the full page in another language and its "read more" page (back) link to it, never the
    /// route, the hall or the floor.
    @Test(arguments: ["small", "bundled"])
    func onlyAGraphicExhibitsOwnPagesLeadToItsFullPage(name: String) {
        let exported = pages(name == "small" ? smallPack : bundledPack)
        #expect(exported.keys.contains { $0.hasSuffix(".full.html") })
        for (path, html) in exported {
            for target in links(in: html).compactMap({ resolve($0, from: path) }) where target.hasSuffix(".full.html") {
                let exhibit = String(target.dropLast(".full.html".count).split(separator: "/").dropFirst().joined(separator: "/"))
                let source = String(path.split(separator: "/").dropFirst().joined(separator: "/"))
                #expect([exhibit + ".html", exhibit + ".full.html", exhibit + ".more.html"].contains(source),
                        "\(path) links to \(target)")
            }
        }
    }

    @Test func translationsAreMarkedAndFallBackVisibly() throws {
        let exported = pages(smallPack)
        // The garden has no Russian text: it is shown in English, and says so in Russian.
        let garden = try #require(exported["ru/halls/garden.html"])
        #expect(garden.contains("<html lang=\"ru\">"))
        #expect(garden.contains(Tour(pack: smallPack).say(.notTranslated, "ru")))
        #expect(garden.contains("<h1 lang=\"en\">The garden</h1>"))
        #expect(garden.contains("<p lang=\"en\">A quiet garden. Sit for a while before you leave.</p>"))
        let entrance = try #require(exported["ru/halls/entrance.html"])
        #expect(entrance.contains(Tour(pack: smallPack).say(.machineTranslation, "ru")))
    }

    @Test func everyPageLeadsToTheHallOfRemembrance() throws {
        let quiet = try #require(bundledPack.remembranceHall)
        let id = bundledPack.halls[quiet].id
        let quietPage = "en/halls/\(id).html"
        for (path, html) in pages(bundledPack) where path.hasPrefix("en/") && path != quietPage {
            #expect(links(in: html).contains { resolve($0, from: path) == quietPage }, "\(path) has no way out to the Hall of Remembrance")
        }
    }

    @Test func theGuidedRouteRunsFromTheWelcomeToTheEnd() throws {
        let exported = pages(smallPack)
        let home = try #require(exported["en/index.html"])
        // The tour's advisory comes first; its "Continue" leads to the first hall.
        #expect(home.contains("<p><a href=\"halls/entrance.html\">Continue</a></p>"))
        let first = try #require(exported["en/halls/entrance.html"])
        #expect(first.contains("<a href=\"../index.html\">Previous stop</a> · <a href=\"entrance/01-plan.html\">Next stop</a>"))
        let last = try #require(exported["en/halls/garden.html"])
        #expect(last.contains("<a href=\"../end.html\">Next stop</a>"))
    }
}
