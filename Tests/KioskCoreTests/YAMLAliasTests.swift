import Testing
@testable import KioskCore

/// Anchors and aliases are found where YAML reads them, and nowhere else: a `*` or `&` in
/// text must not be taken for one.
@Suite struct YAMLAliasTests {
    @Test(arguments: [
        ("a: &x 1", 1, 4, "&"),
        ("a: *x", 1, 4, "*"),
        ("a: 1\nb: [1, *x]", 2, 8, "*"),
        ("a: {k: *x}", 1, 8, "*"),
        ("- *x", 1, 3, "*"),
        ("- - &x a", 1, 5, "&"),
        ("? *x\n: 1", 1, 3, "*"),
        ("*x : 1", 1, 1, "*"),
        ("a: !!str &x 1", 1, 10, "&"),
        ("a:\n  - *x", 2, 5, "*"),
        ("- k: a\n  other: *x", 2, 10, "*"),
        ("a: [1,\n  *x]", 2, 3, "*"),
        ("a: \"line\n  two\"\nb: *x", 3, 4, "*"),
        ("--- *x", 1, 5, "*"),
        ("title: Ağ\nb: *x", 2, 4, "*"),
    ])
    func anAnchorOrAliasIsFoundWhereItIs(yaml: String, line: Int, column: Int, indicator: Character) {
        #expect(YAMLAliases.first(in: yaml) == .init(line: line, column: column, indicator: indicator))
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
        #expect(YAMLAliases.first(in: yaml) == nil)
    }
}
