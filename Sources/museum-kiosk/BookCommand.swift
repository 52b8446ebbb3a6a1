import ArgumentParser
import Glibc
import KioskBook
import KioskCore
import KioskRuntime
import KioskStaff
import KioskTerminal
import KioskView

/// `museum-kiosk book`: the staff's side of the book of remembrance. With no subcommand, the
/// desk, a screen for reading new entries and deciding about each (over SSH, as a member of
/// staff); the subcommands do the same from scripts, export the book for the archive, and
/// apply the retention rule.
struct BookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Read, approve, hide, delete and export the entries of the book of remembrance.",
        discussion: """
            Nothing a visitor writes is shown to anyone until a member of staff approves it. Every \
            decision is kept with who made it and when. The book is the stand's (\(BookOptions.standFolder)) \
            unless --data or --database names another.
            """,
        subcommands: [Desk.self, List.self, Approve.self, Hide.self, Delete.self, Export.self, Retain.self, Check.self],
        defaultSubcommand: Desk.self
    )

    /// Who decides: the member of staff logged in (through sudo, the one who ran it).
    static var staffMember: String {
        let environment = Environment.all
        if let name = environment["SUDO_USER"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }

    /// The book the options name, opened, or the command ends with why not.
    static func open(_ options: BookOptions) throws -> Book {
        let location = options.staffLocation(environment: Environment.all)
        do {
            return try location.open()
        } catch {
            printToStandardError("museum-kiosk: \(error)")
            throw ExitCode(1)
        }
    }

    /// A time in seconds since 1970 as the stand's clock shows it: 2026-12-04 14:02.
    static func localTime(_ seconds: Int64) -> String { WallTime(unixSeconds: seconds).local.description }

    /// Runs one of the book's operations; a database error ends the command with its words.
    static func attempt<Result>(_ body: () throws(BookError) -> Result) throws -> Result {
        do {
            return try body()
        } catch {
            printToStandardError("museum-kiosk: \(error)")
            throw ExitCode(1)
        }
    }
}

extension BookCommand {
    /// The desk: a screen over the book, for staff.
    struct Desk: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "desk", abstract: "Read and decide on entries on a screen (the default).")

        @OptionGroup var book: BookOptions

        func run() throws {
            let opened = try BookCommand.open(book)
            SignalTrap.install()
            let screen: TerminalScreen
            do {
                screen = try TerminalScreen(theme: Theme.choose(nil, environment: Environment.all))
            } catch {
                printToStandardError("museum-kiosk: \(error)")
                throw ExitCode(1)
            }
            defer { screen.close() }
            var desk = BookDesk()
            var pending = desk.opening
            let who = BookCommand.staffMember
            while true {
                while !pending.isEmpty {
                    let effect = pending.removeFirst()
                    let event: BookDesk.Event
                    do throws(BookError) {
                        switch effect {
                        case .quit: return
                        case .list(let shelf, let search):
                            event = .listed(try opened.entries(status: shelf, matching: search, limit: 1000))
                        case .readDecisions(let entry):
                            event = .decisionsRead(try opened.decisions(entry: entry))
                        case .decide(let action, let entry, let reason):
                            let time = SystemClock().wall.unixSeconds
                            event = try opened.decide(action, entry: entry, reason: reason, by: who, at: time) ? .decided(action) : .failed("the entry is gone")
                        }
                    } catch {
                        event = .failed(error.message)
                    }
                    pending += desk.reduce(event)
                }
                screen.draw(BookDeskView().render(desk, size: screen.size, time: BookCommand.localTime))
                for input in screen.read(waitingUpTo: nil) {
                    switch input {
                    case .event(.key(let key)): pending += desk.reduce(.key(key))
                    case .event: break
                    case .ended: return
                    }
                }
            }
        }
    }

    /// The entries, as text, for a script or a quick look.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List entries, newest first.")

        @OptionGroup var book: BookOptions

        @Option(help: ArgumentHelp("Only these: new, approved, hidden, deleted, or all.", valueName: "STATUS"))
        var status: String = "new"

        @Option(help: ArgumentHelp("Only those whose words, name or place hold this.", valueName: "TEXT"))
        var search: String = ""

        func validate() throws {
            if status != "all", BookRecord.Status(rawValue: status) == nil {
                throw ValidationError("--status is new, approved, hidden, deleted or all")
            }
        }

        func run() throws {
            let opened = try BookCommand.open(book)
            let records = try BookCommand.attempt { () throws(BookError) in
                try opened.entries(status: BookRecord.Status(rawValue: status), matching: search, limit: Int(Int32.max))
            }
            for record in records {
                let clean = { (text: String) in TerminalSafety.flattened(text, replacingWith: " ") }
                print("\(record.id)  \(BookCommand.localTime(record.writtenAt))  \(record.language)  \(record.status.rawValue)  \(clean(record.stand))")
                print("    " + clean(record.words))
                let who = [record.name, record.place].map(clean).filter { !$0.isEmpty }.joined(separator: ", ")
                if !who.isEmpty { print("    — " + who) }
            }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "approve", abstract: "Show entries in the Hall of Remembrance.")
        @OptionGroup var book: BookOptions
        @Argument(help: ArgumentHelp("The entries' ids (museum-kiosk book list shows them).", valueName: "ID"))
        var ids: [String]

        func run() throws { try BookCommand.decide(.approve, ids, reason: "", book) }
    }

    struct Hide: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hide", abstract: "Keep entries from visitors; their words stay for the archive.")
        @OptionGroup var book: BookOptions
        @Option(help: "Why, kept with the decision.") var reason: String
        @Argument(help: ArgumentHelp("The entries' ids.", valueName: "ID")) var ids: [String]

        func run() throws { try BookCommand.decide(.hide, ids, reason: reason, book) }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Remove entries' words; the decision and its reason are kept.")
        @OptionGroup var book: BookOptions
        @Option(help: "Why, kept with the decision.") var reason: String
        @Argument(help: ArgumentHelp("The entries' ids.", valueName: "ID")) var ids: [String]

        func run() throws { try BookCommand.decide(.delete, ids, reason: reason, book) }
    }

    static func decide(_ action: BookDecision.Action, _ ids: [String], reason: String, _ options: BookOptions) throws {
        if action != .approve, reason.trimmingBlanks().isEmpty { throw ValidationError("--reason says why; it is kept with the decision") }
        let opened = try open(options)
        let who = staffMember
        var missing: [String] = []
        for id in ids {
            let done = try attempt { () throws(BookError) in
                try opened.decide(action, entry: id, reason: reason.trimmingBlanks(), by: who, at: SystemClock().wall.unixSeconds)
            }
            if !done { missing.append(id) }
        }
        guard missing.isEmpty else {
            printToStandardError("museum-kiosk: no entry \(missing.joined(separator: ", "))")
            throw ExitCode(1)
        }
    }
}

extension BookCommand {
    /// The whole book, for the museum's archive.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Write every entry and every decision, for the archive.")

        @OptionGroup var book: BookOptions

        @Option(help: ArgumentHelp("csv (a spreadsheet) or jsonl (JSON Lines).", valueName: "FORMAT"))
        var format: String = "csv"

        @Option(help: ArgumentHelp("Write to this file (whole or not at all) instead of standard output.", valueName: "FILE"))
        var output: String?

        func validate() throws {
            if BookArchive.Format(rawValue: format) == nil { throw ValidationError("--format is csv or jsonl") }
        }

        func run() throws {
            let opened = try BookCommand.open(book)
            let (records, decisions) = try BookCommand.attempt { () throws(BookError) in
                (try opened.entries(status: nil, limit: Int(Int32.max)).reversed(), try opened.decisions())
            }
            let text = BookArchive.text(Array(records), decisions: decisions, format: BookArchive.Format(rawValue: format)!)
            try deliver(text, to: output, mode: 0o600, what: "the export")
        }
    }

    /// The retention rule of kiosk.conf, applied (daily, by the timer the package installs).
    struct Retain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retain",
            abstract: "Hide or delete the entries older than kiosk.conf's book-keep-months.",
            discussion: "Each entry so treated gets a decision by 'retention'. Without the setting, nothing is done.")

        @OptionGroup var book: BookOptions

        @Option(help: ArgumentHelp("The configuration file with the rule.", valueName: "FILE"))
        var config: String = KioskConfiguration.defaultPath

        func run() throws {
            let configuration: KioskConfiguration
            do {
                configuration = try KioskConfiguration.load(path: config)
            } catch {
                printToStandardError("\(error)")
                throw ExitCode(1)
            }
            guard let rule = configuration.bookRetention else {
                print("\(config) sets no book-keep-months: every entry is kept")
                return
            }
            let now = SystemClock().wall.unixSeconds
            let cutoff = rule.cutoff(before: now)
            let opened = try BookCommand.open(book)
            let count = try BookCommand.attempt { () throws(BookError) in
                try opened.retain(before: cutoff, action: rule.deletes ? .retainDelete : .retainHide, by: "retention", at: now)
            }
            print("\(count) \(count == 1 ? "entry" : "entries") written before \(BookCommand.localTime(cutoff)) \(rule.deletes ? "deleted" : "hidden")")
        }
    }
}

extension BookCommand {
    /// Whether the book's database is whole, and what it holds.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Check that the book's database is whole, and count its entries.")

        @OptionGroup var book: BookOptions

        func run() throws {
            let opened = try BookCommand.open(book)
            let (problems, counts) = try BookCommand.attempt { () throws(BookError) in (try opened.check(), try opened.counts()) }
            print("integrity: " + problems.joined(separator: "; "))
            print(BookRecord.Status.allCases.map { "\($0.rawValue): \(counts[$0] ?? 0)" }.joined(separator: ", "))
            if problems != ["ok"] { throw ExitCode(1) }
        }
    }
}
