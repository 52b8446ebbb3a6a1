import ArgumentParser

@main
struct MuseumKiosk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "museum-kiosk",
        abstract: "A terminal exhibit kiosk that walks a visitor through a memorial museum's halls.",
        version: "0.1.0",
        subcommands: [Run.self, Validate.self, Export.self, StaffPINCommand.self, MessagesCommand.self, InstallCommand.self,
                      NoticeCommand.self, BookCommand.self, ReportCommand.self],
        defaultSubcommand: Run.self
    )
}

/// Where the content pack is: shared by every subcommand.
struct ContentOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The content pack: a directory with Narratives/ and Exhibits/ (default: the bundled pack).",
        valueName: "DIR"))
    var content: String?
}
