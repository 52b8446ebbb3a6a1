/// A short message the staff put over every screen ("The lift is out of order today"), from
/// the notice file `museum-kiosk notice` writes:
///
///     until: 2026-12-04 18:00
///     en: The lift is out of order today.
///     az: Lift bu gün işləmir.
///
/// A line `CODE: text` is for readers of that language; a line without a code is for every
/// reader whose language has no line of its own. `until:` ends it by itself.
public struct StaffNotice: Hashable, Sendable {
    public var byLanguage: [String: String]
    /// For every language without a line of its own.
    public var forEveryone: String?
    /// The local time it ends at; nil: it shows until the file is changed or removed.
    public var until: LocalTime?

    public init(byLanguage: [String: String] = [:], forEveryone: String? = nil, until: LocalTime? = nil) {
        self.byLanguage = byLanguage
        self.forEveryone = forEveryone
        self.until = until
    }

    /// The columns a line over the page may take on the narrowest screen the tour is laid out
    /// for; a notice must fit the header's two rows there.
    public static let bannerColumns = TerminalSize.minimum.columns - 2
    public static let limit = "two lines of \(bannerColumns) columns, about 70 characters"

    /// Whether `text` fits over the page on every screen.
    public static func fitsOverThePage(_ text: String) -> Bool {
        Wrap.lines([Run(text)], width: bannerColumns).count <= 2
    }

    public func text(in language: String) -> String? { byLanguage[language] ?? forEveryone }

    public func hasEnded(at time: LocalTime) -> Bool {
        guard let until else { return false }
        return time.minuteStamp >= until.minuteStamp
    }

    /// Reads a notice file. Nil when it says nothing (empty, or comments only).
    public init?(parsing text: String) throws(NoticeError) {
        var notice = StaffNotice()
        var any = false
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = String(rawLine.trimmingSpaces())
            if line.isEmpty || line.hasPrefix("#") { continue }
            let number = index + 1
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { String($0.trimmingSpaces()) }
            let code = parts.count == 2 && PackNames.isValidLanguage(parts[0]) ? parts[0] : nil
            if parts.count == 2, parts[0] == "until" {
                guard let time = Self.localTime(parts[1]) else {
                    throw NoticeError(line: number, message: "'until' must be a date and time as 2026-12-04 18:00")
                }
                notice.until = time
                continue
            }
            let said = TerminalSafety.clean(code == nil ? line : parts[1])
            guard !said.isEmpty else { throw NoticeError(line: number, message: "the notice has no text") }
            guard Self.fitsOverThePage(said) else {
                throw NoticeError(line: number, message: "the notice is too long to show over the page; at most \(Self.limit) fit")
            }
            if let code {
                guard notice.byLanguage[code] == nil else { throw NoticeError(line: number, message: "'\(code)' is given twice") }
                notice.byLanguage[code] = said
            } else {
                guard notice.forEveryone == nil else {
                    throw NoticeError(line: number, message: "only one line may be for every language; start the others with a language code, as 'en: …'")
                }
                notice.forEveryone = said
            }
            any = true
        }
        guard any else { return nil }
        self = notice
    }

    /// `YYYY-MM-DD HH:MM`; the weekday is not needed to compare, so it is left at 1.
    static func localTime(_ text: String) -> LocalTime? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let minute = OpeningHours.minute(of: parts[1]), minute < 1440 else { return nil }
        let date = parts[0].split(separator: "-", omittingEmptySubsequences: false)
        guard date.count == 3, date.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(date[0]), let month = Int(date[1]), let day = Int(date[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return LocalTime(year: year, month: month, day: day, weekday: 1, hour: minute / 60, minute: minute % 60)
    }
}

/// A line of the notice file the kiosk cannot take.
public struct NoticeError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public var description: String { "line \(line): \(message)" }
}
