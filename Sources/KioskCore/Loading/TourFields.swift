/// `tours:` and `names:` in tour.yaml: the walks a pack offers over its floor, and the other
/// spellings of its names for search.
///
///     tours:
///       - id: short
///         name: {en: "Highlights", …}
///         description: {en: "One hall or document for each of the floor's subjects.", …}
///         age: 12                     # the youngest visitor it is written for
///         stops: [400, 410, 450, 460] # in the tour's order; without it, the whole floor
///       - id: young
///         young: true                 # leaves out what is marked for_adults
///         …
///     names:
///       - [Khojaly, Xocalı, Ходжалы, Khojali, Hodjaly]
extension PackReading {
    /// A tour as tour.yaml declares it, before its stops are found in the halls.
    struct TourEntry {
        var id: String
        var name: LocalizedText
        var description: LocalizedText
        var age: Int
        var isForYoungVisitors: Bool
        /// The stop numbers listed, each where it is written; nil for the whole floor.
        var stops: [(number: Int, line: Int, column: Int?)]?
        var line: Int
    }

    func readTours(_ fields: YAMLFields, languages: [String]) -> [TourEntry] {
        guard let node = fields.node("tours") else { return [] }
        guard case .sequence(let list) = node, !list.isEmpty else {
            fields.error(at: node, "'tours' must be a list of tours, each starting with '- id:'")
            return []
        }
        var entries: [TourEntry] = []
        for item in list {
            guard let tour = YAMLFields(item, file: fields.file, lineOffset: 0, log: log, what: "a tour") else { continue }
            tour.warnUnknown(known: ["id", "name", "description", "age", "young", "stops"])
            guard let id = tour.string("id") else { continue }
            if !PackNames.isValidID(id) {
                tour.error(at: tour.node("id"), "tour id '\(id)' must be lowercase letters, digits and hyphens")
                continue
            }
            if entries.contains(where: { $0.id == id }) {
                tour.error(at: tour.node("id"), "tour '\(id)' is listed twice")
                continue
            }
            let name = tour.localized("name", languages: languages)
            let description = tour.localized("description", languages: languages)
            let age = tour.int("age", in: 1...99)
            let young = tour.bool("young") ?? false
            let stops = readStops(tour)
            guard let name, let description, let age, let stops else { continue }
            entries.append(TourEntry(id: id, name: name, description: description, age: age, isForYoungVisitors: young,
                                     stops: stops.listed, line: tour.line))
        }
        return entries
    }

    /// A tour's `stops` as written: `listed` is nil for a tour without them, the whole floor.
    private struct Stops {
        var listed: [(number: Int, line: Int, column: Int?)]?
    }

    /// A tour's `stops`; nil when they are not a list (an error, and the tour is left out).
    private func readStops(_ tour: YAMLFields) -> Stops? {
        guard let node = tour.node("stops") else { return Stops(listed: nil) }
        guard case .sequence(let items) = node else {
            tour.error(at: node, "'stops' must be a list of stop numbers, such as [400, 410, 450]")
            return nil
        }
        return Stops(listed: items.compactMap { item in
            guard let number = item.scalar.flatMap({ Int($0.string) }), (0...999_999).contains(number) else {
                tour.error(at: item, "each of 'stops' must be a stop number, a whole number from 0 to 999999")
                return nil
            }
            let (line, column) = tour.place(of: item)
            return (number, line, column)
        })
    }

    /// The name table: groups of spellings of one name, each one word as a visitor types it.
    func readNames(_ fields: YAMLFields) -> [[String]] {
        guard let node = fields.node("names") else { return [] }
        guard case .sequence(let groups) = node else {
            fields.error(at: node, "'names' must be a list of groups, each a list of the spellings of one name")
            return []
        }
        var table: [[String]] = []
        for group in groups {
            guard case .sequence(let items) = group else {
                fields.error(at: group, "each group of 'names' must be a list, such as [Guba, Quba, Губа]")
                continue
            }
            var spellings: [String] = []
            for item in items {
                guard let text = item.scalar?.string else {
                    fields.error(at: item, "each name must be a text")
                    continue
                }
                guard SearchFolding.words(text).count == 1 else {
                    fields.warning(at: item, "'\(text)' is not one word: a name in the table is one word as a visitor types it, and is not looked for")
                    continue
                }
                spellings.append(text)
            }
            if items.count < 2 {
                fields.warning(at: group, "a group of one name joins nothing: give it the other spellings a visitor may type")
            }
            table.append(spellings)
        }
        return table
    }
}

extension PackReading {
    /// The tours, their stops found in the pack, and checked: stops that no hall or exhibit
    /// has, a tour with no stop, and a young visitors' tour that reaches a hall or exhibit
    /// marked `graphic` or with human remains without being marked for adults. Without
    /// tours declared, the pack's own: the whole floor.
    func tours(_ entries: [TourEntry], in pack: Pack) -> [GuidedTour] {
        guard !entries.isEmpty else { return pack.tours }
        let path = files.displayPath(Self.tourFile)
        return entries.map { entry in
            var route: [Stop] = []
            if let stops = entry.stops {
                for stop in stops {
                    guard let found = pack.stopNumbers[stop.number] else {
                        log.error(path, line: stop.line, column: stop.column, "tour '\(entry.id)': no hall or exhibit has stop \(stop.number)")
                        continue
                    }
                    if route.contains(found) {
                        log.warning(path, line: stop.line, column: stop.column, "tour '\(entry.id)': stop \(stop.number) is on the tour already")
                    } else if !GuidedTour.admits(found, in: pack, youngVisitors: entry.isForYoungVisitors) {
                        log.warning(path, line: stop.line, column: stop.column, "tour '\(entry.id)' is for young visitors and leaves out stop \(stop.number), which is marked for_adults")
                    } else {
                        route.append(found)
                    }
                }
            } else {
                route = pack.route.filter { GuidedTour.admits($0, in: pack, youngVisitors: entry.isForYoungVisitors) }
            }
            if route.isEmpty {
                log.error(path, line: entry.line, "tour '\(entry.id)' has no stop to show: list its stops, or leave 'stops' out for the whole floor")
            }
            if entry.isForYoungVisitors { checkYoungVisitors(entry, route, in: pack, path: path) }
            return GuidedTour(id: entry.id, name: entry.name, description: entry.description, age: entry.age,
                              isForYoungVisitors: entry.isForYoungVisitors, route: route, in: pack)
        }
    }

    /// The advisory that marks human remains, which a young visitors' tour must not reach
    /// (docs/content-pack.md).
    static let humanRemains = "human-remains"

    /// What a young visitor meets on the tour: its stops, and the exhibits its halls list,
    /// which are those not marked for adults. Each marked `graphic` or with human remains is
    /// an error, with the stop that brings it.
    private func checkYoungVisitors(_ entry: TourEntry, _ route: [Stop], in pack: Pack, path: String) {
        // Each stop met, with the stop of the route that brings it.
        var met = route.map { (stop: $0, via: $0) }
        for stop in route {
            guard case .hall(let hall) = stop else { continue }
            for exhibit in pack.halls[hall].exhibits.indices
            where GuidedTour.admits(.exhibit(hall, exhibit), in: pack, youngVisitors: true) && !met.contains(where: { $0.stop == .exhibit(hall, exhibit) }) {
                met.append((.exhibit(hall, exhibit), stop))
            }
        }
        for (stop, via) in met {
            let (advisories, graphic, what) = marks(of: stop, in: pack)
            let found = (graphic ? ["graphic"] : []) + (advisories.contains(Self.humanRemains) ? [Self.humanRemains] : [])
            guard !found.isEmpty else { continue }
            let place = entry.stops?.first { pack.stopNumbers[$0.number] == via }
            let listed = via == stop ? "" : ", which its hall lists"
            log.error(path, line: place?.line ?? entry.line, column: place?.column,
                      "tour '\(entry.id)' is for young visitors and reaches \(what)\(listed), marked \(found.joined(separator: " and ")): mark it for_adults: true, or take it off the tour")
        }
    }

    private func marks(of stop: Stop, in pack: Pack) -> (advisories: [String], graphic: Bool, what: String) {
        let hall = pack.halls[stop.hall]
        guard case .exhibit(_, let index) = stop else { return (hall.advisories, false, "hall '\(hall.id)'") }
        let exhibit = hall.exhibits[index]
        return (exhibit.advisories, exhibit.graphic, "exhibit '\(hall.id)/\(exhibit.id)'")
    }
}
