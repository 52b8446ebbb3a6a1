import Glibc
import KioskCore

/// A year of SYNTHETIC visit statistics, for measuring the report: rows of `visit_events` as
/// CSV (the columns in the table's order, no header), made up from a seeded generator over a
/// pack's halls and exhibits. No visitor made any of them; the shares below (languages, fronts,
/// how far visits go) are guesses chosen to look like a busy museum, not measurements.
///
///     kiosk-bench statistics-year DIR VISITS SEED > year.csv
///
/// Four stands; 365 days from 2025-12-01; visits between 10:00 and 17:59, more at midday; the
/// pack's languages in falling shares; most visits at a stand, some over SSH and line by line.
/// A visit reads the welcome, most the tour's advisory, then walks the halls in order, each
/// with a chance of stopping there: a hall's door with advisories turns some back; a stop
/// stays on the screen a log-normal time (a median of 40 s for a hall, 25 s for an exhibit);
/// some open "read more", reveal a graphic item, step out to the quiet room and back, or change
/// language. Most visits end with the idle reset.
enum SyntheticYear {
    /// SplitMix64: the same rows for the same seed on every machine.
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// Uniform in [0, 1).
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

        mutating func chance(_ probability: Double) -> Bool { unit() < probability }

        mutating func pick<T>(_ weighted: [(T, Double)]) -> T {
            var roll = unit() * weighted.reduce(0) { $0 + $1.1 }
            for (value, weight) in weighted {
                roll -= weight
                if roll < 0 { return value }
            }
            return weighted[weighted.count - 1].0
        }

        /// Milliseconds, log-normal around `median` seconds.
        mutating func seconds(median: Double, spread: Double = 0.8) -> Int64 {
            let u1 = max(unit(), 1e-12), u2 = unit()
            let normal = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            return Int64(min(600, median * exp(spread * normal)) * 1000)
        }
    }

    struct Hall {
        var id: String
        var door: Bool
        var exhibits: [(id: String, graphic: Bool)]
    }

    static func write(pack: Pack, visits: Int, seed: UInt64) {
        let halls = pack.halls.indices.map { index in
            Hall(id: pack.halls[index].id, door: !pack.advisoryTagsInside[index].isEmpty,
                 exhibits: pack.halls[index].exhibits.map { ($0.id, $0.graphic) })
        }
        let languages = pack.languages.enumerated().map { ($0.element, 1 / Double($0.offset + 1)) }
        let stands = [("hall-1", 4.0), ("hall-4", 3.0), ("foyer", 2.0), ("ssh-host", 1.0)]
        let hours = (10...17).map { ($0, 1.0 + Double(4 - abs($0 - 13))) }
        let days = (0..<365).map { day(2025, 12, 1, plus: $0) }
        var random = Random(state: seed)
        var out = Output()
        for _ in 0..<visits {
            let number = Int64(bitPattern: random.next() >> 1) | 1
            let stand = random.pick(stands)
            let front = stand == "ssh-host" ? "ssh" : random.pick([("stand", 0.97), ("plain", 0.03)])
            let dayText = days[Int(random.next() % 365)]
            let hour = random.pick(hours)
            var language = random.pick(languages)
            func row(_ kind: String, _ place: String = "", _ hall: String = "", _ exhibit: String = "", detail: String = "", amount: Int64 = 0) {
                out.line("\(number),\(stand),\(dayText),\(hour),\(kind),\(place),\(hall),\(exhibit),\(language),\(detail),\(amount)")
            }
            row("began", detail: front)
            row("shown", "welcome", amount: random.seconds(median: 12))
            var last = ("welcome", "")
            walk: do {
                guard random.chance(0.9) else { break walk }
                row("shown", "advisory", amount: random.seconds(median: 8))
                last = ("advisory", "")
                if random.chance(0.03) {
                    language = random.pick(languages)
                    row("language")
                }
                for hall in halls {
                    if hall.door {
                        row("shown", "door", hall.id, amount: random.seconds(median: 10))
                        last = ("door", hall.id)
                        if random.chance(0.12) {
                            row("door", "", hall.id, detail: "turned-back")
                            if random.chance(0.5) { break walk }
                            continue
                        }
                        row("door", "", hall.id, detail: "entered")
                    }
                    row("shown", "stop", hall.id, amount: random.seconds(median: 40))
                    last = ("stop", hall.id)
                    if random.chance(0.2) { row("more", "stop", hall.id) }
                    if random.chance(0.02) {
                        row("shown", "quiet", amount: random.seconds(median: 60))
                        row("stepped-out", "", hall.id)
                        if random.chance(0.8) { row("stepped-back", "", hall.id) } else { break walk }
                    }
                    for exhibit in hall.exhibits where random.chance(0.6) {
                        row("shown", "stop", hall.id, exhibit.id, amount: random.seconds(median: 25))
                        if random.chance(0.15) { row("more", "stop", hall.id, exhibit.id) }
                        if exhibit.graphic, random.chance(0.35) { row("graphic", "stop", hall.id, exhibit.id) }
                    }
                    if !random.chance(0.85) { break walk }
                }
                row("shown", "end", amount: random.seconds(median: 6))
                last = ("end", "")
            }
            let end = front == "stand" ? random.pick([("idle-reset", 0.9), ("museum-closed", 0.02), ("hang-up", 0.08)])
                : random.pick([("left", 0.6), ("hang-up", 0.4)])
            row("ended", last.0, last.1, detail: end)
        }
        out.flush()
    }

    /// 2025-12-01 plus `days`, as the stand's calendar writes it.
    static func day(_ year: Int, _ month: Int, _ day: Int, plus days: Int) -> String {
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day + days)
        parts.tm_hour = 12
        var time = timegm(&parts)
        var normal = tm()
        gmtime_r(&time, &normal)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(normal.tm_year + 1900)-\(two(normal.tm_mon + 1))-\(two(normal.tm_mday))"
    }

    /// Standard output, a megabyte at a time.
    struct Output {
        var buffer: [UInt8] = []

        mutating func line(_ text: String) {
            buffer.append(contentsOf: text.utf8)
            buffer.append(10)
            if buffer.count > 1 << 20 { flush() }
        }

        mutating func flush() {
            var offset = 0
            while offset < buffer.count {
                let written = buffer[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
                guard written > 0 else { exit(1) }
                offset += written
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
