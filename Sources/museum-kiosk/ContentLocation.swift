import Glibc

/// Finds the bundled content pack when none is named: where MUSEUM_KIOSK_CONTENT says, in
/// the current directory (a clone, `swift run`), else going up from the binary, in each
/// directory (`.build/debug/museum-kiosk` inside a clone) and its `share/museum-kiosk` (an
/// installed binary).
enum ContentLocation {
    static let marker = "Narratives/tour.yaml"

    static func resolve(_ given: String?) -> String {
        if let given { return given }
        if let fromEnvironment = Environment.value("MUSEUM_KIOSK_CONTENT"), !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        if pathExists(marker) { return "." }
        return bundled() ?? "."
    }

    /// The pack installed with the binary (or the clone it was built in): its message
    /// catalogues are the kiosk's own words, which any pack's may override.
    static func bundled() -> String? {
        var directory = parent(of: executable())
        while directory != "/" {
            for candidate in [directory, directory + "/share/museum-kiosk"] where pathExists(candidate + "/" + marker) {
                return candidate
            }
            directory = parent(of: directory)
        }
        return nil
    }

    /// The kiosk's console font, whose characters `validate` checks a pack against: in a
    /// clone, `deploy/console/`; installed, `share/consolefonts/` beside `share/museum-kiosk/`
    /// (`/usr/share/consolefonts/museum-kiosk-16.psf`, as the package puts it). The three
    /// sizes show the same characters; nil when there is none.
    static func consoleFont() -> String? {
        guard let pack = bundled() else { return nil }
        return [pack + "/deploy/console/" + fontFile, parent(of: pack) + "/consolefonts/" + fontFile].first(where: pathExists)
    }

    static let fontFile = "museum-kiosk-16.psf"

    /// The running binary's absolute path: /proc/self/exe, else how it was called.
    private static func executable() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 { return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        let called = CommandLine.arguments[0]
        if called.hasPrefix("/") { return called }
        guard let directory = getcwd(nil, 0) else { return called }
        defer { free(directory) }
        return String(cString: directory) + "/" + called
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }
}
