import Glibc
import KioskCore
import KioskView

/// Where the line-by-line mode's lines come from: standard input, or a test's script.
public protocol LineSource: AnyObject {
    /// Waits as `Front.read` does, unless a line is already waiting; the next whole line, if
    /// one came, or the end of input (or the signal that ended it). One line at a time, so that
    /// each line is answered before the next is read.
    func line(waitingUpTo milliseconds: Int64?, wakingOn descriptors: [Int32]) -> LineRead
}

public enum LineRead: Equatable, Sendable {
    case line(String?)
    case ended(InputEnd)
}

/// The line-by-line front (`--plain`), for screen readers, braille displays and pipes: each page
/// printed whole when it changes, one command read a line at a time, a reply to every line.
/// What happens without a line (a warning that the session will close, the guide moving the
/// group) is printed as it happens. Ticks, limits and groups come from the runtime's loop, as
/// for the terminal.
public final class PlainFront: Front {
    /// The tour last presented: its words answer the lines read after it.
    private var tour: Tour?
    private let source: LineSource
    /// Writes lines for the reader at once; false when nobody reads any more.
    private let write: ([String]) -> Bool
    /// The page last printed, and where it was.
    private var shown: [String]?
    private var shownPlace: ScreenKind?
    /// How the group stood when last said.
    private var groupSaid: String?
    /// What the visitor's last lines asked for besides events (help, the page again).
    private var replies: [String] = []
    /// A line was read that has had no reply yet.
    private var awaitingReply = false
    /// The warning last printed, so a countdown is said once, not every second.
    private var warned: SessionWarning?
    /// The staff's notice or the day's line last said.
    private var bannerSaid: String?
    /// The page on show asks for a line of text (a part of the book's form).
    private var awaitingText = false
    private var context = KeyMap.Context(isKiosk: false, role: .none)
    private var language = "en"
    private var gone = false
    /// The out-of-order lines last printed.
    fileprivate var shownTrouble: [String]?

    public init(source: LineSource, write: @escaping ([String]) -> Bool) {
        self.source = source
        self.write = write
    }

    public var size: TerminalSize { PlainView.size }

    public var medium: Medium { .lines }

    public func present(_ state: TourState, _ tour: Tour) {
        self.tour = tour
        let view = PlainView(tour: tour)
        context = KeyMap.Context(isKiosk: tour.kiosk.isKiosk, role: state.visit.group.role)
        language = state.language
        awaitingText = tour.awaitsText(state)
        var lines = replies
        replies = []
        let page = view.page(state)
        if page != shown {
            // A blank line sets each page apart from what came before it; a move the guide
            // made is said before it, as a screen would show it.
            let move = awaitingReply ? nil : view.guideMove(from: shownPlace, state)
            lines += (shown == nil ? [] : [""]) + (move.map { [$0, ""] } ?? []) + page
            shown = page
        }
        shownPlace = state.visit.place.kind
        let group = view.groupLine(state)
        if let group, group != groupSaid { lines.append(group) }
        groupSaid = group
        if awaitingReply {
            if let notice = state.visit.notice {
                lines.append(PlainView.clean(tour.say(notice: notice, state.language)))
            } else if lines.isEmpty {
                lines = [tour.say(.plainPrompt, state.language)]
            }
            awaitingReply = false
        }
        let warning = state.sessionWarning
        if let warning, !warning.isSameKind(as: warned) {
            lines.append(PlainView.clean(tour.say(warning: warning, state.language, medium: .lines).joined(separator: " · ")))
        }
        warned = warning
        // The line over every screen, said once when it comes or changes.
        let banner = tour.banner(state, in: state.language)
        if let banner, banner != bannerSaid { lines.append(PlainView.clean(banner)) }
        bannerSaid = banner
        if !lines.isEmpty, !write(lines) { gone = true }
    }

    public func read(waitingUpTo milliseconds: Int64?, wakingOn descriptors: [Int32]) -> [FrontInput] {
        // A reader that went away ends the visit; it is not a crash.
        if gone { return [.ended(.endOfInput)] }
        switch source.line(waitingUpTo: milliseconds, wakingOn: descriptors) {
        case .ended(let end):
            return [.ended(end)]
        case .line(nil):
            return []
        case .line(let line?):
            // Before any page (the kiosk out of order), a line changes nothing.
            guard let tour else { return [] }
            awaitingReply = true
            if awaitingText { return [.event(.text(line))] }
            switch PlainCommand.parse(line, context) {
            case .events(let events): return events.map(FrontInput.event)
            case .help: replies += [""] + PlainView(tour: tour).help(context, language)
            case .repeatPage: replies += [""] + (shown ?? [])
            case .unknown(let text): replies.append(tour.say(.plainUnknown, language, PlainView.clean(String(text.prefix(40)))))
            }
            return []
        }
    }
}

extension PlainFront {
    /// The bell character, alone: a screen reader says or plays it as the terminal would.
    public func ringBell() {
        if !write(["\u{07}"]) { gone = true }
    }

    public func presentOutOfOrder(_ lines: [String]) {
        if lines != shownTrouble, !write(lines) { gone = true }
        shownTrouble = lines
    }
}

extension SessionWarning {
    /// The same warning, whatever the seconds left.
    func isSameKind(as other: SessionWarning?) -> Bool {
        switch (self, other) {
        case (.idle, .idle?), (.timeLimit, .timeLimit?): return true
        default: return false
        }
    }
}

/// Lines from a descriptor (standard input): read as they come, without blocking the loop, each
/// bounded in length so a flood is a long line cut short, not a session's memory.
public final class DescriptorLines: LineSource {
    private let descriptor: Int32
    /// Whole lines read and not yet given, and the start of the next.
    private var lines: [String] = []
    private var partial: [UInt8] = []
    private var skippingToEndOfLine = false
    /// The last line ended with a CR: a LF right after it belongs to the same end.
    private var afterCarriageReturn = false
    private var ended = false
    /// A line longer than this is cut there: no command is anywhere near as long.
    public static let longestLine = 4096

    public init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    public func line(waitingUpTo milliseconds: Int64?, wakingOn descriptors: [Int32]) -> LineRead {
        if let signal = SignalTrap.caught { return .ended(.signal(signal)) }
        if !lines.isEmpty { return .line(lines.removeFirst()) }
        if ended { return .ended(.endOfInput) }
        let outcome = Waiting.wait(on: descriptor, alsoOn: descriptors, milliseconds: milliseconds)
        if let signal = SignalTrap.caught { return .ended(.signal(signal)) }
        guard outcome.events != 0 else { return .line(nil) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { return .line(nil) }
        guard count > 0 else {
            // The end of input: a last line without its newline still counts.
            ended = true
            if partial.isEmpty { return .ended(.endOfInput) }
            defer { partial = [] }
            return .line(text(partial))
        }
        for byte in buffer[..<count] {
            // A line ends with LF, CR LF, or a CR alone (a terminal in raw mode, an old Mac
            // file, a serial line): each is one end, so CR-only lines are commands too.
            let wasAfterCarriageReturn = afterCarriageReturn
            afterCarriageReturn = byte == UInt8(ascii: "\r")
            if byte == UInt8(ascii: "\n") && wasAfterCarriageReturn { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if !skippingToEndOfLine { lines.append(text(partial)) }
                partial = []
                skippingToEndOfLine = false
            } else if partial.count < Self.longestLine {
                partial.append(byte)
            } else if !skippingToEndOfLine {
                lines.append(text(partial))
                partial = []
                skippingToEndOfLine = true
            }
        }
        return .line(lines.isEmpty ? nil : lines.removeFirst())
    }

    /// A line's text: bytes that are not UTF-8 replaced.
    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
