/// The floor map drawn as a plan: each hall a box on a grid of its `map` cells. The tour and
/// the view share this geometry, so the keys move on the plan the visitor sees.
public struct MapGeometry: Equatable, Sendable {
    public var columns: Int
    public var rows: Int
    public var cellWidth: Int
    public var cellHeight: Int

    /// Narrower boxes than this cannot name their hall; the map is shown as a list instead.
    public static let minimumCellWidth = 12
    public static let minimumCellHeight = 4
    public static let maximumCellHeight = 5
    /// Lines under the plan: where the visitor is, what the chosen hall holds, and what the
    /// dashed halls are.
    public static let captionRows = 3

    public init(pack: Pack, size: TerminalSize) {
        columns = (pack.halls.map(\.map.column).max() ?? 0) + 1
        rows = (pack.halls.map(\.map.row).max() ?? 0) + 1
        let geometry = PageGeometry(size)
        cellWidth = min(24, (size.columns - 2) / columns)
        cellHeight = min(Self.maximumCellHeight, (geometry.bodyRows - Self.captionRows) / rows)
    }

    public var fits: Bool { cellWidth >= Self.minimumCellWidth && cellHeight >= Self.minimumCellHeight }

    /// Width and height of the whole plan.
    public var width: Int { columns * cellWidth }
    public var height: Int { rows * cellHeight }
}

extension Tour {
    enum Direction { case up, down, left, right }

    /// Moves the map's cursor to the nearest hall in `direction`: nearest along the
    /// direction first, then nearest across it.
    func moveMapCursor(_ direction: Direction, _ visit: inout VisitState) {
        let halls = pack.halls
        guard halls.indices.contains(visit.screen.selection) else { return }
        let from = halls[visit.screen.selection].map
        let candidates = halls.indices.compactMap { index -> (index: Int, along: Int, across: Int)? in
            let cell = halls[index].map
            let dx = cell.column - from.column
            let dy = cell.row - from.row
            switch direction {
            case .right where dx > 0: return (index, dx, abs(dy))
            case .left where dx < 0: return (index, -dx, abs(dy))
            case .down where dy > 0: return (index, dy, abs(dx))
            case .up where dy < 0: return (index, -dy, abs(dx))
            default: return nil
            }
        }
        if let best = candidates.min(by: { ($0.along, $0.across) < ($1.along, $1.across) }) {
            visit.screen.selection = best.index
        }
    }
}
