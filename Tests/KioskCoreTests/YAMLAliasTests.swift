import Testing
@testable import KioskCore

/// Anchors and aliases stop the reading where the parser meets them, and nowhere else: a `*`
/// or `&` in text must not be taken for one.
@Suite struct YAMLAliasTests {
    @Test(arguments: [
        ("a: &x 1", 1, 4, "anchor '&'"),
        ("a: *x", 1, 4, "alias '*'"),
        ("a: 1\nb: [1, *x]", 2, 8, "alias '*'"),
        ("a: {k: *x}", 1, 8, "alias '*'"),
        ("- *x", 1, 3, "alias '*'"),
        ("- - &x a", 1, 5, "anchor '&'"),
        ("? *x\n: 1", 1, 3, "alias '*'"),
        ("*x : 1", 1, 1, "alias '*'"),
        // A tag before the anchor: the node, and so the finding, starts at the tag.
        ("a: !!str &x 1", 1, 4, "anchor '&'"),
        ("a:\n  - *x", 2, 5, "alias '*'"),
        ("- k: a\n  other: *x", 2, 10, "alias '*'"),
        ("a: [1,\n  *x]", 2, 3, "alias '*'"),
        ("a: \"line\n  two\"\nb: *x", 3, 4, "alias '*'"),
        ("--- *x", 1, 5, "alias '*'"),
        ("title: Ağ\nb: *x", 2, 4, "alias '*'"),
        ("a: &x [1, 2]", 1, 4, "anchor '&'"),
        ("a: &x\n  k: v", 1, 4, "anchor '&'"),
    ])
    func anAnchorOrAliasIsFoundWhereItIs(yaml: String, line: Int, column: Int, name: String) throws {
        guard case .failure(let stop) = YAMLDocument.compose(yaml) else {
            Issue.record("\(yaml.debugDescription) was read")
            return
        }
        #expect((stop.line, stop.column) == (line, column))
        #expect(stop.problem == "YAML \(name): anchors and aliases are not read in a content pack; write the value out where it is used")
    }

    @Test(arguments: [
        "title: Notes, *draft* & more",
        "title: \"*quoted* &x\"",
        "title: '*quoted* it''s &x'",
        "title: R&D and 5*3",
        "summary: a long line\n  *that goes on* here",
        "- an item\n  *going on*",
        "label: |\n  *not an alias*\n  &nor an anchor\nnext: 1",
        "label: >-\n  *folded*\n",
        "a: 1 # *comment &x",
        "# *comment\na: 1",
        "sources: [\"*a\", 'b*', c*d]",
        "url: https://example.org/*x",
        "a: [x, y*]",
        "",
    ])
    func textIsNotTakenForOne(yaml: String) {
        if case .failure(let stop) = YAMLDocument.compose(yaml) {
            Issue.record("\(yaml.debugDescription) stopped at \(stop.line):\(stop.column ?? 0): \(stop.problem)")
        }
    }

    /// Nine lines of aliases used as mapping keys once kept the reading busy for minutes; the
    /// first anchor stops it before anything is repeated.
    @Test func aBillionLaughsStopsAtTheFirstAnchor() {
        var yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            yaml += "? &\(name) [*\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous)]\n: x\n"
        }
        guard case .failure(let stop) = YAMLDocument.compose(yaml) else {
            Issue.record("the aliases were read")
            return
        }
        #expect((stop.line, stop.column) == (1, 4))
    }
}
