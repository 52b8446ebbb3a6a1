import Glibc
import KioskCore
import Synchronization

/// Where the runtime gets the time it gives the tour: the monotonic time its timeouts count,
/// and the wall clock, for the museum's day and the stand's health.
public protocol Clock: AnyObject, Sendable {
    var now: Instant { get }
    var wall: WallTime { get }
}

/// The wall clock: seconds since 1970 (for the health file) and the local time (for the tour).
public struct WallTime: Hashable, Sendable {
    public var unixSeconds: Int64
    public var local: LocalTime

    public init(unixSeconds: Int64, local: LocalTime) {
        self.unixSeconds = unixSeconds
        self.local = local
    }

    /// The local time of `unixSeconds` in the system's time zone (TZ, /etc/localtime).
    public init(unixSeconds: Int64) {
        var seconds = time_t(unixSeconds)
        var parts = tm()
        localtime_r(&seconds, &parts)
        self.unixSeconds = unixSeconds
        local = LocalTime(parts)
    }
}



/// The system's clocks: the monotonic clock never jumps with the wall clock, so a time limit
/// means what it says; the wall clock tells the time of day.
public final class SystemClock: Clock {
    public init() {}

    public var now: Instant {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Instant(milliseconds: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000)
    }

    public var wall: WallTime {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return WallTime(unixSeconds: Int64(time.tv_sec))
    }
}

/// A clock that moves only when told: a test front moves it as it "waits", so a session of
/// minutes runs in milliseconds. Its start is not zero, so a time counted from zero where it
/// should be counted from the session's start is caught. Its wall clock moves with it, from a
/// day the test chooses (in UTC, whatever the machine's zone).
public final class TestClock: Clock {
    private let time: Mutex<Instant>
    private let start: Instant
    private let wallStart: Int64

    /// `wallStart`: seconds since 1970 at `start`; by default a Monday, 2026-06-15 12:00 UTC,
    /// no day a pack marks.
    public init(start: Instant = Instant(milliseconds: 10_000), wallStart: Int64 = 1_781_524_800) {
        time = Mutex(start)
        self.start = start
        self.wallStart = wallStart
    }

    public var now: Instant { time.withLock { $0 } }

    public var wall: WallTime {
        let seconds = wallStart + start.milliseconds(until: now) / 1000
        var utc = time_t(seconds)
        var parts = tm()
        gmtime_r(&utc, &parts)
        return WallTime(unixSeconds: seconds, local: LocalTime(parts))
    }

    public func advance(milliseconds: Int64) {
        time.withLock { $0 = Instant(milliseconds: $0.milliseconds + max(0, milliseconds)) }
    }

    /// Moves the clock to `instant`, never back.
    public func advance(to instant: Instant) {
        time.withLock { $0 = max($0, instant) }
    }
}
