import Foundation
import PropertyBased
import Testing

/// A long day at the kiosk: 20,000 seeded keys to the built binary in tmux. Its memory after
/// them is within a megabyte of its memory before, it still answers, and it sits idle. The
/// numbers are printed; docs/reliability.md holds a run against the release binary
/// (MUSEUM_KIOSK_BINARY=.build/release/museum-kiosk swift test --filter SoakTests).
@Suite struct SoakTests {
    /// A visitor's keys, as tmux names them, with how often each comes: mostly the route and
    /// choosing, sometimes the map, a language, help. Never q: the day must last.
    static let keys: [(name: String, weight: Int)] = [
        ("n", 30), ("p", 10), ("Down", 15), ("Up", 8), ("Enter", 10), ("Escape", 8), ("NPage", 5), ("PPage", 3),
        ("m", 4), ("l", 2), ("?", 2), ("BSpace", 1), ("Left", 1), ("Right", 1),
    ]
    static let stops = [400, 410, 420, 430, 440, 450, 460, 401, 433, 456]

    /// Sends `count` keys in batches of a hundred, with a stop number now and then.
    @discardableResult
    func send(_ count: Int, seed: UInt64, to terminal: Tmux) -> Int {
        var random = Xoshiro(seed: seed)
        let total = Self.keys.map(\.weight).reduce(0, +)
        var sent = 0
        while sent < count {
            var batch: [String] = []
            for _ in 0..<min(100, count - sent) {
                var roll = Int(random.next() % UInt64(total))
                batch.append(Self.keys.first { roll -= $0.weight; return roll < 0 }!.name)
            }
            if random.next() % 10 == 0 {
                batch += String(Self.stops[Int(random.next() % UInt64(Self.stops.count))]).map(String.init) + ["Enter"]
            }
            terminal.tmux(["send-keys", "-t", terminal.session] + batch)
            sent += batch.count
        }
        return sent
    }

    @Test func twentyThousandKeysLeaveMemoryWithinAMegabyte() throws {
        try Tool.require("tmux")
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --lang en")
        terminal.waitFor("Begin the tour")
        let pid = try #require(terminal.pid)
        // Every stop once, the map, help, each language, and a short day of other keys first:
        // what is measured after is growth, not first use of a screen or of the code.
        terminal.tmux(["send-keys", "-t", terminal.session] + Array(repeating: "n", count: 60))
        terminal.tmux(["send-keys", "-t", terminal.session, "m", "Escape", "?", "Escape"]
                      + Array(repeating: ["l", "Down", "Enter"], count: 3).flatMap { $0 })
        send(2_000, seed: 2, to: terminal)
        terminal.settle()
        let before = try #require(Memory.of(pid))
        let sent = send(20_000, seed: 1, to: terminal)
        // Keys are read in order: once the kiosk answers what comes after them, it has taken
        // them all.
        let answered = terminal.answers()
        let final = terminal.screen
        let after = try #require(Memory.of(pid))
        print("soak: \(sent) keys; RSS \(before.resident) → \(after.resident) KiB (\(after.resident - before.resident) KiB), "
              + "anonymous \(before.anonymous) → \(after.anonymous) KiB, peak \(after.peak) KiB; binary \(Built.kiosk)")
        #expect(after.resident - before.resident < 1_024, "the kiosk grew by \(after.resident - before.resident) KiB")
        #expect(answered, "the kiosk does not answer after the day; it shows:\n\(final)")
        #expect(Processor.staysIdle(pid))
    }
}

/// A process's memory, from /proc, in KiB.
struct Memory {
    var resident: Int
    var anonymous: Int
    var peak: Int

    static func of(_ pid: Int32) -> Memory? {
        guard pid > 1, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func field(_ name: String) -> Int? {
            status.split(separator: "\n").first { $0.hasPrefix(name + ":") }?
                .split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }
        }
        guard let resident = field("VmRSS"), let anonymous = field("RssAnon"), let peak = field("VmHWM") else { return nil }
        return Memory(resident: resident, anonymous: anonymous, peak: peak)
    }
}

extension Xoshiro {
    /// A generator that repeats from one number, as the tests' seeds are written.
    init(seed: UInt64) {
        self.init(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xBF58_476D_1CE4_E5B9, 0x94D0_49BB_1331_11EB))
    }
}
