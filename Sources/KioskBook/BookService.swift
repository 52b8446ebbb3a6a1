import Dispatch
import Glibc
import KioskCore
import Synchronization

/// The book for one session: what the tour asks of it (`TourEffect.book`) is done on a queue of
/// its own, so a slow or absent database never holds a key; the answers wait in a box, and a
/// byte on a pipe wakes the runtime's loop to collect them (`answers`).
public final class BookService: @unchecked Sendable {
    /// Where entries come from, as the book records them: the stand's name and the front
    /// (stand, ssh, plain, laptop).
    public let stand: String
    public let front: String
    private let open: () throws(BookError) -> Book
    private let now: @Sendable () -> Int64
    private let report: @Sendable (String) -> Void
    private let queue = DispatchQueue(label: "museum-kiosk.book")
    private let pending = DispatchGroup()
    private let box = Mutex<[BookNews]>([])
    private let wake: (read: Int32, write: Int32)
    /// The book, opened on the queue when first needed and again after it failed. Touched only
    /// on the queue.
    private var book: Book?

    /// `open` opens the database (on the queue, never on the loop); `now` is the wall clock's
    /// seconds since 1970; `report` tells the operator what went wrong (the journal).
    public init(stand: String, front: String, open: @escaping () throws(BookError) -> Book,
                now: @escaping @Sendable () -> Int64, report: @escaping @Sendable (String) -> Void) {
        self.stand = stand
        self.front = front
        self.open = open
        self.now = now
        self.report = report
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            }
        }
        wake = (ends[0], ends[1])
    }

    /// What to wait on: readable when answers wait.
    public var descriptor: Int32 { wake.read }

    /// Asks for a request to be done; its answer comes later through `answers`.
    public func ask(_ request: BookRequest) {
        pending.enter()
        queue.async { [self] in
            let answer = perform(request)
            box.withLock { $0.append(answer) }
            var byte: UInt8 = 1
            _ = write(wake.write, &byte, 1)
            pending.leave()
        }
    }

    /// The answers that came since last asked.
    public func answers() -> [BookNews] {
        var drain = [UInt8](repeating: 0, count: 64)
        while read(wake.read, &drain, drain.count) > 0 {}
        return box.withLock { answers in
            defer { answers = [] }
            return answers
        }
    }

    /// The session is over: what was asked is finished first, for at most `seconds` (an entry
    /// on its way to the disk is not dropped by a visitor hanging up).
    public func close(waitingUpTo seconds: Double = 5) {
        _ = pending.wait(timeout: .now() + seconds)
        queue.sync { book?.connection.close() }
        Glibc.close(wake.read)
        Glibc.close(wake.write)
    }

    // MARK: - On the queue

    private func perform(_ request: BookRequest) -> BookNews {
        do throws(BookError) {
            let book = try opened()
            switch request {
            case .submit(let submission):
                _ = try book.add(submission, stand: stand, front: front, at: now())
                return .saved
            case .read(let number):
                let records = try book.approved(offset: number * BookPage.size, limit: BookPage.size + 1)
                let entries = records.prefix(BookPage.size).map { record in
                    BookEntry(words: record.words, name: record.name, place: record.place, language: record.language,
                              date: Self.day(of: record.writtenAt))
                }
                return .page(BookPage(number: number, entries: entries, hasOlder: records.count > BookPage.size))
            }
        } catch {
            // Opened again next time: the database may be back.
            self.book?.connection.close()
            self.book = nil
            report("the book of remembrance: \(error)")
            switch request {
            case .submit: return .notSaved
            case .read(let number): return .unreadable(page: number)
            }
        }
    }

    private func opened() throws(BookError) -> Book {
        if let book { return book }
        let book = try open()
        self.book = book
        return book
    }

    /// The day of `seconds` on the stand's calendar, as 2026-12-04.
    static func day(of seconds: Int64) -> String {
        var time = time_t(seconds)
        var parts = tm()
        localtime_r(&time, &parts)
        return LocalTime(parts).date
    }
}
