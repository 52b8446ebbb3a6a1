import Foundation
import Testing
@testable import KioskStaff

@Suite struct StaffPINTests {
    /// A cheap cost for tests; the kiosk's own hashes use the standard one.
    static let cheap = 10

    @Test func aHashMatchesItsPINAndNoOther() throws {
        let hash = try StaffPINHash.make(pin: "482916", logCost: Self.cheap)
        #expect(hash.matches("482916"))
        #expect(!hash.matches("482917"))
        #expect(!hash.matches("48291"))
    }

    @Test func thePINItselfIsNeverInTheHashLine() throws {
        let line = try StaffPINHash.make(pin: "482916", logCost: Self.cheap).description
        #expect(line.hasPrefix("$scrypt$ln=10,r=8,p=1$"))
        #expect(!line.contains("482916"))
    }

    @Test func eachHashHasItsOwnSalt() throws {
        let first = try StaffPINHash.make(pin: "482916", logCost: Self.cheap)
        let second = try StaffPINHash.make(pin: "482916", logCost: Self.cheap)
        #expect(first.salt != second.salt)
        #expect(first.hash != second.hash)
    }

    @Test func aHashReadsBackAsWritten() throws {
        let hash = try StaffPINHash.make(pin: "1234", logCost: Self.cheap)
        let read = try StaffPINHash(parsing: hash.description)
        #expect(read == hash)
        #expect(read.matches("1234"))
    }

    @Test func onlyDigitsOfTheRightLengthArePINs() {
        for pin in ["", "123", "1234567890123", "12a4", "１２３４", " 1234", "12 34"] {
            #expect(!StaffPINHash.isValidPIN(pin), "\(pin)")
            #expect(throws: StaffPINError.notAPIN) { try StaffPINHash.make(pin: pin, logCost: Self.cheap) }
        }
        #expect(StaffPINHash.isValidPIN("0000"))
        #expect(StaffPINHash.isValidPIN("123456789012"))
    }

    @Test func whatIsNotAPINNeverMatchesAndNeverCrashes() throws {
        let hash = try StaffPINHash.make(pin: "1234", logCost: Self.cheap)
        #expect(!hash.matches(""))
        #expect(!hash.matches("abcd"))
    }

    @Test func aDamagedOrGreedyHashIsRefused() {
        let salt = "c2FsdHNhbHRzYWx0c2FsdA"
        let hash = "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g"
        for text in ["", "1234", "$pbkdf2$i=1$\(salt)$\(hash)", "$scrypt$ln=17,r=8$\(salt)$\(hash)",
                     "$scrypt$ln=30,r=8,p=1$\(salt)$\(hash)", "$scrypt$ln=17,r=8,p=1$$\(hash)",
                     "$scrypt$ln=17,r=8,p=1$\(salt)$not*base64", "$scrypt$ln=17,r=8,p=1,x=2$\(salt)$\(hash)"] {
            #expect(throws: StaffPINError.notAHash, "\(text)") { try StaffPINHash(parsing: text) }
        }
    }
}

@Suite struct KioskConfigurationTests {
    @Test func commentsBlankLinesAndTheStaffPIN() throws {
        let hash = try StaffPINHash.make(pin: "2468", logCost: StaffPINTests.cheap)
        let text = "# The kiosk's settings\n\n  staff-pin = \(hash)  \r\n"
        #expect(try KioskConfiguration(parsing: text, file: "kiosk.conf").staffPIN == hash)
        #expect(try KioskConfiguration(parsing: "# nothing yet\n", file: "kiosk.conf").staffPIN == nil)
    }

    @Test func mistakesAreNamedWithTheirLine() {
        let cases: [(String, String)] = [
            ("# a comment\nstaff-pin 1234\n", "kiosk.conf:2: error: expected 'name = value'"),
            ("stuff-pin = x\n", "kiosk.conf:1: error: unknown setting 'stuff-pin'; the settings are: staff-pin"),
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

    @Test func aMissingFileIsAClearError() {
        #expect(performing: { try KioskConfiguration.load(path: "/nonexistent/kiosk.conf") },
                throws: { ($0 as? ConfigurationError)?.description == "/nonexistent/kiosk.conf: error: cannot read: No such file or directory" })
    }
}
