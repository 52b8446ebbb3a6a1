import Foundation
import Testing
import KioskCore
@testable import KioskStaff

@Suite struct StaffPINTests {
    /// A cheap cost for tests (1 MiB); the kiosk's own hashes use the standard one.
    static let cheap = StaffPINHash.costs.lowerBound

    @Test func aHashMatchesItsPINAndNoOther() throws {
        let hash = try StaffPINHash.make(pin: "482916", cost: Self.cheap)
        #expect(hash.matches("482916"))
        #expect(!hash.matches("482917"))
        #expect(!hash.matches("48291"))
        #expect(!hash.matches("4829160"))
    }

    @Test func thePINItselfIsNeverInTheHashLine() throws {
        let line = try StaffPINHash.make(pin: "482916", cost: Self.cheap).description
        #expect(line.hasPrefix("$y$j75$"))
        #expect(!line.contains("482916"))
    }

    @Test func eachHashHasItsOwnSalt() throws {
        let first = try StaffPINHash.make(pin: "482916", cost: Self.cheap).description.split(separator: "$")
        let second = try StaffPINHash.make(pin: "482916", cost: Self.cheap).description.split(separator: "$")
        #expect(first.count == 4 && second.count == 4)
        #expect(first[2] != second[2])
        #expect(first[3] != second[3])
    }

    @Test func aHashReadsBackAsWritten() throws {
        let hash = try StaffPINHash.make(pin: "1234", cost: Self.cheap)
        let read = try StaffPINHash(parsing: hash.description)
        #expect(read == hash)
        #expect(read.description == hash.description)
        #expect(read.matches("1234"))
        #expect(!read.matches("1235"))
    }

    @Test func aHashFromElsewhereReadsAndMatches() throws {
        // "1234" hashed by libxcrypt outside the kiosk, through Python's crypt module.
        let hash = try StaffPINHash(parsing: "$y$j75$wMLO8Z.b1YiBwIvPEOEz81$e.ZFazpNtVzMXTQv2IaL7cHYe9x00SGYHhCu/xOBZq.")
        #expect(hash.matches("1234"))
        #expect(!hash.matches("4321"))
    }

    @Test func onlyDigitsOfTheRightLengthArePINs() {
        for pin in ["", "123", "1234567890123", "12a4", "１２３４", " 1234", "12 34"] {
            #expect(!StaffPINHash.isValidPIN(pin), "\(pin)")
            #expect(throws: StaffPINError.notAPIN) { try StaffPINHash.make(pin: pin, cost: Self.cheap) }
        }
        #expect(StaffPINHash.isValidPIN("0000"))
        #expect(StaffPINHash.isValidPIN("123456789012"))
    }

    @Test func whatIsNotAPINNeverMatchesAndNeverCrashes() throws {
        let hash = try StaffPINHash.make(pin: "1234", cost: Self.cheap)
        #expect(!hash.matches(""))
        #expect(!hash.matches("abcd"))
        #expect(!hash.matches("1234\0"))
    }

    @Test func aCostLibxcryptDoesNotMakeIsAnError() {
        #expect(performing: { try StaffPINHash.make(pin: "1234", cost: StaffPINHash.costs.upperBound + 1) },
                throws: { if case StaffPINError.cannotHash = $0 { true } else { false } })
    }

    @Test func aDamagedForeignOrGreedyHashIsRefused() throws {
        let good = try StaffPINHash.make(pin: "1234", cost: Self.cheap).description
        let parts = good.split(separator: "$")
        let (salt, hash) = (parts[2], parts[3])
        for text in [
            "", "1234", "garbage", "$", "$$$$", "$y$", "$y$$$",
            // other methods: scrypt as this kiosk once wrote it; "1234" by libxcrypt in MD5,
            // SHA-512 and DES, which it would check but the kiosk does not take
            "$scrypt$ln=17,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "$1$Z6seWA4K$V9xhHO4SqUl6zh4WT8gPh/",
            "$6$VKWbWFDXBVLjDJI8$JtKHDZmI6F66vDTTJRLYVMzGcHTpvdKmShdrlCcPmnbXyvqZd8BRwQNHpzkUDCblsbj.WvosoiclytgZiLJ/P1",
            "wfceRx1QJxFfg",
            // broken settings: parameters crypt_gensalt never writes, or none
            "$y$jzz$\(salt)$\(hash)", "$y$j7$\(salt)$\(hash)", "$y$$\(salt)$\(hash)", "$y$\(salt)$\(hash)",
            // greedy: 16 GiB, or 256 GiB
            "$y$jJT$\(salt)$\(hash)", "$y$jNT$\(salt)$\(hash)",
            // no salt, a cut hash, no hash, a hash too long, an extra field
            "$y$j75$$\(hash)", "$y$j75$\(salt)$\(hash.dropLast())", "$y$j75$\(salt)$", "$y$j75$\(salt)",
            "$y$j75$\(salt)$\(hash)x", "$y$j75$\(salt)$\(hash)$",
            // characters crypt never writes: spaces, controls, a NUL that C would stop at, non-ASCII
            "$y$j75$\(salt)$\(hash.dropLast()) ", " \(good)", "\(good)\t", "\(good)\u{7F}",
            "\(good)\0", "$y$j75$\(salt)\0$\(hash)", "$y$j75$\(salt)$\(hash.dropLast())é", "$y$j75$\(salt)$\(hash.dropLast())*",
        ] {
            #expect(throws: StaffPINError.notAHash, "\(text.debugDescription)") { try StaffPINHash(parsing: text) }
        }
        #expect(try StaffPINHash(parsing: good).matches("1234"))
    }
}

@Suite struct KioskConfigurationTests {
    @Test func commentsBlankLinesAndTheStaffPIN() throws {
        let hash = try StaffPINHash.make(pin: "2468", cost: StaffPINTests.cheap)
        let text = "# The kiosk's settings\n\n  staff-pin = \(hash)  \r\n"
        #expect(try KioskConfiguration(parsing: text, file: "kiosk.conf").staffPIN == hash)
        #expect(try KioskConfiguration(parsing: "# nothing yet\n", file: "kiosk.conf").staffPIN == nil)
    }

    @Test func mistakesAreNamedWithTheirLine() {
        let cases: [(String, String)] = [
            ("# a comment\nstaff-pin 1234\n", "kiosk.conf:2: error: expected 'name = value'"),
            ("stuff-pin = x\n", "kiosk.conf:1: error: unknown setting 'stuff-pin'; the settings are: staff-pin, open-monday to open-sunday, closed-screen, book-keep-months, book-after-keeping, statistics, statistics-keep-months"),
            ("\n\nstaff-pin = 1234\n", "kiosk.conf:3: error: not a staff PIN hash: make one with `museum-kiosk staff-pin`"),
        ]
        for (text, message) in cases {
            #expect(performing: { try KioskConfiguration(parsing: text, file: "kiosk.conf") },
                    throws: { ($0 as? ConfigurationError)?.description == message })
        }
    }

    @Test func aFileOthersCouldReadIsRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID().uuidString).conf").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "# empty\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o644)
        #expect(performing: { try KioskConfiguration.load(path: path) },
                throws: { ($0 as? ConfigurationError)?.message.contains("chmod 600") == true })
        chmod(path, 0o600)
        #expect(try KioskConfiguration.load(path: path) == KioskConfiguration())
    }

    @Test func theExampleInDeployReadsAndSetsNoPIN() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/kiosk.conf.example").path
        let text = try String(contentsOfFile: example, encoding: .utf8)
        #expect(try KioskConfiguration(parsing: text, file: example).staffPIN == nil)
    }

    @Test func visitStatisticsAreOnUnlessTurnedOffAndKeptThirteenMonthsUnlessSaid() throws {
        let none = try KioskConfiguration(parsing: "# nothing\n", file: "kiosk.conf")
        #expect(none.statistics == nil, "the kiosk's default: on for a stand")
        #expect(none.statisticsKeepMonths == 13)
        let set = try KioskConfiguration(parsing: "statistics = off\nstatistics-keep-months = 25\n", file: "kiosk.conf")
        #expect(set.statistics == false)
        #expect(set.statisticsKeepMonths == 25)
        #expect(try KioskConfiguration(parsing: "statistics = on\n", file: "kiosk.conf").statistics == true)
        let cases: [(String, String)] = [
            ("statistics = yes\n", "kiosk.conf:1: error: statistics must be 'on' (the stand keeps visit statistics) or 'off'"),
            ("\nstatistics-keep-months = 0\n", "kiosk.conf:2: error: statistics-keep-months must be a number of months, 1 to 120"),
            ("statistics-keep-months = +6\n", "kiosk.conf:1: error: statistics-keep-months must be a number of months, 1 to 120"),
        ]
        for (text, message) in cases {
            #expect(performing: { try KioskConfiguration(parsing: text, file: "kiosk.conf") },
                    throws: { ($0 as? ConfigurationError)?.description == message })
        }
    }

    @Test func openingHoursAreEveryDayOfTheWeek() throws {
        let week = OpeningHours.weekdayNames.map { "open-\($0) = " + ($0 == "monday" ? "closed" : "10:00-18:00") }
        let configuration = try KioskConfiguration(parsing: (week + ["closed-screen = blank"]).joined(separator: "\n"), file: "kiosk.conf")
        let hours = try #require(configuration.openingHours)
        #expect(hours.days[0] == nil)
        #expect(hours.days[1] == 600..<1080)
        #expect(hours.blankWhenClosed)
        #expect(try KioskConfiguration(parsing: "staff-pin = \(try StaffPINHash.make(pin: "482916", cost: StaffPINTests.cheap))\n", file: "kiosk.conf").openingHours == nil,
                "without hours, always open")
    }

    @Test func openingHoursThatCannotBeAreNamedWithTheirLine() {
        let cases: [(String, String)] = [
            ("open-monday = 10:00-18:00\n", "kiosk.conf:1: error: opening hours need every day of the week; missing: open-tuesday, open-wednesday, open-thursday, open-friday, open-saturday, open-sunday"),
            ("\nopen-monday = 18:00-10:00\n", "kiosk.conf:2: error: open-monday must be 'closed' or the hours as 10:00-18:00"),
            ("open-monday = 10-18\n", "kiosk.conf:1: error: open-monday must be 'closed' or the hours as 10:00-18:00"),
            ("closed-screen = dark\n", "kiosk.conf:1: error: closed-screen must be 'page' (the closed page) or 'blank'"),
            ("closed-screen = blank\n", "kiosk.conf:1: error: closed-screen needs the opening hours (open-monday = 10:00-18:00 …)"),
        ]
        for (text, message) in cases {
            #expect(performing: { try KioskConfiguration(parsing: text, file: "kiosk.conf") },
                    throws: { ($0 as? ConfigurationError)?.description == message })
        }
    }

    @Test func aMissingFileIsAClearError() {
        #expect(performing: { try KioskConfiguration.load(path: "/nonexistent/kiosk.conf") },
                throws: { ($0 as? ConfigurationError)?.description == "/nonexistent/kiosk.conf: error: cannot read: No such file or directory" })
    }
}

/// The PINs a visitor would try first are refused when a PIN is made.
@Suite struct TrivialPINTests {
    @Test(arguments: ["0000", "999999", "1234", "123456", "987654", "0123456789", "1212", "474747", "1990", "2024",
                      "19900101", "01011990", "12311999", "010190", "311299", "991231"])
    func aPINAVisitorWouldTryFirstIsRefused(pin: String) {
        #expect(StaffPINHash.weakness(of: pin) != nil, "\(pin)")
    }

    @Test(arguments: ["482916", "2468", "739152", "5820", "8047316", "13579246"])
    func anOrdinaryPINIsTaken(pin: String) {
        #expect(StaffPINHash.weakness(of: pin) == nil, "\(pin)")
    }
}
