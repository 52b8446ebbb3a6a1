import Glibc

/// Whether anything is at `path` (a file, a folder, a link to either).
func pathExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
}
