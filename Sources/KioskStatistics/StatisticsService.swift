import Dispatch
import KioskBook
import Synchronization

/// The statistics of one session, kept off the loop: `record` puts an event in a box and
/// returns, and a queue of its own writes what the box holds, a batch at a time, a moment
/// later. Nothing waits for the database: a slow one fills the box, and what does not fit is
/// dropped; one that cannot be written to drops the batch and is tried again a while later.
/// Every event dropped is counted (`dropped`), and the count is written as a row of its own
/// once the database takes rows again.
public final class StatisticsService: @unchecked Sendable {
    private let open: () throws(BookError) -> VisitStatistics
    private let report: @Sendable (String) -> Void
    private let queue = DispatchQueue(label: "museum-kiosk.statistics")
    private let box = Mutex(Box())
    private let capacity: Int
    private let batchDelay: Double
    private let retrySeconds: Double
    /// Touched only on the queue: the database, opened when first needed, and when writing
    /// it last failed.
    private var statistics: VisitStatistics?
    private var failedAt: DispatchTime?

    private struct Box {
        var events: [VisitEvent] = []
        var flushing = false
        var closed = false
        /// Dropped since the session began, and those not yet written as a row.
        var dropped = 0
        var unwritten = 0
    }

    /// Events the box holds at most: an hour of a busy stand's visits, a few hundred kilobytes.
    public static let standardCapacity = 5_000

    /// `open` opens the database (on the queue, never on the loop); `report` tells the
    /// operator (the journal) when writing fails and when it works again. `batchDelay`: how
    /// long an event waits for others to be written with it; `retrySeconds`: how long after
    /// a failure events are dropped unwritten before the database is tried again.
    public init(open: @escaping () throws(BookError) -> VisitStatistics, report: @escaping @Sendable (String) -> Void,
                capacity: Int = standardCapacity, batchDelay: Double = 1, retrySeconds: Double = 30) {
        self.open = open
        self.report = report
        self.capacity = capacity
        self.batchDelay = batchDelay
        self.retrySeconds = retrySeconds
    }

    /// Events dropped since the session began: a full box, or a database that was full or
    /// could not be reached.
    public var dropped: Int { box.withLock { $0.dropped } }

    /// Keeps `event`, later; never waits.
    public func record(_ event: VisitEvent) {
        let startsBatch = box.withLock { box -> Bool in
            guard !box.closed else { return false }
            guard box.events.count < capacity else {
                box.dropped += 1
                box.unwritten += 1
                return false
            }
            box.events.append(event)
            defer { box.flushing = true }
            return !box.flushing
        }
        if startsBatch { queue.asyncAfter(deadline: .now() + batchDelay) { [self] in flush() } }
    }

    /// The session is over: what the box holds is written first, for at most `seconds` (a
    /// database that does not answer does not hold the kiosk's exit for longer).
    public func close(waitingUpTo seconds: Double = 2) {
        let done = DispatchSemaphore(value: 0)
        queue.async { [self] in
            flush()
            box.withLock { $0.closed = true }
            statistics?.connection.close()
            statistics = nil
            done.signal()
        }
        _ = done.wait(timeout: .now() + seconds)
    }

    // MARK: - On the queue

    private func flush() {
        let (batch, unwritten) = box.withLock { box in
            defer {
                box.events = []
                box.flushing = false
            }
            return (box.events, box.unwritten)
        }
        guard let first = batch.first else { return }
        if let failedAt, DispatchTime.now() < failedAt + retrySeconds {
            drop(batch.count)
            return
        }
        var rows = batch
        if unwritten > 0 {
            rows.append(VisitEvent(visit: 0, stand: first.stand, day: first.day, hour: first.hour, kind: .dropped, amount: Int64(unwritten)))
        }
        do throws(BookError) {
            try opened().add(rows)
            box.withLock { $0.unwritten -= unwritten }
            if failedAt != nil { report("the visit statistics are written again; \(self.dropped) events were dropped meanwhile") }
            failedAt = nil
        } catch {
            // Opened again next time: the database may be back.
            statistics?.connection.close()
            statistics = nil
            if failedAt == nil { report("the visit statistics cannot be written, and are dropped until they can: \(error)") }
            failedAt = .now()
            drop(batch.count)
        }
    }

    private func drop(_ count: Int) {
        box.withLock { box in
            box.dropped += count
            box.unwritten += count
        }
    }

    private func opened() throws(BookError) -> VisitStatistics {
        if let statistics { return statistics }
        let statistics = try open()
        self.statistics = statistics
        return statistics
    }
}
