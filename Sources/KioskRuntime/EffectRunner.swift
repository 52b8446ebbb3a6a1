import KioskBook
import KioskCore
import KioskGroupLink

/// Performs what the tour asks (`TourEffect`) and answers it with events: the group tour's
/// sockets and the staff PIN's check; and brings what the world says unasked (the group's
/// news, the staff's notice). What the tour is told comes back through `reduce`.
public final class EffectRunner {
    /// The group tour's sockets, when group tours are set up on this host.
    public let group: GroupLink?
    private let checkStaffPIN: (String) -> Bool
    /// The staff's notice file, where the kiosk has one.
    private let noticeBoard: NoticeBoard?
    /// The book of remembrance, where it is kept.
    public let book: BookService?
    private let saveStaffLock: (StaffLock) -> Void

    /// `checkStaffPIN` checks a typed PIN against the configured hash (KioskStaff's, in the
    /// executable); by default no PIN matches. `saveStaffLock` keeps the staff exit's lock
    /// for the next process (`StaffLockFile`); by default it is kept nowhere.
    public init(group: GroupLink? = nil, noticeBoard: NoticeBoard? = nil, book: BookService? = nil,
                checkStaffPIN: @escaping (String) -> Bool = { _ in false }, saveStaffLock: @escaping (StaffLock) -> Void = { _ in }) {
        self.group = group
        self.book = book
        self.noticeBoard = noticeBoard
        self.checkStaffPIN = checkStaffPIN
        self.saveStaffLock = saveStaffLock
    }

    /// Carries out one effect; the events that answer it at once.
    public func perform(_ effect: TourEffect, now: Instant) -> [TourEvent] {
        switch effect {
        case .checkStaffPIN(let pin):
            return [.staffPINChecked(matches: checkStaffPIN(pin))]
        case .group(let request):
            guard let group else { return Self.withoutGroups(request).map(TourEvent.group) }
            return group.perform(request, now: now).map(TourEvent.group)
        case .saveStaffLock(let lock):
            saveStaffLock(lock)
            return []
        case .book(let request):
            guard let book else { return [.book(Self.withoutBook(request))] }
            book.ask(request)
            return []
        case .endSession, .newVisit, .record, .ringBell:
            // The runtime's loop stops, looks for a newer pack, tells its watcher, or rings
            // the front's bell: its own to do.
            return []
        }
    }

    /// Where no book is kept (the tour offers none), a request is answered at once.
    private static func withoutBook(_ request: BookRequest) -> BookNews {
        switch request {
        case .submit: return .notSaved
        case .read(let number): return .unreadable(page: number)
        }
    }

    /// Where no group tours are set up, a join finds no group and a group cannot open.
    private static func withoutGroups(_ request: GroupRequest) -> [GroupEvent] {
        switch request {
        case .join(let code): return [.noSuchGroup(code)]
        case .open: return [.cannotOpen]
        case .report, .announce, .announceTour, .announceReading, .gather, .leave, .end, .farewell, .handOver: return []
        }
    }

    /// What the world brought since last asked: the other kiosks' news, and the staff's
    /// notice when it has changed.
    public func news(now: Instant) -> [TourEvent] {
        var news = (group?.service(now: now) ?? []).map(TourEvent.group)
        if let notice = noticeBoard?.look(now: now) { news.append(.staffNotice(notice)) }
        news += (book?.answers() ?? []).map(TourEvent.book)
        return news
    }

    /// What to wait on besides the front's input.
    public var descriptors: [Int32] { (group?.descriptors ?? []) + [book?.descriptor].compactMap { $0 } }

    /// When the runner needs a turn whatever happens.
    public var nextDeadline: Instant? { [group?.nextDeadline, noticeBoard?.nextDeadline].compactMap { $0 }.min() }

    /// The session is over. A group the tour did not end (the visitor hung up, a signal) is
    /// left to be taken back.
    public func close() {
        group?.close()
        book?.close()
    }
}
