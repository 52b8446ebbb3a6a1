import KioskCore
import Logging

/// The packs a stand may show, best first (the installed current version, the previous one,
/// the pack bundled with the kiosk): the first that loads is shown, and a failure is said in
/// the journal, never on the visitor's screen.
public final class InstalledPacks: PackSource {
    public let store: PackStore
    private let fallback: String?
    private let load: (String) -> PackLoadResult
    private let makeTour: (Pack) -> Tour
    private let logger: Logger
    private let clock: Clock
    /// The installed version being shown, if it is one.
    public private(set) var serving: String?
    /// The current version last tried, shown or not: a broken one is not tried again at
    /// every reset.
    private var tried: String?
    /// Why the stand does not show its current version: the first error of the last pack that
    /// failed, and when (seconds since 1970), for the stand's health. Nil once it does.
    public private(set) var lastError: (message: String, unixSeconds: Int64)?

    public init(store: PackStore, fallback: String?, load: @escaping (String) -> PackLoadResult,
                makeTour: @escaping (Pack) -> Tour, logger: Logger, clock: Clock = SystemClock()) {
        self.store = store
        self.fallback = fallback
        self.load = load
        self.makeTour = makeTour
        self.logger = logger
        self.clock = clock
    }

    /// What the stand's health file says of the pack.
    public var status: StandHealth.PackStatus {
        StandHealth.PackStatus(version: serving ?? "bundled", lastError: lastError)
    }

    /// The best pack that loads, as a tour; nil when none does.
    public func firstTour() -> Tour? {
        for directory in store.candidates + [fallback].compactMap({ $0 }) {
            if let tour = tour(from: directory) {
                serving = store.candidates.contains(directory) ? store.version(directory) : nil
                tried = store.version(store.current)
                logger.info("showing the pack in \(directory)\(serving.map { " (version \($0))" } ?? "")")
                return tour
            }
        }
        return nil
    }

    /// The current installed version, if it is not the one shown and it loads.
    public func newerTour() -> Tour? {
        guard let version = store.version(store.current), version != serving, version != tried else { return nil }
        tried = version
        guard let tour = tour(from: store.current) else { return nil }
        serving = version
        logger.info("showing the newly installed pack, version \(version)")
        return tour
    }

    /// What a broken pack could tell of itself: the languages and words to say it is out of
    /// order in.
    public func wordsForTrouble() -> (languages: [String], messages: Messages)? {
        for directory in store.candidates + [fallback].compactMap({ $0 }) {
            if let words = load(directory).languagesAndWords { return words }
        }
        return nil
    }

    private func tour(from directory: String) -> Tour? {
        let result = load(directory)
        if let pack = result.pack {
            if directory == store.current { lastError = nil }
            return makeTour(pack)
        }
        let first = result.sortedFindings.first { $0.severity == .error }?.description ?? "it cannot be read"
        lastError = (first, clock.wall.unixSeconds)
        logger.error("the pack in \(directory) cannot be shown: \(first)")
        return nil
    }
}

/// The out-of-order page until a pack loads: shown, then tried again every `seconds`, never a
/// restart loop behind a blank screen. Returns the tour that loaded, or nil when the input
/// ended (a signal, a hangup).
public func waitForPack(front: Front, clock: Clock, every seconds: Double, lines: () -> [String], attempt: () -> Tour?) -> Tour? {
    while true {
        front.presentOutOfOrder(lines())
        let until = clock.now.adding(seconds: seconds)
        while clock.now < until {
            for input in front.read(waitingUpTo: clock.now.milliseconds(until: until), wakingOn: []) {
                if case .ended = input { return nil }
                // A resize redraws the page; keys do nothing while the kiosk is out of order.
                if case .event(.resize) = input { front.presentOutOfOrder(lines()) }
            }
        }
        if let tour = attempt() { return tour }
    }
}
