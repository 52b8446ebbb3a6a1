/// When a code fixed in advance may open its group (`--code-window 14:45-16:30`): a tour booked
/// for 15:00 is announced with its code, and the code opens a group only around that time.
/// Minutes of the local day; a window may not cross midnight (a museum is closed then).
public struct CodeWindow: Hashable, Sendable, CustomStringConvertible {
    public var opens: Int
    public var closes: Int

    /// "14:45-16:30", or nil when it is not a window of one day.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let opens = Self.minutes(parts[0]), let closes = Self.minutes(parts[1]), opens < closes else { return nil }
        self.opens = opens
        self.closes = closes
    }

    private static func minutes(_ text: Substring) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return hour * 60 + minute
    }

    public func contains(_ time: LocalTime) -> Bool {
        (opens..<closes).contains(time.hour * 60 + time.minute)
    }

    public var description: String {
        func clock(_ minutes: Int) -> String {
            let minute = minutes % 60
            return "\(minutes / 60):\(minute < 10 ? "0" : "")\(minute)"
        }
        return "\(clock(opens))-\(clock(closes))"
    }
}
