import ArgumentParser
import Glibc
import KioskCore
import KioskRuntime

/// `museum-kiosk messages template LANG`: a catalogue of the kiosk's words for a translator.
struct MessagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "messages",
        abstract: "Work with the catalogues of the kiosk's words (Messages/<language>.po).",
        subcommands: [Template.self]
    )

    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a catalogue for a language: every message, its English and where it shows.",
            discussion: """
                Prints the catalogue, or with --write saves it as Messages/LANG.po in the pack, keeping \
                the translations a catalogue there already has. Fill in each msgstr (Poedit and Weblate \
                read the format), then check the pack with museum-kiosk validate.
                """
        )

        @Argument(help: ArgumentHelp("The language's code, as tour.yaml lists it (for example: fr).", valueName: "LANG"))
        var language: String

        @OptionGroup var content: ContentOption

        @Flag(help: "Save it in the pack as Messages/LANG.po instead of printing it.")
        var write = false

        func validate() throws {
            guard (2...3).contains(language.count), language.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
                throw ValidationError("a language is two or three lowercase letters, such as fr or tr")
            }
        }

        func run() throws {
            let pack = ContentLocation.resolve(content.content)
            // The English of every message: the kiosk's own catalogue, else the pack's.
            let sources = [ContentLocation.bundled(), pack].compactMap { $0 }
            guard let reference = sources.lazy.compactMap({ PackLoader.catalogue(in: $0, language: "en").catalogue }).first else {
                printToStandardError("museum-kiosk: no English catalogue (Messages/en.po) to take the messages from, in \(sources.joined(separator: " or "))")
                throw ExitCode(1)
            }
            let existing = PackLoader.catalogue(in: pack, language: language)
            for finding in existing.findings { printToStandardError(finding.description) }
            let text = CatalogueTemplate.make(language: language, reference: reference, existing: existing.catalogue)
            guard write else {
                print(text, terminator: "")
                return
            }
            let folder = pack + "/Messages"
            if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                printToStandardError("museum-kiosk: cannot make \(folder): \(String(cString: strerror(errno)))")
                throw ExitCode(1)
            }
            let path = folder + "/\(language).po"
            guard AtomicFile.write(text, to: path) else {
                printToStandardError("museum-kiosk: cannot write \(path): \(String(cString: strerror(errno)))")
                throw ExitCode(1)
            }
            print("\(path) written: fill in each msgstr, then run museum-kiosk validate \(pack)")
        }
    }
}
