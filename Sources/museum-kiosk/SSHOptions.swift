import ArgumentParser
import KioskRuntime
import KioskCore
import KioskGroupLink
import Logging

/// The options for sessions over SSH and for group tours.
struct SSHOptions: ParsableArguments {
    @Option(name: .customLong("idle-exit"), help: ArgumentHelp(
        "End the session, with a polite last screen, after this many seconds without a key.", valueName: "SECONDS"))
    var idleExit: Int?

    @Option(name: .customLong("max-session"), help: ArgumentHelp(
        "End the session, with a polite last screen, after this many seconds in all.", valueName: "SECONDS"))
    var maxSession: Int?

    @Flag(name: .long, help: "Lead a group tour: the screen shows the code participants join with.")
    var lead = false

    @Option(name: .long, help: ArgumentHelp("Join the group tour with this code.", valueName: "CODE"))
    var join: String?

    @Option(name: .long, help: ArgumentHelp(
        "Lead the group with this code, fixed in advance to be announced (--lead); run again, it takes back this account's group left a moment ago.",
        valueName: "CODE"))
    var code: String?

    @Option(name: .customLong("code-window"), help: ArgumentHelp(
        "The local time the --code may open its group, such as 14:45-16:30 for a tour booked at 15:00.", valueName: "HH:MM-HH:MM"))
    var codeWindow: String?

    @Option(name: .customLong("group-dir"), help: ArgumentHelp(
        "The runtime directory the kiosk's accounts share for group tours (default: \(GroupDirectory.standard)).",
        valueName: "DIR"))
    var groupDirectory: String?

    @Option(name: .long, help: ArgumentHelp("Write the log to this file (default: the system log).", valueName: "FILE"))
    var log: String?

    @Option(name: .customLong("group-size"), help: ArgumentHelp(
        "The most participants a group led here takes (--lead; 1 to \(GroupLink.largestGroup), default \(GroupLink.largestGroup)).",
        valueName: "N"))
    var groupSize: Int = GroupLink.largestGroup

    /// The longest --idle-exit or --max-session: a week.
    static let longestLimit = 604_800

    func validate() throws {
        // A week at most: more is no limit at all, and a number near Int.max overflowed when
        // the session counted it in milliseconds (a crash at start).
        for (name, value) in [("--idle-exit", idleExit), ("--max-session", maxSession)] {
            if let value, !(1...Self.longestLimit).contains(value) {
                throw ValidationError("\(name) takes a number of seconds from 1 to \(Self.longestLimit) (a week)")
            }
        }
        if !(1...GroupLink.largestGroup).contains(groupSize) {
            throw ValidationError("--group-size takes a number of participants from 1 to \(GroupLink.largestGroup)")
        }
        if lead, join != nil { throw ValidationError("--lead and --join: a visitor either leads a group or joins one") }
        if let join, joinCode(join) == nil {
            throw ValidationError("--join takes the group's six-digit code, such as 482913 or \"482 913\"")
        }
        if let code {
            guard lead else { throw ValidationError("--code fixes the code of a group this session leads: use it with --lead") }
            guard joinCode(code) != nil else { throw ValidationError("--code takes six digits, such as 150301 or \"150 301\"") }
        }
        if let codeWindow {
            guard code != nil else { throw ValidationError("--code-window says when a --code may open its group: use it with --code") }
            guard CodeWindow(codeWindow) != nil else {
                throw ValidationError("--code-window takes a time of day from and to, such as 14:45-16:30")
            }
        }
    }

    /// A code as typed on the command line, with the space or hyphen the screen shows.
    func joinCode(_ typed: String) -> String? {
        let code = typed.filter { $0 != " " && $0 != "-" }
        return GroupVisit.isCode(code) ? code : nil
    }

    /// The group link when the runtime directory is there. Leading or joining needs it: then
    /// its absence is an error that says what to set up.
    func groupLink(tour: Tour, environment: [String: String]) throws -> GroupLink? {
        let path = groupDirectory ?? environment["MUSEUM_KIOSK_GROUP_DIR"] ?? GroupDirectory.standard
        let directory = GroupDirectory(path: path)
        // A guide makes groups there; a participant only enters it to reach one.
        guard lead ? directory.canLead : directory.canJoin else {
            if lead || join != nil {
                throw ValidationError("group tours need the directory \(path), \(lead ? "writable" : "open") to this account (see docs/operations.md), or --group-dir DIR")
            }
            return nil
        }
        return GroupLink(directory: directory, tour: tour, logger: Logger(label: "museum-kiosk.group"), groupSize: groupSize)
    }

    /// The code fixed for the group this session leads: `--code`, or, over SSH, the code a
    /// guide asked for (`ssh -t guide@host 150301`: sshd's ForceCommand runs the kiosk
    /// whatever was asked, and says what was in SSH_ORIGINAL_COMMAND). Only for a guide.
    func fixedCode(environment: [String: String]) -> String? {
        guard lead else { return nil }
        return code.flatMap(joinCode) ?? environment["SSH_ORIGINAL_COMMAND"].flatMap(joinCode)
    }

    /// A fixed code outside its window opens nothing: the guide is told when it opens.
    func checkCodeWindow(at time: LocalTime) throws {
        guard let code = code.flatMap(joinCode), let window = codeWindow.flatMap(CodeWindow.init), !window.contains(time) else { return }
        let minute = time.minute < 10 ? "0\(time.minute)" : "\(time.minute)"
        throw ValidationError("the group \(GroupVisit.display(code)) opens at \(window) only; it is \(time.hour):\(minute) here")
    }

    /// How the session starts: its language, limits and group. A guide is offered the groups
    /// whose guide dropped a moment ago before a new one is opened.
    func sessionStart(language: String?, group: GroupLink?, environment: [String: String]) -> Tour.SessionStart {
        var start = Tour.SessionStart(language: language, idleExit: idleExit, maxSession: maxSession, groupsAvailable: group != nil)
        if let code = fixedCode(environment: environment) {
            start.group = .leadWithCode(code)
        } else if lead {
            start.group = .lead(orphans: group?.directory.orphans() ?? [])
        } else if let code = join.flatMap(joinCode) {
            start.group = .join(code)
        }
        return start
    }
}
