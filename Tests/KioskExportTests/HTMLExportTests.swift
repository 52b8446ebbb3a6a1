import Foundation
import KioskCore
import KioskExport
import SnapshotTesting
import Testing

/// The test pack of KioskCoreTests: three halls, with translations and one missing.
let smallPack: Pack = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("KioskCoreTests/Packs/small")
    guard let pack = PackLoader(directory: folder.path).load().pack else { fatalError("the small test pack does not load") }
    return pack
}()

let bundledPack: Pack = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    guard let pack = PackLoader(directory: root.path).load().pack else { fatalError("the bundled pack does not load") }
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

@Suite struct HTMLExportTests {
    /// Golden pages, reviewed like code; re-record with
    /// SNAPSHOT_TESTING_RECORD=all swift test --filter HTMLExportTests.
    @Test(arguments: ["index.html", "en/index.html", "en/halls/archive.html", "az/halls/entrance.html",
                      "en/halls/archive/01-ledger.html", "ru/halls/garden.html", "en/end.html"])
    func goldenPages(path: String) throws {
        let html = try #require(pages(smallPack)[path])
        assertSnapshot(of: html, as: .lines, named: path.replacing("/", with: "_"))
    }

    /// A translation with its own label but no "read more" of its own: the more page says so and
    /// marks its text as the original's, as the kiosk's page does, not as a machine translation.
    @Test func aMorePageInTheOriginalSaysSo() throws {
        let html = try #require(pages(smallPack)["az/halls/archive.more.html"])
        #expect(html.contains(UIText.notTranslated.text("az")))
        #expect(!html.contains(UIText.machineTranslation.text("az")))
        #expect(html.contains("<div lang=\"en\">"))
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
        let html = try #require(pages(smallPack)["en/halls/archive/01-ledger.html"])
        let advisory = try #require(html.range(of: "Advisory: Accounts of loss"))
        let label = try #require(html.range(of: "A ledger with names written by hand."))
        let record = try #require(html.range(of: "<dl>"))
        #expect(advisory.upperBound < record.lowerBound)
        #expect(record.upperBound < label.lowerBound)
    }

    @Test func translationsAreMarkedAndFallBackVisibly() throws {
        let exported = pages(smallPack)
        // The garden has no Russian text: it is shown in English, and says so in Russian.
        let garden = try #require(exported["ru/halls/garden.html"])
        #expect(garden.contains("<html lang=\"ru\">"))
        #expect(garden.contains("Ещё не переведено: показано на языке оригинала."))
        #expect(garden.contains("The garden"))
        let entrance = try #require(exported["ru/halls/entrance.html"])
        #expect(entrance.contains("Машинный перевод, ещё не проверен."))
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
        #expect(home.contains("<a href=\"halls/entrance.html\">Begin the tour</a>"))
        let first = try #require(exported["en/halls/entrance.html"])
        #expect(first.contains("<a href=\"../index.html\">Previous stop</a> · <a href=\"entrance/01-plan.html\">Next stop</a>"))
        let last = try #require(exported["en/halls/garden.html"])
        #expect(last.contains("<a href=\"../end.html\">Next stop</a>"))
    }
}
