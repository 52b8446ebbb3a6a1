/// Where a guide has led the group, named so that it means the same in every kiosk process
/// on the host: halls and exhibits by their ids in the pack, not by their place in a list.
public enum GuidePlace: Hashable, Sendable {
    case welcome
    case advisory
    /// A hall, or an exhibit in it; `more` when the longer text is open.
    case stop(hall: String, exhibit: String?, more: Bool)
    case end

    /// The same place, whichever layer of a stop's text is open.
    public var gathering: GuidePlace {
        if case .stop(let hall, let exhibit, _) = self { return .stop(hall: hall, exhibit: exhibit, more: false) }
        return self
    }

    /// A place a participant is moved to: a stop or the end. The welcome and the advisory
    /// are each visitor's own.
    public var leads: Bool {
        switch self {
        case .stop, .end: return true
        case .welcome, .advisory: return false
        }
    }
}

/// Where a participant's page is, beyond the place: at a hall's door (the place is the stop
/// behind it, not yet entered), or stepped out to the quiet room (no place the group shares).
public enum ParticipantSpot: Hashable, Sendable {
    case page
    case door
    case steppedOut
}

/// What a participant tells the guide's kiosk: where they are, whether they follow, and the
/// first name they gave, if any. No address: the guide sees a name or "Visitor 3".
public struct ParticipantStatus: Hashable, Sendable {
    public var place: GuidePlace?
    public var following: Bool
    public var pause: Bool
    public var spot: ParticipantSpot
    /// Cleaned like pack text (`GroupVisit.cleanName`), by the participant and by the guide.
    public var name: String?

    public init(place: GuidePlace?, following: Bool, pause: Bool, spot: ParticipantSpot = .page, name: String? = nil) {
        self.place = place
        self.following = following
        self.pause = pause
        self.spot = spot
        self.name = name
    }
}

/// Where a participant is, as the guide sees it: each participant is in exactly one of these,
/// so the counts of the status line and the lines of the roster add up.
public enum Whereabouts: Hashable, Sendable {
    /// At the guide's stop, inside.
    case here
    /// At the door of a hall (the stop they are about to enter), reading its advisories.
    case atDoor(GuidePlace?)
    /// In the quiet room.
    case steppedOut
    /// At the welcome or the tour's advisory, not yet at a stop.
    case gettingReady
    /// At another stop, or the end of the tour.
    case elsewhere(GuidePlace?)
    /// Left the group, or their connection dropped.
    case gone
}

/// One participant as the guide's roster shows them.
public struct GroupMember: Hashable, Sendable {
    /// Given in the order they joined: "Visitor 3" when they gave no name.
    public var number: Int
    public var name: String?
    public var whereabouts: Whereabouts
    /// Since when they have been where they are.
    public var since: Instant
    public var following: Bool
    public var pause: Bool

    public init(number: Int, name: String?, whereabouts: Whereabouts, since: Instant, following: Bool, pause: Bool) {
        self.number = number
        self.name = name
        self.whereabouts = whereabouts
        self.since = since
        self.following = following
        self.pause = pause
    }
}

/// What a guide sees of the group: how many participants are where, each counted once.
public struct GroupCounts: Hashable, Sendable {
    /// Participants in the group now (not those gone).
    public var participants: Int
    public var following: Int
    /// At the guide's stop.
    public var here: Int
    /// Asking for a pause, wherever they are.
    public var pauses: Int
    /// Connections that have not yet said where they are (a participant's kiosk does at once;
    /// one that stays silent is let go after a few seconds). Not counted as participants.
    public var connecting: Int
    public var atDoor: Int
    public var steppedOut: Int
    public var gettingReady: Int
    public var elsewhere: Int

    public init(participants: Int = 0, following: Int = 0, here: Int = 0, pauses: Int = 0, connecting: Int = 0,
                atDoor: Int = 0, steppedOut: Int = 0, gettingReady: Int = 0, elsewhere: Int = 0) {
        self.participants = participants
        self.following = following
        self.here = here
        self.pauses = pauses
        self.connecting = connecting
        self.atDoor = atDoor
        self.steppedOut = steppedOut
        self.gettingReady = gettingReady
        self.elsewhere = elsewhere
    }

    /// Everyone is at the guide's stop and nobody asked for a pause.
    public var everyoneReady: Bool { here >= participants && pauses == 0 }
}

/// A group whose guide's connection dropped less than a minute ago: a guide may take it back.
public struct OrphanGroup: Hashable, Sendable {
    public var code: String
    public var place: GuidePlace

    public init(code: String, place: GuidePlace) {
        self.code = code
        self.place = place
    }
}

/// How a participant goes along with the guide.
public enum Following: Hashable, Sendable {
    /// Just joined: reading the tour's advisory (and choosing a language) before following.
    case gettingReady
    case following
    /// Looking around alone; `g` goes back to the guide.
    case away
}

/// A visitor in a guide's group.
public struct Participation: Hashable, Sendable {
    public var code: String
    public var following: Following = .gettingReady
    /// Where the guide is, as last heard.
    public var guidePlace: GuidePlace?
    public var pause = false
    /// The first name given when joining, cleaned; nil for "Visitor 3".
    public var name: String?
    /// The guide asked everyone to their place, and this participant, looking around alone,
    /// has not come yet.
    public var call: GuidePlace?
    /// The guide said they are handing the group to a colleague, who has not yet come.
    public var handingOver = false
    /// The connection to the guide dropped at this time; the group waits for them a minute.
    public var guideLostAt: Instant?

    public init(code: String) {
        self.code = code
    }
}

/// A guide leading a group.
public struct Leadership: Hashable, Sendable {
    /// The group's join code once it is open.
    public var code: String?
    /// Groups that lost their guide a moment ago, offered before a new group is opened.
    public var orphans: [OrphanGroup]
    /// What the guide asked the session to open (a new group, or one to take back); nil once
    /// it is open, or while the guide chooses among the orphans.
    public var opening: GroupOpening?
    public var counts = GroupCounts()
    /// Everyone who is or was in the group, in the order they joined.
    public var members: [GroupMember] = []
    /// Moving on waits until everyone is here and nobody asked for a pause.
    public var waitForEveryone = false

    public init(orphans: [OrphanGroup]) {
        self.orphans = orphans
        opening = orphans.isEmpty ? .new : nil
    }
}

/// A group the session is asked to open.
public enum GroupOpening: Hashable, Sendable {
    case new
    case takeBack(OrphanGroup)
    /// A code fixed in advance (`--code`): a new group with it, or this account's own group
    /// with it taken back, should its guide have dropped a moment ago.
    case fixed(String)
}

/// Why a visitor's group is over.
public enum GroupEnding: Hashable, Sendable {
    case guideEnded
    case guideDidNotReturn
}

/// A visitor's part in a group tour.
public enum GroupRole: Hashable, Sendable {
    case none
    /// Asked to join the group with this code; the session is connecting.
    case joining(String)
    case participant(Participation)
    case guide(Leadership)
    case ended(GroupEnding)
}

/// A short message about the group until the next key: in the status line, or on the join
/// screen for a code that found no group.
public enum GroupNotice: Hashable, Sendable {
    /// The guide's move waits: not everyone is here, or someone asked for a pause (the
    /// status line says which, from the counts as they are now). The same move again goes
    /// anyway.
    case notEveryoneHere
    case noSuchGroup(String)
    /// Too many wrong codes: the next try may be made in so many seconds.
    case tooManyJoinAttempts(Int)
    case cannotOpen
    case alreadyFollowing
    /// The guide asked everyone to come to this stop.
    case everyoneCalled(Int)
}

/// Everything about group tours in one visit. (Whether groups can be joined here at all is
/// the session's: `SessionState.groupsAvailable`.)
public struct GroupVisit: Hashable, Sendable {
    public var role = GroupRole.none
    /// A join code being typed.
    public var typedCode = ""
    /// The code is typed; the first name is being typed (empty: "Visitor 3").
    public var namingStep = false
    public var typedName = ""
    /// A guide's closing words being typed, or the words a participant's guide ended with.
    public var closingWords = ""
    public var notice: GroupNotice?
    /// A guide's move held back by waiting for everyone: the same move again goes anyway.
    public var heldMove: TourEvent?

    public init() {}

    /// Join codes are six digits: typed the same on any keyboard layout.
    public static let codeLength = 6

    public static func isCode(_ text: String) -> Bool {
        text.count == codeLength && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A code as shown: "482 913".
    public static func display(_ code: String) -> String {
        guard code.count > 3 else { return code }
        return String(code.prefix(3)) + " " + String(code.dropFirst(3))
    }

    /// The longest first name: so many characters, and so many bytes (a letter with a
    /// stack of combining marks is one character): a name, not a message.
    public static let nameLength = 20
    static let nameBytes = 64
    /// The longest closing words of a guide: a few sentences, well within a message's 512 bytes.
    public static let closingLength = 160
    static let closingBytes = 320

    /// A name as typed, made safe to show on the guide's terminal (`cleaned`); nil when nothing
    /// is left.
    public static func cleanName(_ typed: String) -> String? {
        cleaned(typed, characters: nameLength, bytes: nameBytes)
    }

    /// A guide's closing words, made safe to show on every participant's terminal.
    public static func cleanClosingWords(_ typed: String) -> String? {
        cleaned(typed, characters: closingLength, bytes: closingBytes)
    }

    /// Text one visitor typed for another's screen, cleaned like pack text (no control,
    /// bidirectional or invisible characters), spaces collapsed, at most so many characters
    /// and bytes; nil when nothing is left.
    static func cleaned(_ typed: String, characters: Int, bytes limit: Int) -> String? {
        let words = TerminalSafety.clean(String(typed.prefix(characters * 4))).split(whereSeparator: \.isWhitespace)
        var text = ""
        var bytes = 0
        for character in words.joined(separator: " ").prefix(characters) {
            bytes += character.utf8.count
            guard bytes <= limit else { break }
            text.append(character)
        }
        return text.isEmpty ? nil : text
    }

    public var participation: Participation? {
        if case .participant(let participation) = role { return participation }
        return nil
    }

    public var leadership: Leadership? {
        if case .guide(let leadership) = role { return leadership }
        return nil
    }
}

extension GroupEvent {
    /// The guide ended the group, with words or without.
    public var endsTheGroup: Bool {
        switch self {
        case .groupEnded, .farewell: return true
        default: return false
        }
    }
}

/// How a session starts in a group tour (`--lead`, `--join`).
public enum GroupStart: Hashable, Sendable {
    /// Lead a group: take back one of these groups whose guide dropped, or open a new one.
    case lead(orphans: [OrphanGroup])
    case join(String)
    /// Lead the group with a code fixed in advance (`--lead --code 150301`).
    case leadWithCode(String)
}

/// What the group needs from the session's sockets: the tour only asks (`TourEffect.group`),
/// the runtime does it and answers with `GroupEvent`s.
public enum GroupRequest: Hashable, Sendable {
    /// Connect to the guide of this group; answered by `.joined` or `.noSuchGroup`.
    case join(String)
    /// Open a group; answered by `.opened` or `.cannotOpen`.
    case open(GroupOpening)
    /// A participant tells the guide where they are and whether they follow.
    case report(ParticipantStatus)
    /// A guide tells the group where they are.
    case announce(GuidePlace)
    /// A guide tells the group the tour they chose for it, by its id.
    case announceTour(String)
    /// A guide tells the group which block of a stop's page is at the top of their screen.
    case announceReading(Int)
    /// A guide asks everyone to come where they are.
    case gather(GuidePlace)
    /// The visitor is no longer in the group they followed: the connection closes.
    case leave
    /// The guide ends the group for everyone.
    case end
    /// The guide ends the group for everyone, with a few closing words.
    case farewell(String)
    /// The guide leaves the group for a colleague to take back: the participants are told,
    /// and the group waits as for a guide whose connection dropped.
    case handOver
}

/// What the session's sockets tell the tour.
public enum GroupEvent: Hashable, Sendable {
    // A participant's kiosk.
    case joined(String)
    case noSuchGroup(String)
    /// Too many wrong codes: the try was not made; the next may be made in `seconds`.
    case tooManyJoinAttempts(String, seconds: Int)
    case guideMoved(GuidePlace)
    /// The guide scrolled their stop's page: the block at the top of their screen.
    case guideReading(Int)
    /// The guide chose a tour for the group, by its id in the pack.
    case guideChoseTour(String)
    /// The guide asks everyone to come to their place.
    case gathered(GuidePlace)
    /// The guide is handing the group to a colleague.
    case handingOver
    /// The connection to the guide dropped without a goodbye.
    case guideLost
    case guideBack
    /// The guide ended the group.
    case groupEnded
    /// The guide ended the group with a few closing words (cleaned).
    case farewell(String)
    // A guide's kiosk.
    case opened(String)
    /// The group with a code fixed in advance was this guide's own, left a moment ago: taken
    /// back, at the place it was.
    case resumed(OrphanGroup)
    case cannotOpen
    /// The group's counts, and who is in it and where: one tally, so the two agree.
    case counts(GroupCounts, members: [GroupMember] = [])
}
