import Foundation
import Testing

/// A folder for one test, removed with it.
final class TestFolder {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-stand-\(UUID().uuidString.prefix(8))").path

    init() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The stand as the museum's staff run it: their notice, their opening hours, their monitoring.
@Suite struct StandTests {
    @Test func theStaffsNoticeShowsOnTheStandWithinSecondsAndGoes() throws {
        try Tool.require("tmux")
        let folder = try TestFolder()
        let notice = folder.path + "/notice"
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --kiosk --lang en --notice \(notice)")
        terminal.waitFor("Press any key to begin")
        terminal.send("a")
        terminal.waitFor("Begin the tour")
        let given = run(Built.kiosk, ["notice", "--file", notice, "en: The lift is out of order today.", "ru: Лифт сегодня не работает."])
        #expect(given.status == 0, "\(given.error)")
        terminal.waitFor("─ The lift is out of order today. ─", seconds: 8)
        // In the visitor's language when it changes.
        terminal.send("l")
        terminal.waitFor("Русский")
        terminal.send("Down", "Down", "Enter")
        terminal.waitFor("Лифт сегодня не работает.", seconds: 8)
        #expect(run(Built.kiosk, ["notice", "--file", notice]).output.contains("en: The lift is out of order today."))
        #expect(run(Built.kiosk, ["notice", "--file", notice, "--clear"]).status == 0)
        #expect(terminal.wait(seconds: 8) { !terminal.screen.contains("Лифт") })
    }

    @Test func aNoticeTooLongOrInTwoLinesForOneLanguageIsRefusedAndTheLastStays() throws {
        let folder = try TestFolder()
        let notice = folder.path + "/notice"
        #expect(run(Built.kiosk, ["notice", "--file", notice, "The café is closed."]).status == 0)
        let long = run(Built.kiosk, ["notice", "--file", notice, "en: " + String(repeating: "very ", count: 20) + "long"])
        #expect(long.status == 1)
        #expect(long.error == "museum-kiosk: notice 1: the notice is too long to show over the page; at most two lines of 38 columns, about 70 characters fit\n")
        let twice = run(Built.kiosk, ["notice", "--file", notice, "en: One.", "en: Two."])
        #expect(twice.error == "museum-kiosk: notice 2: 'en' is given twice\n")
        #expect(try String(contentsOfFile: notice, encoding: .utf8).contains("The café is closed."), "what was shown stays")
    }

    @Test func outsideItsHoursTheStandIsClosedAndStaffCanStillLeave() throws {
        try Tool.require("tmux")
        let configuration = try StaffConfiguration(pin: "482916")
        let week = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map { "open-\($0) = closed" }
        try (try String(contentsOfFile: configuration.path, encoding: .utf8) + week.joined(separator: "\n") + "\n")
            .write(toFile: configuration.path, atomically: false, encoding: .utf8)
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --kiosk --config \(configuration.path)")
        terminal.waitFor("The museum is closed.")
        terminal.waitFor("Музей закрыт.")
        terminal.send("a", "Enter")
        #expect(!terminal.wait(seconds: 1) { terminal.screen.contains("Choose a language") }, "no visit while closed")
        terminal.send("C-x", "C-c")
        terminal.waitFor("Staff exit")
        terminal.type("482916")
        terminal.send("Enter")
        #expect(terminal.wait(seconds: 5) { terminal.isDead })
        #expect(terminal.exitStatus == 10)
    }

    @Test func theHealthFileChangesAsAVisitorWalks() throws {
        try Tool.require("tmux")
        let folder = try TestFolder()
        let file = folder.path + "/museum-kiosk-hall-4.prom"
        let terminal = Tmux(columns: 80, rows: 24, command: "\(Built.kiosk) --kiosk --metrics \(folder.path) --stand hall-4")
        terminal.waitFor("Press any key to begin")
        func value(_ name: String) -> String? {
            (try? String(contentsOfFile: file, encoding: .utf8))?.split(separator: "\n")
                .first { $0.hasPrefix("museum_kiosk_\(name){") }?.split(separator: " ").last.map(String.init)
        }
        #expect(eventually { value("visits_started_total") == "0" })
        #expect(value("last_key_seconds") == "0")
        terminal.send("a")
        terminal.waitFor("Choose a language")
        #expect(eventually { value("visits_started_total") == "1" })
        let lastKey = try #require(value("last_key_seconds").flatMap(Int.init))
        #expect(abs(lastKey - Int(Date().timeIntervalSince1970)) < 30)
        #expect(value("sessions_open") == "1")
        #expect(value("visit_in_progress") == "1")
        let pack = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").first { $0.hasPrefix("museum_kiosk_pack_info") }
        #expect(pack?.contains("stand=\"hall-4\"") == true)
    }

    @Test func aPINAVisitorWouldTryFirstIsRefused() {
        let made = run("/bin/sh", ["-c", "echo 19900101 | \"$0\" staff-pin", Built.kiosk])
        #expect(made.status != 0)
        #expect(made.output == "")
        #expect(made.error.contains("that PIN is one a visitor would try first (a date or a year)"))
    }

    @Test func aPublicKioskOffersNoGroupTourEvenWhereTheHostHasThem() throws {
        try Tool.require("tmux")
        let folder = try TestFolder()
        let refused = run(Built.kiosk, ["--kiosk", "--lead"])
        #expect(refused.status == 64)
        #expect(refused.error.contains("a public kiosk takes no part in group tours"))
        // The same host, the same folder: a session over SSH is offered a group tour.
        let remote = Tmux(columns: 80, rows: 24, command: "MUSEUM_KIOSK_GROUP_DIR=\(folder.path) \(Built.kiosk) --lang en")
        remote.waitFor("Join a group tour")
        let terminal = Tmux(columns: 80, rows: 24, command: "MUSEUM_KIOSK_GROUP_DIR=\(folder.path) \(Built.kiosk) --kiosk --lang en")
        terminal.waitFor("Press any key to begin")
        terminal.send("a")
        terminal.waitFor("Begin the tour")
        #expect(!terminal.screen.contains("Join a group tour"))
    }
}
