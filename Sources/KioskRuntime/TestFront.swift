import KioskCore
import KioskView

/// Input at set times on a test clock, for the test fronts: waiting moves the clock to the
/// next input, or by the time asked when none comes sooner.
public struct Script<Input> {
    private var items: [(at: Instant, input: Input)] = []
    public let clock: TestClock

    public init(clock: TestClock) {
        self.clock = clock
    }

    /// Adds input that arrives `after` seconds from the clock's time now, or after the last
    /// input already scripted, whichever is later.
    public mutating func add(_ inputs: [Input], after seconds: Double = 0) {
        let base = max(clock.now, items.last?.at ?? clock.now)
        let at = base.adding(seconds: seconds)
        items += inputs.map { (at, $0) }
    }

    public var isEmpty: Bool { items.isEmpty }

    /// Waits as a real front would: until the next input if it comes within `milliseconds`
    /// (nil: whenever it comes), else for `milliseconds`; then gives what is due, all of it or
    /// (`one`) the first. Nil when nothing is left to come and the wait has no end: the
    /// script is over.
    public mutating func wait(milliseconds: Int64?, one: Bool = false) -> [Input]? {
        let now = clock.now
        guard let next = items.first?.at else {
            guard let milliseconds else { return nil }
            clock.advance(milliseconds: milliseconds)
            return []
        }
        if let milliseconds, now.milliseconds(until: next) > milliseconds {
            clock.advance(milliseconds: milliseconds)
            return []
        }
        clock.advance(to: next)
        let due = items.prefix { $0.at <= next }.prefix(one ? 1 : Int.max)
        items.removeFirst(due.count)
        return due.map(\.input)
    }
}

/// A front for tests, as ratatui's TestBackend and Bubble Tea's teatest: it records every frame
/// the runtime presents, with the time, and gives the input a test scripts, on a test clock.
/// When the script is over and the tour would wait for ever, the input ends.
public final class TestFront: Front {
    public let clock: TestClock
    public var size: TerminalSize
    public var medium = Medium.screen
    private var script: Script<FrontInput>
    /// Every frame presented, with the time it was presented at.
    public private(set) var frames: [(at: Instant, frame: Frame)] = []
    /// The states presented, for tests that look beyond the frame.
    public private(set) var states: [TourState] = []
    /// How long each wait asked for (nil: no deadline), to show the loop sleeps until the
    /// tour's next deadline and never spins.
    public private(set) var waits: [Int64?] = []

    public init(size: TerminalSize = TerminalSize(columns: 80, rows: 24), clock: TestClock = TestClock()) {
        self.clock = clock
        self.size = size
        script = Script(clock: clock)
    }

    /// Keys pressed `after` seconds from now (or from the last scripted input).
    public func press(_ keys: Key..., after seconds: Double = 0) {
        script.add(keys.map { .event(.key($0)) }, after: seconds)
    }

    /// Text typed, a key per character.
    public func type(_ text: String, after seconds: Double = 0) {
        script.add(text.map { .event(.key(.character($0))) }, after: seconds)
    }

    /// Any input, `after` seconds from now (or from the last scripted input).
    public func send(_ inputs: FrontInput..., after seconds: Double = 0) {
        script.add(inputs, after: seconds)
    }

    public func present(_ state: TourState, _ tour: Tour) {
        frames.append((clock.now, TourView(tour: tour).render(state)))
        states.append(state)
    }

    /// How many times the bell rang.
    public private(set) var bells = 0

    public func ringBell() {
        bells += 1
    }

    public func presentOutOfOrder(_ lines: [String]) {
        frames.append((clock.now, OutOfOrderView.render(lines, size: size)))
    }

    public func read(waitingUpTo milliseconds: Int64?, wakingOn descriptors: [Int32]) -> [FrontInput] {
        waits.append(milliseconds)
        guard let inputs = script.wait(milliseconds: milliseconds) else { return [.ended(.endOfInput)] }
        for case .event(.resize(let newSize)) in inputs { size = newSize }
        return inputs
    }

    /// The last frame as text, as a golden file holds it.
    public var screen: String { frames.last?.frame.text ?? "" }
}
