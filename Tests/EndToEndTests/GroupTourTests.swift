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
        guide.waitFor("Choose a tour")
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
        guide.waitFor("Choose a tour")
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

    /// Issue 15's walk: a guide leads three participants, two named, through five stops, with
    /// one pause, one step-out and one gather, and every screen is checked at every stop.
    @Test func aGuideLeadsThreeThroughFiveStopsWithAPauseAStepOutAndAGather() throws {
        try Tool.require("tmux")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-group-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let kiosk = "\(Built.kiosk) --group-dir \(directory) --log \(directory)/kiosk.log"
        let guide = Tmux(columns: 80, rows: 24, command: "\(kiosk) --lang en --lead")
        guide.waitFor("Your group's code")
        let code = try #require(GroupScreen.code(of: guide))

        // Two give a first name on the join screen; the third joins by the code alone.
        let anna = Tmux(columns: 80, rows: 24, command: "\(kiosk) --lang en")
        let ivan = Tmux(columns: 80, rows: 24, command: "\(kiosk) --lang ru")
        for (participant, join, name, label) in [(anna, "Join a group tour", "Anna", "Name:"),
                                                 (ivan, "Присоединиться к групповой экскурсии", "Иван", "Имя:")] {
            participant.waitFor(join)
            participant.send("Down")
            participant.send("Enter")
            participant.type(code)
            participant.send("Enter")
            participant.waitFor(label)
            participant.type(name)
            participant.send("Enter")
        }
        let third = Tmux(columns: 80, rows: 24, command: "\(kiosk) --lang az --join \(code)")
        anna.waitFor("Before you begin")
        ivan.waitFor("Прежде чем начать")
        third.waitFor("Başlamazdan əvvəl")
        guide.waitFor("here: 0 of 3 · reading the advisory: 3")

        // Stop 1: everyone comes to the guide; the roster names them.
        guide.send("Enter")
        guide.waitFor("Choose a tour")
        guide.send("Enter")
        guide.send("Enter")
        guide.waitFor("Stop 400")
        for participant in [anna, ivan, third] { participant.send("Enter") }
        let stops = { (number: Int) in [(anna, "Stop \(number)"), (ivan, "Остановка \(number)"), (third, "Dayanacaq \(number)")] }
        for (participant, stop) in stops(400) { participant.waitFor(stop) }
        guide.waitFor("here: 3 of 3 ─")
        guide.send("v")
        guide.waitFor("Anna · at your stop")
        guide.waitFor("Иван · at your stop")
        guide.waitFor("Visitor 3 · at your stop")
        guide.send("v")
        #expect(guide.wait { !guide.screen.contains("Your group") })

        // Stop 2, and a pause: a line with the name on the guide's screen, and the bell.
        guide.send("n")
        for (participant, stop) in stops(401) { participant.waitFor(stop) }
        anna.send("w")
        anna.waitFor("You asked for a pause")
        guide.waitFor("Pause asked: Anna · Group")
        #expect(guide.wait { guide.format("window_bell_flag") == "1" }, "the guide's terminal rang")

        // Stop 3: the pause is over; then one steps out to the quiet room.
        guide.send("n")
        for (participant, stop) in stops(402) { participant.waitFor(stop) }
        #expect(guide.wait { !guide.screen.contains("Pause asked") })
        ivan.send("x")
        ivan.waitFor("Зал памяти")
        guide.waitFor("here: 2 of 3 · in the quiet room: 1 ─")

        // Stop 4: the group moves on without the one in the quiet room; another walks ahead.
        guide.send("n")
        anna.waitFor("Stop 403")
        third.waitFor("Dayanacaq 403")
        third.send("n")
        third.waitFor("Kənara çıxdınız")
        guide.waitFor("here: 1 of 3 · in the quiet room: 1 · elsewhere: 1 ─")
        guide.send("v")
        guide.waitFor("Иван · in the quiet room")
        guide.waitFor("Visitor 3 · at stop 404 · on their own")
        guide.send("v")
        #expect(guide.wait { !guide.screen.contains("Your group") })

        // The gather: the one ahead is told and comes with g; the quiet room is not disturbed.
        guide.send("a")
        guide.waitFor("Everyone was asked to stop 403")
        third.waitFor("Bələdçiniz 403 saylı dayanacaqdadır · g: ora keç")
        #expect(ivan.screen.contains("Зал памяти"))
        #expect(!ivan.screen.contains("Ваш экскурсовод на остановке"), "nothing in the quiet room")
        third.send("g")
        third.waitFor("Dayanacaq 403")
        ivan.send("x")
        ivan.waitFor("Ваш экскурсовод на остановке 403 · g: перейти туда")
        ivan.send("g")
        ivan.waitFor("Остановка 403")
        guide.waitFor("here: 3 of 3 ─")

        // Stop 5, everyone there; then the end, with a word from the guide.
        guide.send("n")
        for (participant, stop) in stops(404) { participant.waitFor(stop) }
        guide.waitFor("here: 3 of 3 ─")
        guide.send("q")
        guide.waitFor("End the tour for everyone?")
        guide.type("Thank you for coming.")
        guide.send("Enter")
        for (participant, title) in [(anna, "The group tour has ended"), (ivan, "Групповая экскурсия завершена"), (third, "Qrup turu başa çatdı")] {
            participant.waitFor(title)
            participant.waitFor("Thank you for coming.")
        }
        #expect(guide.wait { guide.isDead })
        let log = (try? String(contentsOfFile: "\(directory)/kiosk.log", encoding: .utf8)) ?? ""
        #expect(!log.contains("warning"), "\(log)")
    }
}
