import CNCursesW
import KioskCore

/// Turns what ncurses reads into keys. Separate from the screen so every mapping is plain.
enum KeyDecoder {
    /// A function key ncurses recognised (wget_wch returned KEY_CODE_YES).
    static func key(code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .up
        case KEY_RESIZE: return nil
        default: return .unknown
        }
    }

    /// A character typed. Escape (27) is decided by the caller, which looks for a sequence
    /// behind it.
    static func key(character value: UInt32) -> Key {
        switch value {
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 9: return .tab
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 0...31, 128...159: return .unknown
        default:
            guard let scalar = Unicode.Scalar(value), TerminalSafety.problem(with: scalar) == nil else { return .unknown }
            return .character(Character(scalar))
        }
    }
}
