/// A day the pack marks on every screen (`commemorations:` in tour.yaml): a line over every
/// screen all that day, and a silence that takes the whole screen at a time of day, as the
/// minute of silence at 17:00 on 26 February for Khojaly.
public struct Commemoration: Equatable, Sendable {
    public var month: Int
    public var day: Int
    /// A line over every screen all day.
    public var notice: LocalizedText?
    public var silence: Silence?

    public init(month: Int, day: Int, notice: LocalizedText? = nil, silence: Silence? = nil) {
        self.month = month
        self.day = day
        self.notice = notice
        self.silence = silence
    }

    /// A time when the screen shows only the silence's text, and keys wait.
    public struct Silence: Equatable, Sendable {
        /// Minutes of the day it starts at, local time.
        public var start: Int
        public var minutes: Int
        /// Its heading; nil: the kiosk's own (`Message.silenceTitle`), for a silence of a minute.
        public var title: LocalizedText?
        public var text: LocalizedText

        public init(start: Int, minutes: Int, title: LocalizedText? = nil, text: LocalizedText) {
            self.start = start
            self.minutes = minutes
            self.title = title
            self.text = text
        }

        public var span: Range<Int> { start..<(start + minutes) }
    }

    public func falls(on time: LocalTime) -> Bool { time.month == month && time.day == day }
}
