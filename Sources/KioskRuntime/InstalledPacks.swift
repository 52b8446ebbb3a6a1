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
    /// The installed version being shown, if it is one.
    public private(set) var serving: String?
    /// Why the last pack tried could not be shown, for the stand's health.
    public private(set) var lastError: String?

    public init(store: PackStore, fallback: String?, load: @escaping (String) -> PackLoadResult,
                makeTour: @escaping (Pack) -> Tour, logger: Logger) {
        self.store = store
        self.fallback = fallback
        self.load = load
        self.makeTour = makeTour
        self.logger = logger
    }

    /// The best pack that loads, as a tour; nil when none does.
    public func firstTour() -> Tour? {
        for directory in store.candidates + [fallback].compactMap({ $0 }) {
            if let tour = tour(from: directory) {
                serving = store.candidates.contains(directory) ? store.version(directory) : nil
                logger.info("showing the pack in \(directory)\(serving.map { " (version \($0))" } ?? "")")
                return tour
            }
        }
        return nil
    }

    /// The current installed version, if it is not the one shown and it loads.
    public func newerTour() -> Tour? {
        guard let version = store.version(store.current), version != serving else { return nil }
        guard let tour = tour(from: store.current) else {
            // Tried once: a broken version is not tried again at every reset.
            serving = version
            return nil
        }
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
            lastError = nil
            return makeTour(pack)
        }
        let first = result.sortedFindings.first { $0.severity == .error }?.description ?? "it cannot be read"
        lastError = first
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
