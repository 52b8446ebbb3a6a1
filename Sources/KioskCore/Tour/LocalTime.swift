import Glibc

/// The time on the stand's wall clock, in its own time zone, as the runtime read it. The tour
/// has no clock: this reaches it as `.localTime` events, as the monotonic time reaches it as
/// `.tick`, so a test can set any day.
public struct LocalTime: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    /// 1 for Monday to 7 for Sunday, as ISO 8601 counts.
    public var weekday: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(year: Int, month: Int, day: Int, weekday: Int, hour: Int, minute: Int, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.weekday = weekday
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Minutes since midnight.
    public var minuteOfDay: Int { hour * 60 + minute }

    public func isSameMinute(as other: LocalTime) -> Bool { minuteStamp == other.minuteStamp }

    /// The same minute, on a scale that orders any two local times of the same year and the
    /// next (a notice's expiry against now).
    var minuteStamp: Int { ((year * 13 + month) * 32 + day) * 1440 + minuteOfDay }

    /// The day, as 2026-12-04.
    public var date: String { "\(year)-\(twoDigits(month))-\(twoDigits(day))" }

    public var description: String { date + " " + OpeningHours.clock(minuteOfDay) }

    /// The C library's broken-down time (`localtime_r`'s), Sunday its weekday 0.
    public init(_ parts: tm) {
        self.init(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                  weekday: parts.tm_wday == 0 ? 7 : Int(parts.tm_wday),
                  hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
    }
}

/// When the museum is open, by weekday (`open-monday = 10:00-18:00` … in kiosk.conf). A stand
/// with none is always open.
public struct OpeningHours: Hashable, Sendable {
    /// Minutes of the day a museum is open, for Monday (index 0) to Sunday; nil: closed all day.
    public var days: [Range<Int>?]
    /// Outside the hours: the closed page, or nothing at all until a key is pressed.
    public var blankWhenClosed: Bool

    public init(days: [Range<Int>?], blankWhenClosed: Bool = false) {
        precondition(days.count == 7, "a week has seven days")
        self.days = days
        self.blankWhenClosed = blankWhenClosed
    }

    public func isOpen(at time: LocalTime) -> Bool {
        days[time.weekday - 1]?.contains(time.minuteOfDay) ?? false
    }

    /// Minutes until closing, while open.
    public func minutesUntilClosing(at time: LocalTime) -> Int? {
        guard isOpen(at: time), let hours = days[time.weekday - 1] else { return nil }
        return hours.upperBound - time.minuteOfDay
    }

    /// When the museum opens next, counted from `time`: in how many days (0 today) and at
    /// which minute; nil when it never opens.
    public func nextOpening(after time: LocalTime) -> (inDays: Int, weekday: Int, minute: Int)? {
        for offset in 0...7 {
            let weekday = (time.weekday - 1 + offset) % 7 + 1
            guard let hours = days[weekday - 1] else { continue }
            if offset > 0 || hours.lowerBound > time.minuteOfDay { return (offset, weekday, hours.lowerBound) }
        }
        return nil
    }

    /// `HH:MM` as minutes of the day, 00:00 to 24:00; nil when it is not such a time.
    public static func minute(of text: some StringProtocol) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), parts[1].count == 2,
              (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 1440 else { return nil }
        return hour * 60 + minute
    }

    /// Minutes of the day as a clock shows them: 09:30.
    public static func clock(_ minute: Int) -> String { "\(twoDigits(minute / 60)):\(twoDigits(minute % 60))" }

    /// The weekdays as kiosk.conf names them, Monday first.
    public static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}

private func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
