import KioskCore

/// A count of visits as a report shows it: from 1 to 4 it says only that there were fewer than
/// 5, so that a report can be shared with no figure that points at a few people (a school
/// class's visit on a quiet morning, one visitor's language).
public enum Tally: Hashable, Sendable {
    case count(Int)
    case fewerThanThreshold

    /// The smallest count shown.
    public static let threshold = 5

    public init(_ count: Int) {
        self = (1..<Self.threshold).contains(count) ? .fewerThanThreshold : .count(count)
    }

    public var shown: Int? {
        if case .count(let count) = self { return count }
        return nil
    }
}

/// One figure in a report's table.
public enum ReportValue: Hashable, Sendable {
    case visits(Tally)
    /// A median time in milliseconds; nil when it would come from fewer visits than a count
    /// may show.
    case time(Int64?)
    /// A share of all visits, in percent; nil when its count is not shown.
    case percent(Int?)
    /// A number of events (not visitors), shown whatever it is.
    case events(Int)

    /// A time as every form of the report gives it: to the second.
    static func seconds(_ milliseconds: Int64) -> Int64 { (milliseconds + 500) / 1000 }
}

/// A column of a report's table: its name for a program (CSV, JSON) and for a reader.
public struct ReportColumn: Hashable, Sendable {
    public var id: String
    public var title: String

    public init(_ id: String, _ title: String) {
        self.id = id
        self.title = title
    }
}

public struct ReportRow: Hashable, Sendable {
    /// What the row is about, as a program names it: a day, an hour, a language's code, a
    /// hall's and an exhibit's ids.
    public var key: [String]
    /// What a reader sees: the pack's words where it has them.
    public var label: String
    public var values: [ReportValue]
}

/// One table of the report; the first value of each row is the one its bar shows.
public struct ReportSection: Hashable, Sendable {
    public var id: String
    public var title: String
    /// What the figures count, where the title does not say it all.
    public var note: String?
    /// What the key's parts are called, for a program.
    public var keyNames: [String]
    public var columns: [ReportColumn]
    public var rows: [ReportRow]
}

/// The report staff read: the figures, named with the pack's words in its default language and
/// with every small count left out, in the order the terminal shows them. Staff's own words are
/// English, like `validate`'s. The three forms (the terminal's, CSV, JSON) show this and only
/// this, so none shows what another leaves out.
public struct StatisticsReport: Hashable, Sendable {
    public var museum: String
    public var period: ReportPeriod
    public var stands: [String]
    public var visits: Tally
    public var sections: [ReportSection]

    /// How many stops each of the most and the least read lists names.
    public static let listedStops = 10

    public init(figures: ReportFigures, pack: Pack, period: ReportPeriod) {
        let names = Names(pack: pack)
        museum = pack.museumName.text(in: pack.defaultLanguage, fallback: pack.defaultLanguage)
        self.period = period
        stands = figures.visitsByStand.keys.sorted()
        visits = Tally(figures.visits)
        let total = figures.visits
        let visitColumn = [ReportColumn("visits", "visits")]
        func visitRows(_ counts: [(key: [String], label: String, count: Int)]) -> [ReportRow] {
            counts.map { ReportRow(key: $0.key, label: $0.label, values: [.visits(Tally($0.count))]) }
        }
        func share(_ count: Int) -> ReportValue {
            .percent(Tally(count).shown.map { total == 0 ? 0 : Int((Double($0) * 100 / Double(total)).rounded()) })
        }
        func time(_ median: Median) -> ReportValue { .time(median.visits < Tally.threshold ? nil : median.milliseconds) }
        var sections: [ReportSection] = []

        let finished = figures.furthest[pack.halls.count + 2] ?? 0
        sections.append(ReportSection(
            id: "summary", title: "Visits", note: nil, keyNames: ["what"], columns: [ReportColumn("count", "count")],
            rows: [
                ReportRow(key: ["visits"], label: "visits begun", values: [.visits(Tally(total))]),
                ReportRow(key: ["finished"], label: "reached the end of the tour", values: [.visits(Tally(finished))]),
                ReportRow(key: ["changed-language"], label: "changed language", values: [.visits(Tally(figures.languageChanges))]),
                ReportRow(key: ["joined-group"], label: "joined a group tour", values: [.visits(Tally(figures.groups[VisitEvent.joined] ?? 0))]),
                ReportRow(key: ["led-group"], label: "led a group tour", values: [.visits(Tally(figures.groups[VisitEvent.led] ?? 0))]),
                ReportRow(key: ["dropped"], label: "events lost: database full or down", values: [.events(figures.dropped)]),
            ]))

        sections.append(ReportSection(
            id: "visits_per_day", title: "Visits per day", note: nil, keyNames: ["day"], columns: visitColumn,
            rows: visitRows(figures.visitsByDay.sorted { $0.key < $1.key }.map { ([$0.key], $0.key, $0.value) })))

        let hours = figures.visitsByHour.keys
        sections.append(ReportSection(
            id: "visits_per_hour", title: "Visits by hour of the day", note: "the hour a visit began, on the stand's clock",
            keyNames: ["hour"], columns: visitColumn,
            rows: visitRows(hours.isEmpty ? [] : (hours.min()!...hours.max()!).map { hour in
                let clock = (hour < 10 ? "0" : "") + "\(hour):00"
                return ([String(hour)], clock, figures.visitsByHour[hour] ?? 0)
            })))

        sections.append(ReportSection(
            id: "languages", title: "Languages", note: "visits that read in each: a door, a stop or the end shown in it",
            keyNames: ["language"], columns: visitColumn,
            rows: visitRows(names.ordered(languages: figures.languages.keys).map { ([$0], names.language($0), figures.languages[$0] ?? 0) })))

        sections.append(ReportSection(
            id: "fronts", title: "Fronts", note: "where visits were made: a stand, over SSH, line by line, a laptop",
            keyNames: ["front"], columns: visitColumn,
            rows: visitRows(figures.visitsByFront.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ([$0.key], $0.key, $0.value) })))

        if stands.count > 1 {
            sections.append(ReportSection(
                id: "stands", title: "Stands", note: nil, keyNames: ["stand"], columns: visitColumn,
                rows: visitRows(stands.map { ([$0], $0, figures.visitsByStand[$0] ?? 0) })))
        }

        // Every stop on the route, and any the figures name that the pack no longer has.
        let known = Set(names.route)
        let stops = names.route + figures.stops.keys.filter { !known.contains($0) }.sorted { ($0.hall, $0.exhibit) < ($1.hall, $1.exhibit) }
        let stopColumns = [ReportColumn("visits", "visits"), ReportColumn("read_more", "read more"), ReportColumn("median_seconds", "median")]
        func stopRow(_ stop: StopKey) -> ReportRow {
            let found = figures.stops[stop] ?? StopFigures()
            return ReportRow(key: [stop.hall, stop.exhibit], label: names.stop(stop),
                             values: [.visits(Tally(found.shown.visits)), .visits(Tally(found.readMore)), time(found.shown)])
        }
        let byVisits = stops.enumerated().sorted { left, right in
            let (l, r) = (figures.stops[left.element]?.shown.visits ?? 0, figures.stops[right.element]?.shown.visits ?? 0)
            return l != r ? l > r : left.offset < right.offset
        }.map(\.element)
        sections.append(ReportSection(
            id: "most_read", title: "Most read stops", note: "visits that showed each stop; the median of their times on it",
            keyNames: ["hall", "exhibit"], columns: stopColumns,
            rows: byVisits.prefix { (figures.stops[$0]?.shown.visits ?? 0) > 0 }.prefix(Self.listedStops).map(stopRow)))
        sections.append(ReportSection(
            id: "least_read", title: "Least read stops", note: nil,
            keyNames: ["hall", "exhibit"], columns: stopColumns, rows: byVisits.reversed().prefix(Self.listedStops).map(stopRow)))

        sections.append(ReportSection(
            id: "halls", title: "Time per hall", note: "a visit's time on the hall and its exhibits; the median of the visits in it",
            keyNames: ["hall"], columns: [ReportColumn("visits", "visits"), ReportColumn("median_seconds", "median")],
            rows: names.halls(figures.halls.keys).map { hall in
                let median = figures.halls[hall] ?? Median(visits: 0, milliseconds: 0)
                return ReportRow(key: [hall], label: names.hall(hall), values: [.visits(Tally(median.visits)), time(median)])
            }))

        // Visits that got at least this far: the furthest step of each, counted at every step
        // up to it.
        let steps = [(["began"], "the welcome")] + [(["advisory"], "the tour's advisory")]
            + pack.halls.map { ([$0.id], names.hall($0.id)) } + [(["end"], "the end of the tour")]
        sections.append(ReportSection(
            id: "funnel", title: "How far visits get", note: "visits that reached each step along the tour or a later one; a door counts",
            keyNames: ["step"], columns: [ReportColumn("visits", "visits"), ReportColumn("percent", "of all")],
            rows: steps.enumerated().map { step, named in
                let count = step == 0 ? total : figures.furthest.filter { $0.key >= step }.values.reduce(0, +)
                return ReportRow(key: named.0, label: named.1, values: [.visits(Tally(count)), share(count)])
            }))

        let endings: [(String, String)] = [
            (VisitEvent.detail(.idleReset), "the idle reset: nobody pressed a key"),
            (VisitEvent.detail(.left), "the visitor left (q)"),
            (VisitEvent.detail(.hangUp), "the terminal or connection closed"),
            (VisitEvent.detail(.sessionClosed), "the session closed itself (time limits)"),
            (VisitEvent.detail(.museumClosed), "closing time"),
            (VisitEvent.detail(.staffExit), "the staff exit"),
        ]
        let unknownEndings = figures.endings.keys.filter { ending in !endings.contains { $0.0 == ending } }.sorted().map { ($0, $0) }
        sections.append(ReportSection(
            id: "endings", title: "How visits end", note: nil, keyNames: ["how"], columns: visitColumn,
            rows: visitRows((endings + unknownEndings).map { ([$0.0], $0.1, figures.endings[$0.0] ?? 0) })))

        sections.append(ReportSection(
            id: "end_places", title: "Where visits end", note: "the last place shown",
            keyNames: ["place", "hall"], columns: visitColumn,
            rows: visitRows(figures.endPlaces.sorted { ($1.value, names.order($0.key)) < ($0.value, names.order($1.key)) }
                .map { ([$0.key.place, $0.key.hall], names.endPlace($0.key), $0.value) })))

        let doorHalls = pack.halls.indices.filter { !pack.advisoryTagsInside[$0].isEmpty }.map { pack.halls[$0].id }
        let doors = doorHalls + figures.doors.keys.filter { !doorHalls.contains($0) }.sorted()
        sections.append(ReportSection(
            id: "doors", title: "Advisories at each hall's door", note: "visits that turned back, went in, or ended there",
            keyNames: ["hall"],
            columns: [ReportColumn("turned_back", "turned back"), ReportColumn("entered", "went in"), ReportColumn("ended", "ended there")],
            rows: doors.map { hall in
                let door = figures.doors[hall] ?? DoorFigures()
                let ended = figures.endPlaces[EndPlace(place: VisitEvent.Place.door, hall: hall)] ?? 0
                return ReportRow(key: [hall], label: names.hall(hall),
                                 values: [.visits(Tally(door.turnedBack)), .visits(Tally(door.entered)), .visits(Tally(ended))])
            }))

        let stepOutHalls = figures.stepOuts.keys.sorted { names.order(hall: $0) < names.order(hall: $1) }
        sections.append(ReportSection(
            id: "step_outs", title: "Step-outs to the quiet room", note: "visits that stepped out from each hall, and came back",
            keyNames: ["hall"], columns: [ReportColumn("out", "out"), ReportColumn("back", "back")],
            rows: stepOutHalls.map { hall in
                let found = figures.stepOuts[hall] ?? StepOutFigures()
                return ReportRow(key: [hall], label: hall.isEmpty ? "outside the halls" : names.hall(hall),
                                 values: [.visits(Tally(found.out)), .visits(Tally(found.back))])
            }))

        let graphic = names.route.filter { names.isGraphic($0) }
        sections.append(ReportSection(
            id: "graphic", title: "Graphic items revealed", note: "visits that asked to see the item in full, of those shown its text alternative",
            keyNames: ["hall", "exhibit"], columns: [ReportColumn("revealed", "revealed"), ReportColumn("shown", "shown")],
            rows: graphic.map { stop in
                let found = figures.stops[stop] ?? StopFigures()
                return ReportRow(key: [stop.hall, stop.exhibit], label: names.stop(stop),
                                 values: [.visits(Tally(found.revealed)), .visits(Tally(found.shown.visits))])
            }))
        self.sections = sections
    }
}

/// Halls, exhibits and languages as the report names them: the stop's number and title in the
/// pack's default language; an id the pack no longer has, as it is (what came from the
/// database is cleaned where it is shown, `ReportText`).
struct Names {
    let pack: Pack
    let tour: Tour
    let route: [StopKey]
    private let stops: [StopKey: Stop]

    init(pack: Pack) {
        self.pack = pack
        tour = Tour(pack: pack)
        var stops: [StopKey: Stop] = [:]
        route = pack.route.map { stop in
            let key = switch stop {
            case .hall(let hall): StopKey(hall: pack.halls[hall].id, exhibit: "")
            case .exhibit(let hall, let exhibit): StopKey(hall: pack.halls[hall].id, exhibit: pack.halls[hall].exhibits[exhibit].id)
            }
            stops[key] = stop
            return key
        }
        self.stops = stops
    }

    func stop(_ key: StopKey) -> String {
        guard let stop = stops[key] else { return key.exhibit.isEmpty ? key.hall : key.hall + "/" + key.exhibit }
        let title = switch stop {
        case .hall(let hall): pack.narrative(hall, pack.defaultLanguage).value.title
        case .exhibit(let hall, let exhibit): pack.exhibitText(hall, exhibit, pack.defaultLanguage).value.title
        }
        return (pack.number(of: stop).map { "\($0)  " } ?? "") + title
    }

    func hall(_ id: String) -> String { stop(StopKey(hall: id, exhibit: "")) }

    func isGraphic(_ key: StopKey) -> Bool {
        guard case .exhibit(let hall, let exhibit)? = stops[key] else { return false }
        return pack.halls[hall].exhibits[exhibit].graphic
    }

    /// Halls in the tour's order, then any the pack no longer has.
    func halls(_ ids: Dictionary<String, Median>.Keys) -> [String] {
        pack.halls.map(\.id) + ids.filter { pack.hall(id: $0) == nil }.sorted()
    }

    func order(hall: String) -> Int { pack.hall(id: hall) ?? pack.halls.count }

    /// Places in the tour's order: the welcome, the advisory, the halls, the end, the quiet room.
    func order(_ place: EndPlace) -> Int {
        switch place.place {
        case VisitEvent.Place.welcome: return 0
        case VisitEvent.Place.advisory: return 1
        case VisitEvent.Place.end: return pack.halls.count + 3
        case VisitEvent.Place.quiet: return pack.halls.count + 4
        default: return order(hall: place.hall) + 2
        }
    }

    func endPlace(_ place: EndPlace) -> String {
        switch place.place {
        case VisitEvent.Place.welcome: return "the welcome"
        case VisitEvent.Place.advisory: return "the tour's advisory"
        case VisitEvent.Place.end: return "the end of the tour"
        case VisitEvent.Place.quiet: return "the quiet room"
        case VisitEvent.Place.door: return "at the door: " + hall(place.hall)
        case VisitEvent.Place.stop: return "in the hall: " + hall(place.hall)
        default: return place.place
        }
    }

    /// The pack's languages in its order, then any other.
    func ordered(languages: Dictionary<String, Int>.Keys) -> [String] {
        pack.languages.filter { languages.contains($0) } + languages.filter { !pack.languages.contains($0) }.sorted()
    }

    func language(_ code: String) -> String {
        pack.languages.contains(code) ? code + "  " + tour.languageName(code) : code
    }
}
