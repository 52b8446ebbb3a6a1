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
        // The screen, not ncurses, answers a resize, so that a size beyond the maximum never
        // reaches ncurses (issue 11: 65535 × 65535 crashed it, 8000 × 8000 took 2.7 GB).
        SignalTrap.watchResizes()
        let measured = Self.measuredSize()
        // ncurses takes LINES and COLUMNS over the terminal's own size: so it opens at most
        // at the maximum. The environment is put back as it was at once.
        let saved: [(String, String?)] = ["LINES", "COLUMNS"].map { (name: String) in (name, getenv(name).map { String(cString: $0) }) }
        if let measured, measured.isAboveMaximum {
            setenv("LINES", String(measured.clamped.rows), 1)
            setenv("COLUMNS", String(measured.clamped.columns), 1)
        }
        let opened = newterm(nil, kiosk_stdout(), kiosk_stdin())
        for (name, value) in saved {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
        guard opened != nil, let window = kiosk_stdscr() else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw TerminalError(description: "cannot open the terminal: TERM=\(term) is not a terminal this machine knows")
        }
        self.window = window
        terminalSize = measured
        if lockdown { raw() } else { cbreak() }
        noecho()
        nonl()
        keypad(window, true)
        // Eight bits of every byte: UTF-8's lead and continuation bytes are above 127.
        meta(window, true)
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

    /// The terminal's size as it says it is, which may be beyond the maximum (then ncurses
    /// and the frames are the maximum's size, and the view asks for a smaller window).
    public var size: TerminalSize {
        terminalSize ?? TerminalSize(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    /// The size the terminal gave last, when it gives one.
    private var terminalSize: TerminalSize?

    /// The terminal's size from the kernel (what the visitor's terminal or sshd set).
    static func measuredSize() -> TerminalSize? {
        for descriptor in [STDOUT_FILENO, STDIN_FILENO] {
            var size = winsize()
            if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
                return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
            }
        }
        return nil
    }

    /// Takes a new size: ncurses is resized to it, bounded by the maximum, and the next frame
    /// is drawn whole.
    private func resized() -> FrontInput {
        if let measured = Self.measuredSize() {
            terminalSize = measured
            let bounded = measured.clamped
            resizeterm(Int32(bounded.rows), Int32(bounded.columns))
        }
        // The terminal may have moved or cut what it showed: the next frame is sent whole.
        clearok(window, true)
        drawn = nil
        return .event(.resize(size))
    }

    // MARK: - Drawing

    /// The terminal's bell, once (ncurses' `beep`: the audible bell, or a flash where the
    /// terminal has none).
    public func ringBell() {
        beep()
    }

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
            // ncurses' waddnwstr reads the character after the n it is given (it tests for the
            // terminating 0 before it counts): without one, a read past the array on every
            // draw (valgrind). So the text ends with a 0, not counted.
            let count = Int32(text.count)
            text.append(0)
            // The last cell of the screen cannot be written without scrolling; ncurses writes
            // it and reports an error, which is harmless here.
            _ = waddnwstr(window, text, count)
            column = end
        }
        wattr_set(window, kiosk_a_normal(), 0, nil)
    }

    // MARK: - Input

    /// Waits up to `milliseconds` for input and returns all that has arrived. Never spins:
    /// end of input, a hangup and the ending signals all come back as `.ended`. The wait also
    /// ends when one of `others` (a group tour's sockets) is readable; the caller reads them.
    ///
    /// Only a real end ends a session: EOF (an input that stays readable with nothing in it),
    /// EIO (a terminal hung up), a hangup or an ending signal. A byte that is not UTF-8 is
    /// read and ignored, and a character whose bytes come apart (a slow serial line, a paste
    /// split across SSH packets) is assembled across reads.
    public func read(waitingUpTo milliseconds: Int64?, alsoWakingOn others: [Int32] = []) -> [FrontInput] {
        if let signal = SignalTrap.caught { return [.ended(.signal(signal))] }
        if SignalTrap.takeResize() { return [resized()] }
        var (inputs, _) = drainKeys()
        if !inputs.isEmpty { return inputs }
        let outcome = Waiting.wait(on: STDIN_FILENO, alsoOn: others, milliseconds: milliseconds)
        if let signal = SignalTrap.caught { return [.ended(.signal(signal))] }
        // A resize interrupts poll().
        if SignalTrap.takeResize() { return [resized()] + drainKeys().inputs }
        guard outcome.events != 0 || outcome.interrupted else {
            // Not readable: an input that has ended is always readable, so this one has not.
            emptyWakes = 0
            return []
        }
        let consumed: Bool
        (inputs, consumed) = drainKeys()
        if case .ended = inputs.last { return inputs }
        let hungUp = outcome.events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
        // Readable yet not a byte to read, wake after wake, is an input that has ended (EOF).
        // A byte read counts as something, even one that makes no key.
        let readableButEmpty = outcome.events & Int16(POLLIN) != 0 && !consumed && kiosk_bytes_waiting(STDIN_FILENO) <= 0
        emptyWakes = readableButEmpty ? emptyWakes + 1 : 0
        if hungUp || emptyWakes >= Self.emptyWakesAtTheEnd { inputs.append(.ended(.endOfInput)) }
        return inputs
    }

    /// Every key ncurses can give without waiting, at most a screenful of typing at a time,
    /// and whether any byte was read at all.
    private func drainKeys() -> (inputs: [FrontInput], consumed: Bool) {
        var inputs: [FrontInput] = []
        var consumed = false
        for _ in 0..<1024 where inputs.count < 256 {
            switch nextKey() {
            case .nothing:
                return (inputs, consumed)
            case .consumed:
                consumed = true
            case .input(let input):
                consumed = true
                inputs.append(input)
                if case .ended = input { return (inputs, consumed) }
            }
        }
        return (inputs, consumed)
    }

    private enum Read {
        /// Nothing was there to read.
        case nothing
        /// A byte was read that makes no key (yet): part of a character, or not UTF-8.
        case consumed
        case input(FrontInput)
    }

    /// The bytes of a character read so far, and how many it has in all.
    private var utf8 = UTF8Assembler()

    /// One byte or function key from ncurses (wgetch, not wget_wch: wget_wch drops a byte it
    /// cannot decode, and a character whose second byte is late, and reports neither).
    private func nextKey() -> Read {
        errno = 0
        let value = wgetch(window)
        if value == ERR { return errno == EIO ? .input(.ended(.endOfInput)) : .nothing }
        if value >= KEY_MIN {
            utf8.reset()
            if value == KEY_RESIZE { return .input(.event(.resize(size))) }
            return KeyDecoder.key(code: value).map { .input(.event(.key($0))) } ?? .consumed
        }
        guard let scalar = utf8.feed(UInt8(truncatingIfNeeded: value)) else { return .consumed }
        if scalar == 27 { return .input(.event(.key(escapeOrSequence()))) }
        return .input(.event(.key(KeyDecoder.key(character: scalar))))
    }

    /// A lone Esc is "back". Esc followed at once by more is a sequence ncurses did not know
    /// (a function key, a paste, Alt with a key): it is read whole and ignored, so none of
    /// its characters is taken for typing.
    private func escapeOrSequence() -> Key {
        let next = wgetch(window)
        guard next != ERR else { return .escape }
        guard next == 91 || next == 79 else { return .unknown }  // "[" or "O": CSI or SS3
        for _ in 0..<32 {
            let value = wgetch(window)
            guard value != ERR else { break }
            if (0x40...0x7E).contains(value) { break }
        }
        return .unknown
    }
}

/// Bytes from the terminal into characters, one byte at a time: a character is given once its
/// last byte has come, however long after its first; a byte that cannot start or continue a
/// character (0xFF, a stray continuation, Latin-1) is dropped, and a character cut short is
/// dropped when the next one starts.
struct UTF8Assembler {
    private var bytes: [UInt8] = []
    private var length = 0

    mutating func reset() {
        bytes = []
        length = 0
    }

    /// The character `byte` completes, if it completes one.
    mutating func feed(_ byte: UInt8) -> UInt32? {
        if !bytes.isEmpty {
            if (0x80...0xBF).contains(byte) {
                bytes.append(byte)
                guard bytes.count == length else { return nil }
                defer { reset() }
                // Overlong forms and surrogates are refused by the decoder.
                var decoder = UTF8()
                var iterator = bytes.makeIterator()
                if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar.value }
                return nil
            }
            // Cut short: what came so far is dropped, and this byte starts afresh.
            reset()
        }
        switch byte {
        case 0x00...0x7F: return UInt32(byte)
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        bytes = [byte]
        return nil
    }
}
