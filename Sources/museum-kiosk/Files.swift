import ArgumentParser
import Glibc
import KioskRuntime

/// Whether anything is at `path` (a file, a folder, a link to either).
func pathExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
}

/// Writes a command's `text` to the file `output` (whole or not at all, with `mode`), or to
/// standard output; a failure ends the command, saying why.
func deliver(_ text: String, to output: String?, mode: mode_t, what: String) throws {
    if let output {
        guard AtomicFile.write(text, to: output, mode: mode) else {
            printToStandardError("museum-kiosk: cannot write \(output): \(String(cString: strerror(errno)))")
            throw ExitCode(1)
        }
    } else if !writeAll(STDOUT_FILENO, text) {
        printToStandardError("museum-kiosk: cannot write \(what): \(String(cString: strerror(errno)))")
        throw ExitCode(1)
    }
}
