// FoundationEssentials, not Foundation: the whole of Foundation brings ICU, 4 MB more in every
// session (docs/performance.md).
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc
import KioskCore

/// The kiosk's configuration file (`/etc/museum-kiosk/kiosk.conf` by default): lines of
/// `name = value`, `#` comments and blank lines. It holds what staff set and visitors must
/// never see: the staff PIN's hash, the museum's opening hours, and how long the book and the
/// visit statistics keep what they keep. docs/operations.md describes it.
public struct KioskConfiguration: Equatable, Sendable {
    /// The hash the staff exit checks a PIN against; nil: the staff exit is off.
    public var staffPIN: StaffPINHash?
    /// When the museum is open; nil: always.
    public var openingHours: OpeningHours?
    /// How long the book of remembrance keeps entries; nil: for ever.
    public var bookRetention: BookRetention?
    /// Whether a stand keeps visit statistics (`statistics = on|off`); nil: the default, on.
    public var statistics: Bool?
    /// How many months the visit statistics are kept.
    public var statisticsKeepMonths = KioskConfiguration.standardStatisticsMonths

    /// Thirteen months: a month can be set beside the same month a year before, and no more is
    /// kept than that needs.
    public static let standardStatisticsMonths = 13

    public static let defaultPath = "/etc/museum-kiosk/kiosk.conf"
    static let hoursNames = OpeningHours.weekdayNames.map { "open-" + $0 }
    static let knownNames = ["staff-pin"] + hoursNames
        + ["closed-screen", "book-keep-months", "book-after-keeping", "statistics", "statistics-keep-months"]

    public init(staffPIN: StaffPINHash? = nil, openingHours: OpeningHours? = nil) {
        self.staffPIN = staffPIN
        self.openingHours = openingHours
    }

    /// Reads `text`, naming `file` and the line in every error.
    public init(parsing text: String, file: String) throws {
        var seen: Set<String> = []
        var days: [Range<Int>??] = Array(repeating: nil, count: 7)
        var blankWhenClosed: (value: Bool, line: Int)?
        var firstHoursLine: Int?
        var keepMonths: Int?
        var deletesAfterKeeping: (value: Bool, line: Int)?
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingBlanks()
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else {
                throw ConfigurationError(file: file, line: number, message: "expected 'name = value'")
            }
            let name = parts[0].trimmingBlanks()
            let value = parts[1].trimmingBlanks()
            guard Self.knownNames.contains(name) else {
                throw ConfigurationError(file: file, line: number, message: "unknown setting '\(name)'; the settings are: staff-pin, open-monday to open-sunday, closed-screen, book-keep-months, book-after-keeping, statistics, statistics-keep-months")
            }
            guard seen.insert(name).inserted else {
                throw ConfigurationError(file: file, line: number, message: "'\(name)' is set twice")
            }
            if let day = Self.hoursNames.firstIndex(of: name) {
                guard let hours = Self.hours(value) else {
                    throw ConfigurationError(file: file, line: number, message: "\(name) must be 'closed' or the hours as 10:00-18:00")
                }
                days[day] = .some(hours)
                firstHoursLine = firstHoursLine ?? number
            } else if name == "book-keep-months" {
                guard let months = Int(value), (1...1200).contains(months), value.allSatisfy(\.isNumber) else {
                    throw ConfigurationError(file: file, line: number, message: "book-keep-months must be a number of months, 1 to 1200")
                }
                keepMonths = months
            } else if name == "statistics" {
                guard value == "on" || value == "off" else {
                    throw ConfigurationError(file: file, line: number, message: "statistics must be 'on' (the stand keeps visit statistics) or 'off'")
                }
                statistics = value == "on"
            } else if name == "statistics-keep-months" {
                guard let months = Int(value), (1...120).contains(months), value.allSatisfy(\.isNumber) else {
                    throw ConfigurationError(file: file, line: number, message: "statistics-keep-months must be a number of months, 1 to 120")
                }
                statisticsKeepMonths = months
            } else if name == "book-after-keeping" {
                guard value == "hide" || value == "delete" else {
                    throw ConfigurationError(file: file, line: number, message: "book-after-keeping must be 'hide' (kept for the archive, shown to nobody) or 'delete'")
                }
                deletesAfterKeeping = (value == "delete", number)
            } else if name == "closed-screen" {
                guard value == "page" || value == "blank" else {
                    throw ConfigurationError(file: file, line: number, message: "closed-screen must be 'page' (the closed page) or 'blank'")
                }
                blankWhenClosed = (value == "blank", number)
            } else {
                do {
                    staffPIN = try StaffPINHash(parsing: value)
                } catch {
                    throw ConfigurationError(file: file, line: number, message: "\(error)")
                }
            }
        }
        // The hours are all seven days or none: a day left out is a mistake, not a guess.
        if let line = firstHoursLine {
            let missing = zip(Self.hoursNames, days).filter { $0.1 == nil }.map(\.0)
            guard missing.isEmpty else {
                throw ConfigurationError(file: file, line: line, message: "opening hours need every day of the week; missing: \(missing.joined(separator: ", "))")
            }
            openingHours = OpeningHours(days: days.map { $0! }, blankWhenClosed: blankWhenClosed?.value ?? false)
        } else if let line = blankWhenClosed?.line {
            throw ConfigurationError(file: file, line: line, message: "closed-screen needs the opening hours (open-monday = 10:00-18:00 …)")
        }
        if let keepMonths {
            bookRetention = BookRetention(months: keepMonths, deletes: deletesAfterKeeping?.value ?? false)
        } else if let line = deletesAfterKeeping?.line {
            throw ConfigurationError(file: file, line: line, message: "book-after-keeping needs book-keep-months")
        }
    }

    /// `closed`, or `HH:MM-HH:MM` with the opening before the closing, on the same day.
    static func hours(_ value: String) -> Range<Int>?? {
        if value == "closed" { return .some(nil) }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingBlanks() }
        guard parts.count == 2, let from = OpeningHours.minute(of: parts[0]), let until = OpeningHours.minute(of: parts[1]),
              from < until else { return nil }
        return .some(from..<until)
    }

    /// Reads the file at `path`. A file others could change, or read to try PINs against the
    /// hash at leisure, is refused, as sshd refuses such keys.
    public static func load(path: String) throws -> KioskConfiguration {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw ConfigurationError(file: path, line: nil, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw ConfigurationError(file: path, line: nil, message: "not a regular file")
        }
        guard status.st_mode & (S_IWGRP | S_IWOTH | S_IROTH) == 0 else {
            throw ConfigurationError(file: path, line: nil, message: "others may read or change it; make it private: chmod 600 \(path)")
        }
        guard let data = FileManager.default.contents(atPath: path), data.count <= 64 * 1024,
              let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: nil, message: "cannot read it as a UTF-8 text file of at most 64 KiB")
        }
        return try KioskConfiguration(parsing: text, file: path)
    }
}

/// A problem in the configuration file, as `file:line: error: message`.
public struct ConfigurationError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): error: \(message)"
    }
}

extension StringProtocol {
    /// Without the blanks around it: spaces, tabs, any white space but a line's end
    /// (CharacterSet's whitespace is Foundation's).
    public func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        return String(drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }
}

/// The book of remembrance's retention rule: entries older than so many months are hidden
/// (kept for the archive, shown to nobody) or deleted (their words removed).
public struct BookRetention: Equatable, Sendable {
    public var months: Int
    public var deletes: Bool

    public init(months: Int, deletes: Bool) {
        self.months = months
        self.deletes = deletes
    }

    /// The moment `months` calendar months before `now`, on the stand's calendar.
    public func cutoff(before now: Int64) -> Int64 { StandCalendar.moment(months: months, before: now) }
}

/// Months as the stand's calendar counts them: the book's and the statistics' retention count
/// the same way.
public enum StandCalendar {
    /// The moment so many calendar months before `now` (seconds since 1970).
    public static func moment(months: Int, before now: Int64) -> Int64 {
        var time = time_t(now)
        var parts = tm()
        localtime_r(&time, &parts)
        parts.tm_mon -= Int32(months)
        parts.tm_isdst = -1
        return Int64(mktime(&parts))
    }
}
