import Testing
@testable import KioskCore

/// The YAML a pack is written in, composed from libyaml's events with the place of each node.
@Suite struct YAMLTests {
    @Test func nodesCarryTheirLineAndColumn() throws {
        let node = try #require(try YAML.compose("title: Khojaly\nexits: [a, b]\nmap:\n  - 1\n  - 2\n"))
        guard case .mapping(let mapping) = node else { Issue.record("not a mapping"); return }
        #expect(mapping.map { $0.key.scalar?.string } == ["title", "exits", "map"])
        #expect(mapping[0].value.scalar?.string == "Khojaly")
        #expect(mapping[0].value.mark == .init(line: 1, column: 8))
        guard case .sequence(let exits) = mapping[1].value else { Issue.record("exits not a list"); return }
        #expect(exits.map { $0.scalar?.string } == ["a", "b"])
        #expect(exits[1].mark == .init(line: 2, column: 12))
        #expect(mapping[2].value.mark == .init(line: 4, column: 3))
    }

    @Test func anEmptyDocumentIsNoNode() throws {
        #expect(try YAML.compose("") == nil)
        #expect(try YAML.compose("# only a comment\n") == nil)
    }

    @Test func aFieldGivenTwiceIsAnErrorWhereItIsGivenAgain() {
        #expect(throws: YAMLError(.duplicate, "a field is given twice: title", mark: .init(line: 3, column: 1))) {
            try YAML.compose("title: A\nsummary: B\ntitle: C\n")
        }
    }

    @Test func theParsersComplaintKeepsItsPlace() {
        #expect(throws: YAMLError(.syntax, "mapping values are not allowed in this context", mark: .init(line: 2, column: 5))) {
            try YAML.compose("a: b\nc: d: e: f\n")
        }
    }

    @Test func nestingStopsAtAThousandLevels() throws {
        let deep = String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
        #expect(try YAML.compose(deep) != nil)
        let deeper = "[" + deep + "]"
        #expect(throws: YAMLError(.tooDeep, "nested more than 1,000 levels deep", mark: .init(line: 1, column: 1_001))) {
            try YAML.compose(deeper)
        }
    }
}
