import Glibc
import KioskCore
import KioskTerminal
import KioskView

/// Measurements inside one process, for what a pty cannot see: how long loading a pack takes,
/// and how long the kiosk takes to answer one key (reduce + view + draw). The numbers and how
/// they were taken are in docs/performance.md; Benchmarks/run.py drives this.
///
///     kiosk-bench load DIR [RUNS]
///     kiosk-bench keys DIR COUNT SEED REPORT     (on a terminal: draws every frame)
///     kiosk-bench digest DIR                     (what a load gave, to compare two loaders)
///     kiosk-bench pages DIR                      (every hall and exhibit laid out and drawn at 80x24)
///     kiosk-bench index DIR [RUNS]               (the search index's share of loading and of memory)
///     kiosk-bench search DIR COUNT REPORT        (on a terminal: keys typed in the search line)
///     kiosk-bench statistics-year DIR VISITS SEED (synthetic visit statistics, CSV: SyntheticYear)
@main
enum KioskBench {
    static func main() {
        let arguments = CommandLine.arguments
        switch (arguments.count > 1 ? arguments[1] : "", arguments.count) {
        case ("load", 3), ("load", 4):
            load(arguments[2], runs: arguments.count == 4 ? Int(arguments[3]) ?? 5 : 5)
        case ("pages", 3):
            pages(arguments[2])
        case ("digest", 3):
            digest(arguments[2])
        case ("statistics-year", 5):
            SyntheticYear.write(pack: loadPack(arguments[2]), visits: Int(arguments[3]) ?? 1_000_000, seed: UInt64(arguments[4]) ?? 1)
        case ("keys", 6):
            keys(arguments[2], count: Int(arguments[3]) ?? 10_000, seed: UInt64(arguments[4]) ?? 1, report: arguments[5])
        case ("index", 3), ("index", 4):
            index(arguments[2], runs: arguments.count == 4 ? Int(arguments[3]) ?? 5 : 5)
        case ("search", 5):
            search(arguments[2], count: Int(arguments[3]) ?? 5_000, report: arguments[4])
        default:
            complain("usage: kiosk-bench load DIR [RUNS] | keys DIR COUNT SEED REPORT | pages DIR | digest DIR"
                     + " | index DIR [RUNS] | search DIR COUNT REPORT | statistics-year DIR VISITS SEED")
            exit(2)
        }
    }

    static func complain(_ text: String) {
        let line = text + "\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    /// Microseconds on the monotonic clock.
    static func now() -> Double { clock(CLOCK_MONOTONIC) }

    /// Microseconds of processor time the whole process has used, on every thread: what
    /// loading costs, whatever else the shared machine does.
    static func processCPU() -> Double { clock(CLOCK_PROCESS_CPUTIME_ID) }

    /// Microseconds of processor time this thread has used, in user and kernel mode: what a
    /// key costs, whatever else the machine is doing at the time.
    static func cpu() -> Double { clock(CLOCK_THREAD_CPUTIME_ID) }

    static func clock(_ id: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(id, &time)
        return Double(time.tv_sec) * 1e6 + Double(time.tv_nsec) / 1e3
    }

    /// The kiosk's own words, which a pack without catalogues (the generated ones) speaks in:
    /// the pack in the current directory, as `swift run` finds it; run.py runs this in the
    /// clone.
    static let kioskWords: String? = access("Narratives/tour.yaml", F_OK) == 0 ? "." : nil

    static func loadPack(_ directory: String) -> Pack {
        let result = PackLoader(directory: directory, kioskWords: kioskWords).load()
        guard let pack = result.pack else {
            result.findings.prefix(20).forEach { complain("\($0)") }
            exit(1)
        }
        return pack
    }

    /// Loads the pack `runs` times, as the kiosk loads it (errors only) and as `validate`
    /// checks it (every warning too), and prints the medians.
    static func load(_ directory: String, runs: Int) {
        var exhibits = 0
        var parts: [String] = []
        for (name, keepsWarnings) in [("as the kiosk loads it", false), ("as validate checks it", true)] {
            var times: [Double] = []
            for _ in 0..<max(1, runs) {
                let start = now()
                let result = PackLoader(directory: directory, keepsWarnings: keepsWarnings, kioskWords: kioskWords).load()
                times.append(now() - start)
                guard let pack = result.pack else {
                    result.findings.prefix(20).forEach { complain("\($0)") }
                    exit(1)
                }
                exhibits = pack.halls.reduce(0) { $0 + $1.exhibits.count }
            }
            times.sort()
            let median = times[times.count / 2]
            parts.append("\(name): median \(format(median / 1000)) ms (\(format(median / Double(max(1, exhibits)))) µs per exhibit)")
        }
        print("\(exhibits) exhibits, \(runs) runs; " + parts.joined(separator: "; "))
    }

    /// Lays out and renders every stop of the route once, with no terminal: the cost of a page
    /// the first time it is shown, when no layout is remembered yet.
    static func pages(_ directory: String) {
        let tour = Tour(pack: loadPack(directory))
        let view = TourView(tour: tour)
        var state = tour.start(now: Instant(milliseconds: 0), size: TerminalSize(columns: 80, rows: 24),
                               config: Tour.SessionStart(language: "en")).state
        var times: [(Double, String)] = []
        for (index, _) in tour.pack.route.enumerated() where index < 2_000 {
            let start = cpu()
            _ = tour.reduce(&state, .key(.character("n")))
            _ = view.render(state)
            times.append((cpu() - start, "\(state.visit.place.kind)"))
        }
        times.sort { $0.0 < $1.0 }
        let median = times[times.count / 2].0, p99 = times[times.count * 99 / 100]
        print("pages: \(times.count) stops, median \(format(median)) µs, p99 \(format(p99.0)) µs (\(p99.1)), max \(format(times.last!.0)) µs (\(times.last!.1))")
    }

    /// Every finding, and the pack in full, as text: a faster loader must give the same.
    static func digest(_ directory: String) {
        let result = PackLoader(directory: directory, kioskWords: kioskWords).load()
        result.findings.forEach { print($0) }
        print(result.pack.map { String(describing: $0) } ?? "no pack")
    }

    /// Answers `count` random keys on this terminal, timing each from the key to the frame
    /// drawn, and writes the distribution to `report` (standard output is the terminal).
    static func keys(_ directory: String, count: Int, seed: UInt64, report: String) {
        let tour = Tour(pack: loadPack(directory))
        var random = SplitMix(seed: seed)
        let stops = tour.pack.stopNumbers.keys.sorted()
        let (state, times) = answer(tour, count: count) { _ in randomKey(&random, stops: stops) }
        writeReport(["keys: \(count) on \(exhibits(tour)) exhibits, \(state.session.size.columns)x\(state.session.size.rows), seed \(seed)",
               "processor time of the thread (what a key costs), and wall time (what the visitor waits on this machine, as busy as it was):"],
              times, to: report)
    }

    /// Types `typed` in the search line on this terminal, over and over, `count` keys in all,
    /// timing each from the key to the frame drawn, and writes the distribution to `report`.
    static func search(_ directory: String, count: Int, report: String) {
        let tour = Tour(pack: loadPack(directory))
        let cycle = typed.flatMap { word in word.map { Key.character($0) } + word.map { _ in .backspace } }
        var found = 0
        let (state, times) = answer(tour, count: count, opening: [.key(.character("/"))]) { index in
            [.key(cycle[index % cycle.count])]
        } seeing: { found = max(found, $0.visit.search.results.total) }
        writeReport(["search: \(count) keys typed and taken back in the search line on \(exhibits(tour)) exhibits, "
               + "\(state.session.size.columns)x\(state.session.size.rows); a key found at most \(found)",
               "processor time of the thread (what a key costs), and wall time (what the visitor waits on this machine, as busy as it was):"],
              times, to: report)
    }

    static func exhibits(_ tour: Tour) -> Int { tour.pack.halls.reduce(0) { $0 + $1.exhibits.count } }

    /// A session on this terminal, `opening` done untimed, then `count` keys, each the events
    /// `key` gives for its number (from 0), timed from the key to the frame drawn: the thread's
    /// processor time in all and in each part, and the wall time.
    static func answer(_ tour: Tour, count: Int, opening: [TourEvent] = [], key: (Int) -> [TourEvent],
                       seeing: (TourState) -> Void = { _ in }) -> (state: TourState, times: [(String, [Double])]) {
        let view = TourView(tour: tour)
        let screen: TerminalScreen
        do { screen = try TerminalScreen(theme: .standard) } catch {
            complain("\(error)")
            exit(1)
        }
        var state = tour.start(now: Instant(milliseconds: 0), size: screen.size, config: Tour.SessionStart(language: "en")).state
        for event in opening { _ = tour.reduce(&state, event) }
        screen.draw(view.render(state))
        var wall: [Double] = [], total: [Double] = [], reduce: [Double] = [], render: [Double] = [], draw: [Double] = []
        for index in 0..<count {
            let events = key(index)
            let startWall = now()
            let start = cpu()
            // What the keys ask the runtime to do is not timed: the visit goes on whatever
            // they ask (`q` leaving, say).
            for event in events { _ = tour.reduce(&state, event) }
            let reduced = cpu()
            let frame = view.render(state)
            let rendered = cpu()
            screen.draw(frame)
            let drawn = cpu()
            wall.append(now() - startWall)
            total.append(drawn - start)
            reduce.append(reduced - start)
            render.append(rendered - reduced)
            draw.append(drawn - rendered)
            seeing(state)
        }
        screen.close()
        return (state, [("total", total), ("reduce", reduce), ("view", render), ("draw", draw), ("wall", wall)])
    }

    /// `lines`, then each distribution's median, 99th percentile and slowest, into `report`
    /// (standard output is the terminal).
    static func writeReport(_ lines: [String], _ times: [(String, [Double])], to report: String) {
        var lines = lines
        for (name, times) in times {
            let sorted = times.sorted()
            func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
            lines.append("\(name): median \(format(percentile(0.5))) µs, p99 \(format(percentile(0.99))) µs, max \(format(sorted.last ?? 0)) µs")
        }
        let text = lines.joined(separator: "\n") + "\n"
        guard let file = fopen(report, "w") else { exit(1) }
        fputs(text, file)
        fclose(file)
    }

    /// The memory the process holds now, in bytes, after glibc has given back what it holds
    /// free (malloc_trim, looked up at run time: Swift's Glibc does not bring malloc.h), so
    /// that what is counted is what is in use.
    static func heapBytes() -> Int {
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
        guard let status = fopen("/proc/self/status", "r") else { return 0 }
        defer { fclose(status) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), status) != nil {
            let text = String(cString: line)
            if text.hasPrefix("VmRSS:") { return (Int(text.split(separator: " ")[1]) ?? 0) * 1024 }
        }
        return 0
    }

    /// The search index's part in loading and in memory. Loading makes the index; the index is
    /// then made again from the loaded pack, timed alone. Its share of time is of the load
    /// without it (the median of `runs`, loaded as the kiosk loads it). Its share of memory is of the pack's, measured in
    /// the first load, while the process is fresh: the memory the load took, less the index,
    /// beside what the index made again and kept takes.
    static func index(_ directory: String, runs: Int) {
        var loads: [Double] = [], builds: [Double] = [], loadsCPU: [Double] = [], buildsCPU: [Double] = []
        var packBytes = 0, indexBytes = 0, words = 0
        for run in 0..<max(1, runs) {
            let before = heapBytes()
            var start = now(), startCPU = processCPU()
            // As the kiosk loads it, without looking for warnings.
            guard let pack = PackLoader(directory: directory, keepsWarnings: false, kioskWords: kioskWords).load().pack else {
                complain("\(directory) does not load: kiosk-bench load \(directory) says why")
                exit(1)
            }
            loads.append(now() - start)
            loadsCPU.append(processCPU() - startCPU)
            let loaded = heapBytes()
            start = now()
            startCPU = processCPU()
            let again = SearchIndex(indexing: pack)
            builds.append(now() - start)
            buildsCPU.append(processCPU() - startCPU)
            if run == 0 {
                indexBytes = heapBytes() - loaded
                packBytes = loaded - before - indexBytes
                words = again.wordCount
            }
            withExtendedLifetime((pack, again)) {}
        }
        func median(_ times: [Double]) -> Double { times.sorted()[times.count / 2] }
        let load = median(loads), build = median(builds), loadCPU = median(loadsCPU), buildCPU = median(buildsCPU)
        print("index: \(words) words; made in \(format(build / 1000)) ms of a \(format(load / 1000)) ms load "
              + "(\(format(100 * build / (load - build)))% added to the load without it); processor time of all threads "
              + "\(format(buildCPU / 1000)) of \(format(loadCPU / 1000)) ms (\(format(100 * buildCPU / (loadCPU - buildCPU)))% added); "
              + "\(format(Double(indexBytes) / 1_048_576)) MiB resident beside the pack's \(format(Double(packBytes) / 1_048_576)) MiB "
              + "(\(format(100 * Double(indexBytes) / Double(packBytes)))% added); medians of \(loads.count) loads")
    }

    /// What visitors type in the search line, key by key, then take back with Backspace: words
    /// of the generated pack's titles and texts in its three languages, a stop number, a word
    /// that is not there, and single letters, which find the most.
    static let typed = ["generated exhibit 5234", "text", "a", "kiosk", "yaradılmış", "сгенерированный экспонат", "zzz",
                        "exhibit 99", "9", "visitor reads", "e", "хол", "museum"]

    /// A visitor's keys: mostly walking the route and choosing, sometimes the map, the
    /// language, a stop number; a key is one or more events (a stop number and Enter).
    static func randomKey(_ random: inout SplitMix, stops: [Int]) -> [TourEvent] {
        let roll = random.next() % 100
        switch roll {
        case 0..<30: return [.key(.character("n"))]
        case 30..<40: return [.key(.character("p"))]
        case 40..<55: return [.key(.down)]
        case 55..<63: return [.key(.up)]
        case 63..<73: return [.key(.enter)]
        case 73..<81: return [.key(.escape)]
        case 81..<86: return [.key(.pageDown)]
        case 86..<89: return [.key(.pageUp)]
        case 89..<93: return [.key(.character("m"))]
        case 93..<95: return [.key(.character("l"))]
        default:
            let stop = stops.isEmpty ? 0 : stops[Int(random.next() % UInt64(stops.count))]
            return String(stop).map { TourEvent.key(.character($0)) } + [.key(.enter)]
        }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return "\(rounded)"
    }
}

/// A small seeded generator (SplitMix64), so that a run can be repeated key for key.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
