import Foundation
import Glibc
import Testing
@testable import KioskCore

/// Broken and malicious packs: each gets findings that name the file and line, and loading
/// neither crashes, nor hangs, nor reads a file outside the pack. The committed ones are in
/// Packs/hostile with the findings `validate` must give in `expected.txt`; the ones that cannot
/// be committed (tens of megabytes, links, a FIFO) are made here, in a temporary folder.
@Suite(.timeLimit(.minutes(1))) struct HostilePackTests {
    static let committed = TestPacks.corpus("hostile")

    @Test func thereIsACorpus() {
        #expect(Self.committed == ["alias-expansion", "climbing-references", "control-and-bidi", "duplicate-ids", "invalid-utf8"])
    }

    @Test(arguments: committed)
    func aCommittedHostilePackGetsExactlyItsFindings(name: String) throws {
        let (result, printed, expected) = try TestPacks.findings(of: "hostile/\(name)")
        #expect(printed == expected)
        #expect(result.pack == nil)
    }

    // MARK: - Made at test time

    @Test func aFileOfTensOfMegabytesIsRefusedWithoutBeingRead() throws {
        let scratch = try ScratchPack()
        // 30 MB of text, and a sparse file of 10 GiB: read whole, either would show.
        try scratch.write("Narratives/first.md", "---\ntitle: First\n---\n" + String(repeating: "A very long label. ", count: 1_600_000))
        try scratch.write("Exhibits/first/a.md", "")
        #expect(truncate(scratch.pack + "/Exhibits/first/a.md", 10 << 30) == 0)
        let result = scratch.load()
        #expect(result.findings.map(\.description).contains("\(scratch.pack)/Narratives/first.md:1: error: file is larger than 1024 KiB; a narrative or label is a few kilobytes"))
        #expect(result.findings.map(\.description).contains("\(scratch.pack)/Exhibits/first/a.md:1: error: file is larger than 1024 KiB; a narrative or label is a few kilobytes"))
        #expect(result.pack == nil)
    }

    @Test func aLinkedFileIsNotFollowed() throws {
        let scratch = try ScratchPack()
        try FileManager.default.removeItem(atPath: scratch.pack + "/Narratives/first.md")
        try scratch.link("Narratives/first.md", to: scratch.outside + "/secret.md")
        let result = scratch.loadWatchingOutside()
        // Once, though the file is met twice: as the hall's narrative and in its folder.
        #expect(result.findings.map(\.description) == ["\(scratch.pack)/Narratives/first.md:1: error: not a regular file (symbolic links and devices are not read)"])
    }

    @Test func aLinkedNarrativesFolderIsNotFollowed() throws {
        let scratch = try ScratchPack()
        try FileManager.default.removeItem(atPath: scratch.pack + "/Narratives")
        try scratch.link("Narratives", to: scratch.outside)
        let result = scratch.loadWatchingOutside()
        #expect(result.findings.map(\.description) == ["\(scratch.pack)/Narratives/tour.yaml:1: error: not read: \(scratch.pack)/Narratives is a symbolic link or not a folder (links are not followed inside a pack)"])
        #expect(result.exitStatus == 2)
    }

    @Test func linkedExhibitFoldersAreNotFollowed() throws {
        let scratch = try ScratchPack()
        try scratch.link("Exhibits/first", to: scratch.outside)
        var result = scratch.loadWatchingOutside()
        #expect(result.findings.map(\.description) == ["\(scratch.pack)/Exhibits/first:1: error: not read: a symbolic link (links are not followed inside a pack, so a pack cannot reach files outside it)"])
        try FileManager.default.removeItem(atPath: scratch.pack + "/Exhibits")
        try scratch.link("Exhibits", to: scratch.outside)
        result = scratch.loadWatchingOutside()
        #expect(result.findings.map(\.description) == ["\(scratch.pack)/Exhibits:1: error: not read: a symbolic link (links are not followed inside a pack, so a pack cannot reach files outside it)"])
    }

    @Test func aLinkThatPointsAtItselfIsNotFollowed() throws {
        let scratch = try ScratchPack()
        try scratch.link("Exhibits/first/loop.md", to: "loop.md")
        let result = scratch.load()
        #expect(result.findings.map(\.description).contains("\(scratch.pack)/Exhibits/first/loop.md:1: error: not a regular file (symbolic links and devices are not read)"))
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let scratch = try ScratchPack()
        try FileManager.default.removeItem(atPath: scratch.pack + "/Narratives/first.md")
        #expect(mkfifo(scratch.pack + "/Narratives/first.md", 0o644) == 0)
        let result = scratch.load()
        #expect(result.findings.map(\.description).contains("\(scratch.pack)/Narratives/first.md:1: error: not a regular file (symbolic links and devices are not read)"))
    }

    @Test func aFolderWhereAFileShouldBe() throws {
        let scratch = try ScratchPack()
        try FileManager.default.removeItem(atPath: scratch.pack + "/Narratives/first.md")
        try FileManager.default.createDirectory(atPath: scratch.pack + "/Narratives/first.md", withIntermediateDirectories: false)
        let result = scratch.load()
        #expect(result.findings.map(\.description).contains("\(scratch.pack)/Narratives/first.md:1: error: not a regular file (symbolic links and devices are not read)"))
    }

    @Test(arguments: ["[", "{a: "])
    func deeplyNestedYAMLStopsAtAThousandLevels(opening: String) throws {
        let scratch = try ScratchPack()
        let closing = opening == "[" ? "]" : "}"
        try scratch.write("Narratives/first.md", "---\ntitle: " + String(repeating: opening, count: 100_000)
                          + String(repeating: closing, count: 100_000) + "\n---\nA label.\n")
        let result = scratch.load()
        let finding = try #require(result.findings.first { $0.file.hasSuffix("Narratives/first.md") })
        #expect(finding.line == 2)
        #expect(finding.message == "YAML: nested more than 1,000 levels deep")
    }

    @Test func halfAMegabyteOfEmphasisMarkersIsRead() throws {
        let scratch = try ScratchPack()
        // Each marker looks ahead for its partner: were that look to go to the end of the text
        // from every marker, this would take hours, and the suite's time limit fails it.
        let markers = String(repeating: "**a ", count: 125_000)
        try scratch.write("Narratives/first.md", "---\ntitle: First\nsummary: S.\nsources: [\"A source, 2026\"]\n---\n" + markers + "\n")
        let label = try #require(scratch.load().pack?.halls[0].narrative.original.label)
        #expect(label.count == 1)
        // The markers pair up and go; the words and the spaces between them stay.
        #expect(label.first?.plainText.count == 125_000 + 124_999)
    }
}

/// A pack of one hall in a temporary folder, beside a folder that stands for the rest of the
/// machine: a test links into it and checks that nothing there was opened.
final class ScratchPack {
    let base: String
    var pack: String { base + "/pack" }
    var outside: String { base + "/outside" }

    init() throws {
        var template = Array((FileManager.default.temporaryDirectory.path + "/kiosk-hostile-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        base = String(cString: made)
        try write("Narratives/tour.yaml", "format: 1\nlanguages: [en]\nmuseum:\n  name: Scratch Museum\nfloor: Ground\nhalls:\n  - id: first\n    stop: 1\n    map: [0, 0]\n")
        try write("Narratives/first.md", "---\ntitle: First\nsummary: The first hall.\nsources: [\"A source, 2026\"]\n---\nA label.\n")
        try FileManager.default.createDirectory(atPath: pack + "/Exhibits", withIntermediateDirectories: true)
        // Outside the pack: a narrative and a tour that would load, so following a link would show.
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "---\ntitle: SECRET\nsummary: SECRET.\nsources: [\"SECRET\"]\n---\nSECRET\n".write(toFile: outside + "/secret.md", atomically: false, encoding: .utf8)
        try "format: 1\nlanguages: [en]\nmuseum:\n  name: SECRET\nfloor: SECRET\nhalls:\n  - id: secret\n    stop: 1\n    map: [0, 0]\n"
            .write(toFile: outside + "/tour.yaml", atomically: false, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: base) }

    func write(_ relative: String, _ text: String) throws {
        let path = pack + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    func link(_ relative: String, to target: String) throws {
        let path = pack + "/" + relative
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    func load() -> PackLoadResult { PackLoader(directory: pack, kioskWords: TestPacks.bundled).load() }

    /// Loads the pack while the kernel reports every open and read in the outside folder
    /// (inotify), and records an issue for each.
    func loadWatchingOutside(sourceLocation: SourceLocation = #_sourceLocation) -> PackLoadResult {
        let watch = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard watch >= 0, inotify_add_watch(watch, outside, UInt32(IN_OPEN | IN_ACCESS)) >= 0 else {
            Issue.record("cannot watch \(outside)", sourceLocation: sourceLocation)
            return load()
        }
        defer { close(watch) }
        let result = load()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(watch, $0.baseAddress, $0.count) }
        #expect(count <= 0, "loading the pack opened or read something outside it", sourceLocation: sourceLocation)
        return result
    }
}
