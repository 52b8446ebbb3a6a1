import Glibc

/// Waiting for input on a descriptor and a few others, the way every real front waits: never
/// spinning, and never so long that a signal caught just before the wait goes unnoticed.
public enum Waiting {
    /// The longest wait: it bounds how late a signal caught just before polling is noticed.
    public static let longestMilliseconds: Int64 = 500

    /// What a wait saw.
    public struct Outcome {
        /// The main descriptor's events (POLLIN, POLLHUP…), 0 when it has none.
        public var events: Int16
        /// A signal interrupted the wait (a resize, or one that ends the session).
        public var interrupted: Bool
    }

    /// Waits until `descriptor` or one of `others` is readable, a signal comes, or
    /// `milliseconds` pass (nil: the longest wait).
    public static func wait(on descriptor: Int32, alsoOn others: [Int32], milliseconds: Int64?) -> Outcome {
        var descriptors = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
            + others.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        let timeout = Int32(min(max(0, milliseconds ?? longestMilliseconds), longestMilliseconds))
        let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
        return Outcome(events: ready > 0 ? descriptors[0].revents : 0, interrupted: ready < 0 && errno == EINTR)
    }
}
