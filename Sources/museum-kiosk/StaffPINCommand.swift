import ArgumentParser
import KioskRuntime
import Glibc
import KioskStaff

/// `museum-kiosk staff-pin`: asks for a PIN (twice, without echo, on a terminal; one line on
/// standard input otherwise) and prints the line for the configuration file. The PIN itself is
/// never written anywhere.
struct StaffPINCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff-pin",
        abstract: "Make the configuration line for the staff PIN (its salted hash, never the PIN).",
        discussion: """
            Prints `staff-pin = <hash>` for \(KioskConfiguration.defaultPath). A PIN is \
            \(StaffPINHash.lengths.lowerBound) to \(StaffPINHash.lengths.upperBound) digits.
            """
    )

    func run() throws {
        let pin: String
        if isatty(STDIN_FILENO) == 1 {
            pin = try readHidden(prompt: "New staff PIN (\(StaffPINHash.lengths.lowerBound) to \(StaffPINHash.lengths.upperBound) digits): ")
            guard StaffPINHash.isValidPIN(pin) else { throw ValidationError("\(StaffPINError.notAPIN)") }
            guard try readHidden(prompt: "The same PIN again: ") == pin else {
                throw ValidationError("the two PINs differ; nothing was made")
            }
        } else {
            pin = (readLine() ?? "").trimmingBlanks()
        }
        guard StaffPINHash.isValidPIN(pin) else { throw ValidationError("\(StaffPINError.notAPIN)") }
        if let weakness = StaffPINHash.guessability(of: pin) {
            printToStandardError("museum-kiosk: that PIN is \(weakness), among the first a visitor would try; choose 6 or more digits that are none of these")
            throw ExitCode(1)
        }
        print("staff-pin = \(try StaffPINHash.make(pin: pin))")
    }

    /// A line from the terminal with echo off, restored on every way out of here.
    private func readHidden(prompt: String) throws -> String {
        var standardError = StandardError()
        standardError.write(prompt)
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw ValidationError("cannot read the terminal's settings") }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            standardError.write("\n")
        }
        return (readLine() ?? "").trimmingBlanks()
    }
}
