import ArgumentParser
import Glibc
import KioskCore
import KioskExport
import KioskRuntime

/// `museum-kiosk export --html DIR`: the pack as plain linked HTML pages, a web or lynx
/// edition of the tour.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the content pack as plain linked HTML pages, one per screen, in every language.",
        discussion: "Open DIR/index.html in a browser, lynx or w3m. Pages already in DIR are overwritten; nothing else is removed."
    )

    @OptionGroup var content: ContentOption

    @Option(name: .long, help: ArgumentHelp("The directory to write the pages into (created if missing).", valueName: "DIR"))
    var html: String

    func run() throws {
        let pack = try loadPack(content.content)
        let pages = HTMLExport(pack: pack).pages()
        do {
            for page in pages {
                try ExportFiles.write(page.html, to: page.path, under: html)
            }
        } catch let error as ExportFiles.Failure {
            printToStandardError("museum-kiosk: \(error.description)")
            throw ExitCode(1)
        }
        print("\(pages.count) pages written to \(html); open \(html)/index.html")
    }
}

/// Writing the export's files, without following a symbolic link inside the export: a link
/// left there must not make the export write somewhere else.
enum ExportFiles {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to relative: String, under root: String) throws {
        var directory = root
        try makeDirectory(directory, followingLink: true)
        let parts = relative.split(separator: "/")
        for part in parts.dropLast() {
            directory += "/" + part
            try makeDirectory(directory, followingLink: false)
        }
        let path = directory + "/" + parts.last!
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot write", path) }
        defer { close(descriptor) }
        guard writeAll(descriptor, text) else { throw failure("cannot write", path) }
    }

    /// The export's own directory may be a link the operator made; the ones inside it may not.
    private static func makeDirectory(_ path: String, followingLink: Bool) throws {
        var info = stat()
        let found = followingLink ? stat(path, &info) : lstat(path, &info)
        if found == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw Failure(description: "cannot write into \(path): it is not a directory")
            }
            return
        }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw failure("cannot create the directory", path) }
    }

    private static func failure(_ what: String, _ path: String) -> Failure {
        Failure(description: "\(what) \(path): \(String(cString: strerror(errno)))")
    }
}
