import CNCursesW
import Glibc
import KioskCore
import KioskRuntime
import KioskView

public struct TerminalError: Error, CustomStringConvertible {
    public var description: String
}

/// The kiosk's one ncurses screen. Opened once, it draws frames (only the rows that changed),
/// reads keys, and is restored on every way out.
public final class TerminalScreen {
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: Palette
    private var drawn: Frame?
    private var isOpen = true
    /// Wakes in a row on which the input was readable and gave nothing.
    private var emptyWakes = 0
    /// So many such wakes in a row, each returning at once, is an input that has ended.
    static let emptyWakesAtTheEnd = 20

    /// Opens the terminal on standard input and output. Fails with a clear message, rather
    /// than exiting as initscr() would, when TERM names no terminal this machine knows. In
    /// `lockdown` (a public kiosk) the terminal is raw: Ctrl-C, Ctrl-Z, Ctrl-\, Ctrl-S and
    /// Ctrl-Q arrive as keys, which do nothing, instead of signalling or stopping output.
    public init(theme: Theme, lockdown: Bool = false) throws {
        setlocale(LC_ALL, "")
        // The pack is UTF-8, and so are the terminals the kiosk is for. A service or an SSH
        // session may bring no locale, or one this machine lacks: ncurses would then write
        // every Azerbaijani and Russian letter as a blank.
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        guard newterm(nil, kiosk_stdout(), kiosk_stdin()) != nil, let window = kiosk_stdscr() else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw TerminalError(description: "cannot open the terminal: TERM=\(term) is not a terminal this machine knows")
        }
        self.window = window
        if lockdown { raw() } else { cbreak() }
        noecho()
        nonl()
        keypad(window, true)
        // Esc must answer at once; 25 ms still lets an arrow key's sequence arrive whole.
        set_escdelay(25)
        curs_set(0)
        wtimeout(window, 0)
        let hasColors = has_colors()
        if hasColors {
            start_color()
            use_default_colors()
        }
        palette = Palette(theme: theme, hasColors: hasColors)
        // A theme with its own background paints every cell with it, blank ones too.
        if palette.background.pair != 0 {
            wbkgd(window, kiosk_color_pair(palette.background.pair) | chtype(UInt8(ascii: " ")))
        }
    }

    deinit { close() }

    /// Leaves the terminal as it was found. Safe to call more than once, and after a hangup.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        endwin()
    }

    public var size: TerminalSize {
        TerminalSize(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    // MARK: - Drawing

    public func draw(_ frame: Frame) {
        if drawn?.size != frame.size {
            werase(window)
            drawn = nil
        }
        for row in 0..<frame.size.rows {
            for columns in changedRuns(row, of: frame) { drawCells(row, columns, of: frame) }
        }
        drawn = frame
        wnoutrefresh(window)
        doupdate()
    }

    /// The stretches of a row that differ from the frame drawn before (all of it when there is
    /// none): only these are given to ncurses, so a key that changes a line costs a line.
    private func changedRuns(_ row: Int, of frame: Frame) -> [Range<Int>] {
        let columns = frame.size.columns
        guard let drawn else { return columns > 0 ? [0..<columns] : [] }
        var runs: [Range<Int>] = []
        var column = 0
        while column < columns {
            if drawn[row, column] == frame[row, column] {
                column += 1
                continue
            }
            // A stretch starts on a whole character, never on the right half of a wide one.
            let start = column > 0 && frame[row, column].text.isEmpty ? column - 1 : column
            var end = column + 1
            while end < columns, drawn[row, end] != frame[row, end] || frame[row, end].text.isEmpty { end += 1 }
            runs.append(start..<end)
            column = end
        }
        return runs
    }

    /// Draws cells of a row as stretches of one style, each placed at its own column so that
    /// a terminal that measures a character differently cannot shift the rest of the row.
    private func drawCells(_ row: Int, _ columns: Range<Int>, of frame: Frame) {
        var column = columns.lowerBound
        var text: [wchar_t] = []
        while column < columns.upperBound {
            let style = frame[row, column].style
            text.removeAll(keepingCapacity: true)
            var end = column
            while end < columns.upperBound, frame[row, end].style == style {
                for scalar in frame[row, end].text.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
                end += 1
            }
            let look = palette.look(style)
            wattr_set(window, look.attributes, look.pair, nil)
            wmove(window, Int32(row), Int32(column))
            // The last cell of the screen cannot be written without scrolling; ncurses writes
            // it and reports an error, which is harmless here.
            _ = waddnwstr(window, text, Int32(text.count))
            column = end
        }
        wattr_set(window, kiosk_a_normal(), 0, nil)
    }

    // MARK: - Input

    /// Waits up to `milliseconds` for input and returns all that has arrived. Never spins:
    /// end of input, a hangup and the ending signals all come back as `.ended`. The wait also
    /// ends when one of `others` (a group tour's sockets) is readable; the caller reads them.
    public func read(waitingUpTo milliseconds: Int64?, alsoWakingOn others: [Int32] = []) -> [FrontInput] {
        if let signal = SignalTrap.caught { return [.ended(.signal(signal))] }
        var inputs = drainKeys()
        if !inputs.isEmpty { return inputs }
        let outcome = Waiting.wait(on: STDIN_FILENO, alsoOn: others, milliseconds: milliseconds)
        if let signal = SignalTrap.caught { return [.ended(.signal(signal))] }
        // A resize interrupts poll(); ncurses then has KEY_RESIZE waiting.
        guard outcome.events != 0 || outcome.interrupted else { return [] }
        inputs = drainKeys()
        if case .ended = inputs.last { return inputs }
        let hungUp = outcome.events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
        // Readable yet nothing to read is not an end by itself: ncurses may have taken the
        // first byte of a character whose next byte is still on its way. Only an input that
        // stays readable and empty, wake after wake, is a closed one.
        let readableButEmpty = outcome.events & Int16(POLLIN) != 0 && inputs.isEmpty && kiosk_bytes_waiting(STDIN_FILENO) <= 0
        emptyWakes = readableButEmpty ? emptyWakes + 1 : 0
        if hungUp || emptyWakes >= Self.emptyWakesAtTheEnd { inputs.append(.ended(.endOfInput)) }
        return inputs
    }

    /// Every key ncurses can give without waiting, at most a screenful of typing at a time.
    private func drainKeys() -> [FrontInput] {
        var inputs: [FrontInput] = []
        while inputs.count < 256, let input = nextKey() {
            inputs.append(input)
            if case .ended = input { break }
        }
        return inputs
    }

    private func nextKey() -> FrontInput? {
        var value: wint_t = 0
        errno = 0
        switch wget_wch(window, &value) {
        case KEY_CODE_YES:
            if Int32(value) == KEY_RESIZE { return .event(.resize(size)) }
            return KeyDecoder.key(code: Int32(value)).map { .event(.key($0)) }
        case OK:
            return .event(.key(value == 27 ? escapeOrSequence() : KeyDecoder.key(character: UInt32(value))))
        default:
            return errno == EIO ? .ended(.endOfInput) : nil
        }
    }

    /// A lone Esc is "back". Esc followed at once by more is a sequence ncurses did not know
    /// (a function key, a paste, Alt with a key): it is read whole and ignored, so none of
    /// its characters is taken for typing.
    private func escapeOrSequence() -> Key {
        var value: wint_t = 0
        guard wget_wch(window, &value) == OK else { return .escape }
        guard value == 91 || value == 79 else { return .unknown }  // "[" or "O": CSI or SS3
        for _ in 0..<32 {
            guard wget_wch(window, &value) == OK else { break }
            if (0x40...0x7E).contains(value) { break }
        }
        return .unknown
    }
}
