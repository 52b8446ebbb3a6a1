import Glibc

/// Writing a file whole or not at all: a new file beside it, then renamed over it, so a full
/// disk, a crash or a power cut never leaves half a file for its reader.
public enum AtomicFile {
    /// Writes `text` to `path`; false, with errno saying why, when it could not. `durable`
    /// also waits for the disk, so the new file outlives a power cut (a catalogue, the staff
    /// exit's lock); a file rewritten every minute (the stand's health) need not.
    public static func write(_ text: String, to path: String, mode: mode_t = 0o644, durable: Bool = true) -> Bool {
        let temporary = path + ".new"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else { return false }
        let written = fchmod(descriptor, mode) == 0 && writeAll(descriptor, text) && (!durable || fsync(descriptor) == 0)
        let error = errno
        guard close(descriptor) == 0, written, rename(temporary, path) == 0 else {
            let failure = written ? errno : error
            unlink(temporary)
            errno = failure
            return false
        }
        guard durable else { return true }
        // The rename itself is kept by syncing the folder that holds it.
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        let directory = open(folder.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
        return true
    }
}
