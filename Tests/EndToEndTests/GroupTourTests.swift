import Foundation
import Testing

/// A group tour between separate kiosk processes, each in its own terminal, meeting in a
/// runtime directory of the test's own.
@Suite struct GroupTourTests {
    @Test func participantsFollowStepAwayRejoinDropOutAndAskForAPause() throws {
        try Tool.require("tmux")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-group-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let kiosk = "\(Built.kiosk) --group-dir \(directory) --log \(directory)/kiosk.log"

        let guide = Tmux(columns: 80, rows: 24, command: "\(kiosk) --lang en --lead")
        guide.waitFor("Your group's code")
        let code = try #require(GroupScreen.code(of: guide))
        // Three participants in three languages, two joining with --join, one from the
        // welcome screen.
        let first = Tmux(columns: 80, rows: 24, command: "\(kiosk) --lang en --join \(code)")
        let second = Tmux(columns: 80, rows: 24, command: "\(kiosk) --lang ru --join \(code)")
        let third = Tmux(columns: 80, rows: 24, command: "\(kiosk) --lang az")
        third.waitFor("Qrup turuna qoşul")
        third.send("Down")
        third.send("Enter")
        third.type(String(code.prefix(3)) + " " + String(code.dropFirst(3)))
        third.send("Enter")
        // A first name, which the guide sees; the others join without one.
        third.waitFor("Ad:")
        third.type("Leyla")
        third.send("Enter")
        first.waitFor("Before you begin")
        second.waitFor("Прежде чем начать")
        third.waitFor("Başlamazdan əvvəl")
        guide.waitFor("here: 0 of 3 · reading the advisory: 3")

        guide.send("Enter")
        guide.send("Enter")
        guide.waitFor("Stop 400")
        for participant in [first, second, third] { participant.send("Enter") }
        first.waitFor("Stop 400")
        second.waitFor("Остановка 400")
        third.waitFor("Dayanacaq 400")
        guide.waitFor("here: 3 of 3 ─")

        // The guide moves on; everyone follows, each in their language.
        // A hall with advisories: each stops at its door, the guide and every participant,
        // and goes in with Enter.
        guide.type("430")
        guide.send("Enter")
        guide.waitFor("Before you enter")
        guide.send("Enter")
        guide.waitFor("Stop 430")
        for (participant, door, stop) in [(first, "Before you enter", "Stop 430"), (second, "Прежде чем войти", "Остановка 430"),
                                          (third, "Daxil olmazdan əvvəl", "Dayanacaq 430")] {
            participant.waitFor(door)
            participant.send("Enter")
            participant.waitFor(stop)
        }

        // One steps away and stays while the group moves on, then rejoins with one key.
        second.send("m")
        second.waitFor("Вы здесь")
        second.send("Escape")
        #expect(second.wait { !second.screen.contains("Вы здесь") })
        second.send("n")
        second.waitFor("Вы отошли")
        guide.waitFor("here: 2 of 3 · elsewhere: 1 ─")
        guide.type("440")
        guide.send("Enter")
        guide.waitFor("Before you enter")
        guide.send("Enter")
        first.waitFor("Before you enter")
        first.send("Enter")
        first.waitFor("Stop 440")
        third.waitFor("Daxil olmazdan əvvəl")
        third.send("Enter")
        #expect(!second.screen.contains("Остановка 440"))
        #expect(!second.screen.contains("Прежде чем войти"))
        second.send("g")
        second.waitFor("Прежде чем войти")
        second.send("Enter")
        second.waitFor("Остановка 440")
        guide.waitFor("here: 3 of 3 ─")

        // One asks for a pause: the guide sees who, by the name they gave.
        third.send("w")
        third.waitFor("Fasilə istədiniz")
        guide.waitFor("Pause asked: Leyla · Group")
        guide.send("v")
        guide.waitFor("Leyla · at your stop")
        guide.waitFor("Visitor 1 · at your stop")
        guide.send("Escape")

        // One drops out: the others are not disturbed.
        let dropped = try #require(first.pid)
        first.tmux(["kill-server"])
        #expect(first.wait(seconds: 5) { isGone(dropped) })
        guide.waitFor("Pause asked: Leyla · Group \(code.prefix(3)) \(code.dropFirst(3)) · here: 2 of 2 ─")
        guide.send("n")
        second.waitFor("Остановка 441")
        third.waitFor("Dayanacaq 441")
        #expect(guide.wait { !guide.screen.contains("Pause asked") }, "a pause asked is over when the group moves on")

        // The guide ends the group, asked first, with a word for everyone; each participant
        // is thanked on a page that offers the Hall of Remembrance, and goes on alone.
        guide.send("q")
        guide.waitFor("End the tour for everyone?")
        guide.type("Thank you for coming with us today.")
        guide.send("Enter")
        second.waitFor("Групповая экскурсия завершена")
        second.waitFor("Thank you for coming with us today.")
        second.waitFor("Экскурсовод завершил групповую экскурсию")
        third.waitFor("Qrup turu başa çatdı")
        third.waitFor("Xatirə zalı")
        third.send("Down")
        third.send("Enter")
        #expect(third.wait { !third.screen.contains("Qrup turu başa çatdı") })
        third.waitFor("Dayanacaq 441")
        third.send("n")
        third.waitFor("Dayanacaq 442")
        #expect(guide.wait { guide.isDead })
        #expect(guide.exitStatus == 0)
        // The log was written (the group opened), and nothing went wrong in it.
        let log = (try? String(contentsOfFile: "\(directory)/kiosk.log", encoding: .utf8)) ?? ""
        #expect(log.contains("info: group \(code) open at"), "\(log)")
        #expect(!log.contains("warning"), "\(log)")
    }

    @Test func aGuideWhoseConnectionDropsTakesTheGroupBack() throws {
        try Tool.require("tmux")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-group-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let kiosk = "\(Built.kiosk) --group-dir \(directory) --lang en"
        let guide = Tmux(columns: 80, rows: 24, command: "\(kiosk) --lead")
        guide.waitFor("Your group's code")
        let code = try #require(GroupScreen.code(of: guide))
        let participant = Tmux(columns: 80, rows: 24, command: "\(kiosk) --join \(code)")
        participant.waitFor("Before you begin")
        guide.type("410")
        guide.send("Enter")
        guide.waitFor("Before you enter")
        guide.send("Enter")
        participant.send("Enter")
        participant.waitFor("Before you enter")
        participant.send("Enter")
        participant.waitFor("Stop 410")

        guide.tmux(["kill-server"])
        participant.waitFor("The guide's connection dropped")
        let returning = Tmux(columns: 80, rows: 24, command: "\(kiosk) --lead")
        returning.waitFor("Take back group \(code.prefix(3)) \(code.dropFirst(3))")
        returning.send("Enter")
        returning.waitFor("Before you enter")
        returning.send("Enter")
        returning.waitFor("Stop 410")
        participant.waitFor("Following the guide")
        returning.waitFor("here: 1 of 1")
        returning.send("n")
        participant.waitFor("Stop 411")
    }

    /// A tour booked in advance: its code is fixed on the guide's command line, and the guide
    /// whose connection drops runs the same command again to resume the group where it was.
    @Test func aFixedCodeIsAnnouncedAndItsGuideResumes() throws {
        try Tool.require("tmux")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-group-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let kiosk = "\(Built.kiosk) --group-dir \(directory) --lang en"
        let guide = Tmux(columns: 80, rows: 24, command: "\(kiosk) --lead --code 150301 --code-window 00:00-23:59")
        guide.waitFor("Your group's code: 150 301")
        let participant = Tmux(columns: 80, rows: 24, command: "\(kiosk) --join 150301")
        participant.waitFor("Before you begin")
        guide.send("Enter")
        guide.send("Enter")
        guide.waitFor("Stop 400")
        participant.send("Enter")
        participant.waitFor("Stop 400")
        guide.send("n")
        participant.waitFor("Stop 401")
        guide.tmux(["kill-server"])
        participant.waitFor("The guide's connection dropped")
        let back = Tmux(columns: 80, rows: 24, command: "\(kiosk) --lead --code 150301")
        // A new session reads the hall's advisories at its door, as any guide taking back does.
        back.waitFor("Before you enter")
        back.send("Enter")
        back.waitFor("Stop 401")
        participant.waitFor("Following the guide")
        back.send("n")
        participant.waitFor("Stop 402")
    }
}
