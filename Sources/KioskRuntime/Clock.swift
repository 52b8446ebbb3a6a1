import Glibc
import KioskCore
import Synchronization

/// Where the runtime gets the time it gives the tour.
public protocol Clock: AnyObject, Sendable {
    var now: Instant { get }
}

/// The monotonic clock: it never jumps with the wall clock, so a time limit means what it says.
public final class MonotonicClock: Clock {
    public init() {}

    public var now: Instant {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Instant(milliseconds: Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000)
    }
}

/// A clock that moves only when told: a test front moves it as it "waits", so a session of
/// minutes runs in milliseconds. Its start is not zero, so a time counted from zero where it
/// should be counted from the session's start is caught.
public final class TestClock: Clock {
    private let time: Mutex<Instant>

    public init(start: Instant = Instant(milliseconds: 10_000)) {
        time = Mutex(start)
    }

    public var now: Instant { time.withLock { $0 } }

    public func advance(milliseconds: Int64) {
        time.withLock { $0 = Instant(milliseconds: $0.milliseconds + max(0, milliseconds)) }
    }

    /// Moves the clock to `instant`, never back.
    public func advance(to instant: Instant) {
        time.withLock { $0 = max($0, instant) }
    }
}
