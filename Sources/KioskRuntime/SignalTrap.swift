import Glibc
import Synchronization

/// The signal that asked the kiosk to stop, or 0. A handler may only set a flag; the input
/// loop reads it within its poll timeout, restores the terminal and exits.
private let caughtSignal = Atomic<Int32>(0)
/// Set when the terminal's size changed (SIGWINCH), until the screen takes it.
private let resizedFlag = Atomic<Bool>(false)

/// SIGINT, SIGTERM and SIGHUP end the visit cleanly: the terminal is restored, no process is
/// left behind. SIGPIPE is ignored, so a vanished terminal is an error to handle, not a death.
public enum SignalTrap {
    public static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    public static func install() {
        // A parent may hand down a mask that blocks these (a test runner's worker thread,
        // some supervisors); blocked, they would never end the visit.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in endingSignals + [SIGWINCH] { sigaddset(&unblock, signalNumber) }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        for signalNumber in endingSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { caughtSignal.store($0, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: poll() returns at once with EINTR, so the loop notices in time.
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
        signal(SIGPIPE, SIG_IGN)
    }

    /// A public kiosk cannot be suspended or made to dump core: the terminal is raw, so these
    /// never come from its keyboard, and they are ignored should anything else send them.
    /// Called before the screen opens, so that ncurses installs no handler of its own.
    public static func lockDown() {
        for signalNumber in [SIGTSTP, SIGQUIT, SIGTTIN, SIGTTOU] { signal(signalNumber, SIG_IGN) }
    }

    /// Catches SIGWINCH for the screen, before ncurses opens: ncurses then installs no handler
    /// of its own (it only replaces the default one), so it never resizes itself to whatever
    /// size the terminal claims; the screen reads the size, bounds it and resizes ncurses.
    public static func watchResizes() {
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGWINCH)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in resizedFlag.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: poll() returns with EINTR, and the screen answers the resize at once.
        action.sa_flags = 0
        sigaction(SIGWINCH, &action, nil)
    }

    /// Whether the terminal was resized since last asked.
    public static func takeResize() -> Bool {
        resizedFlag.exchange(false, ordering: .relaxed)
    }

    /// The signal caught since start, if any.
    public static var caught: Int32? {
        let value = caughtSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Ends the process by `signalNumber` with its default action, as a shell or a service
    /// manager expects of a program that was told to stop.
    public static func exit(by signalNumber: Int32) -> Never {
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
        Glibc.exit(128 + signalNumber)
    }
}
