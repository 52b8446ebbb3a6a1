import ArgumentParser
import Glibc
import KioskCore
import KioskRuntime

/// `museum-kiosk notice`: the staff's short message over every screen of the stand, within a
/// few seconds ("The lift is out of order today"); `--clear` takes it away. The kiosk reads the
/// file with `--notice` (the unit passes the standard one).
struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "Put a short notice over every screen of the stand, or clear it.",
        discussion: """
            Give the notice in each language as 'CODE: text', or once without a code for every \
            language: museum-kiosk notice "en: The lift is out of order." "az: Lift işləmir." \
            With no text, prints the notice shown now. Each at most \(StaffNotice.limit).
            """
    )

    /// Where a stand's notice is: with the installed packs, root's to write.
    static let standardPath = "/var/lib/museum-kiosk/notice"

    @Argument(help: ArgumentHelp("The notice: 'CODE: text' for each language, or one text for all.", valueName: "TEXT"))
    var texts: [String] = []

    @Option(name: .customLong("for"), help: ArgumentHelp("Take it away by itself after this many minutes.", valueName: "MINUTES"))
    var minutes: Int?

    @Flag(help: "Take the notice away.")
    var clear = false

    @Option(name: .long, help: ArgumentHelp("The notice file.", valueName: "FILE"))
    var file: String = NoticeCommand.standardPath

    func validate() throws {
        if clear, !texts.isEmpty || minutes != nil { throw ValidationError("--clear takes no notice and no --for") }
        if let minutes, !(1...10_080).contains(minutes) { throw ValidationError("--for must be from 1 minute to 10080 (a week)") }
        if minutes != nil, texts.isEmpty { throw ValidationError("--for needs the notice's text") }
    }

    func run() throws {
        do {
            try change()
        } catch let failure as Failure {
            printToStandardError("museum-kiosk: \(failure.description)")
            throw ExitCode(1)
        }
    }

    private struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private func change() throws(Failure) {
        if clear {
            guard unlink(file) == 0 || errno == ENOENT else { throw failure("cannot remove \(file)") }
            print("The notice is cleared; the stand shows none within \(Int(NoticeBoard.lookSeconds)) seconds.")
            return
        }
        if texts.isEmpty {
            guard pathExists(file) else {
                print("No notice is shown.")
                return
            }
            do {
                print(try NoticeBoard.text(at: file), terminator: "")
            } catch {
                throw Failure(description: "cannot read \(file): \(error)")
            }
            return
        }
        var lines = ["# The staff's notice over every screen: museum-kiosk notice (docs/operations.md)."]
        if let minutes {
            let until = WallTime(unixSeconds: SystemClock().wall.unixSeconds + Int64(minutes) * 60).local
            lines.append("until: \(until)")
        }
        lines += texts.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
        let text = lines.joined(separator: "\n") + "\n"
        // The kiosk's own reading, so what is refused here is what it would not show.
        let parsed: StaffNotice?
        do {
            parsed = try StaffNotice(parsing: text)
        } catch {
            // The texts are the file's last lines: say which of them.
            throw Failure(description: "notice \(error.line - lines.count + texts.count): \(error.message)")
        }
        guard parsed != nil else { throw Failure(description: "the notice has no text") }
        let folder = String(file[..<(file.lastIndex(of: "/") ?? file.startIndex)])
        if !folder.isEmpty, mkdir(folder, 0o755) != 0, errno != EEXIST { throw failure("cannot make \(folder)") }
        guard AtomicFile.write(text, to: file, mode: 0o644) else { throw failure("cannot write \(file)") }
        print("The notice is shown on the stand within \(Int(NoticeBoard.lookSeconds)) seconds\(minutes.map { ", for \($0) minutes" } ?? "; museum-kiosk notice --clear takes it away").")
    }

    private func failure(_ what: String) -> Failure {
        Failure(description: "\(what): \(String(cString: strerror(errno)))")
    }
}
