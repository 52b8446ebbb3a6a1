/// The kiosk's own words, by name: the `msgctxt` of each entry in a pack's message catalogues
/// (`Messages/<language>.po`). The text itself, in every language, is the catalogues'; the
/// code knows only what it needs to use a message and to report a catalogue that is wrong:
/// its name, how many arguments it takes, whether it has plural forms, and the columns its
/// place on an 80-column screen leaves it.
public enum Message: String, CaseIterable, Sendable {
    // The welcome and the language.
    case begin, pressEnter, welcomeDemonstrationRecords, welcomeHowTo, welcomeHowToPlain
    case chooseLanguage, languageTitle, languageName
    // The choice of tour.
    case chooseTour, tourMinutes, tourAge, notOnYourTour
    // The search line.
    case searchChoice, searchTitle, searchField, searchHowTo, searchHowToPlain, searchNothing, searchMore
    // The tour's advisory, a hall's page, an exhibit's page.
    case advisoryTitle, advisoryEachHall, continueTour
    case readMore, inThisHall, walkOn, sources, advisoryNote, machineTranslation, notTranslated
    case objectNumber, objectName, date, maker, materials, dimensions, creditLine, rights, record
    case demonstrationRecord, collectionRecord, recordHeading, exhibitPosition, stop
    case mapTitle, youAreHere, mapHint
    case endTitle, endText, endRemembrance, startAgain
    case enlarge, enlargeSize, shrink, shrinkSize
    // Help, the footer and the key hints.
    case helpTitle, helpClose, keyNext, keyPrevious, keySelect, keyPage, keyOpen, keyBack, keyMap
    case keyStop, keyLanguage, keyHelp, keyQuit, keyStepOut, keyRejoin, keyPause, keyWaitForEveryone, keySearch
    case keyNameEnter, keyNameEscape, keyNameBackspace, keyNamePageUp, keyNamePageDown, keyNameDigits, keyNameWords
    case footerNext, footerPrevious, footerChoose, footerOpen, footerBack, footerMap, footerHelp
    case footerLanguage, footerQuit, footerStepOut, footerSearch
    case typingStop, noSuchStop, firstStop, noSuchChoice
    // Care for the visitor.
    case textAlternative, graphicHidden, showGraphic
    case beforeYouEnter, hallIncludes, enterHall, turnBack
    case stepOutHint, stepOutHintPlain, quietTitle, quietText, quietSupport, returnToTour
    // The public kiosk.
    case staffExitTitle, staffExitHowTo, staffPIN, wrongPIN, staffExitLocked, outOfOrder
    case attractPress, idleTitle, idleCountdown, idleContinue, demoBanner
    // The book of remembrance.
    case writeInBook, readBook, bookTitle, bookStatement, bookWords, bookName, bookPlace, bookCount
    case bookSave, bookLeave, bookReturn, bookSaving, bookSaved, bookNotSaved, bookNoWords, bookLeaveConfirm
    case bookIdleDiscards, bookOpening, bookUnreadable, bookEmpty, bookNewer, bookOlder, bookPlainPrompt
    // The museum's day: opening hours and commemorations.
    case museumClosed, opensToday, opensMonday, opensTuesday, opensWednesday, opensThursday, opensFriday
    case opensSaturday, opensSunday, closingSoon, silenceTitle
    // The line-by-line mode (--plain).
    case plainPrompt, plainUnknown, plainCommands, plainChoose, plainGo, plainRepeat, plainSearch
    // A session that closes itself.
    case closedTitle, closedIdle, closedTimeLimit, closedComeBack
    case warnIdle, warnIdleStay, warnIdleStayPlain, warnTimeLimit
    // Group tours.
    case groupCodeIs, groupCodeHowTo, joinGroup, joinGroupHowTo, groupCode, noSuchGroup, joiningGroup
    case joinGroupBack, takeBackGroup, startGroup
    case barGroup, barHere, barWaiting, barFollowingGuide, barAskPause
    case barPauseAsked, barWithdrawPause, barSteppedAway, barBackToGuide, barGettingReady, barContinueToJoin
    case barGuideLost, barWaitingForGuide, barGuideEnded, barGuideDidNotReturn, barGoOnAlone
    case barChooseGroup, barNotEveryoneHere, barPressAgain, barCannotOpen, barChooseAgain
    case tooManyJoinAttempts, barConnecting
    case barAtDoor, barSteppedOut, barReadingAdvisory, barElsewhere, barPauseBy, barHeldForPause
    case keyShowGroup, rosterTitle, rosterEmpty, visitorNumber, rosterHere, rosterAtDoor, rosterSteppedOut
    case rosterReadingAdvisory, rosterAtStop, rosterAtEnd, rosterGone, rosterOnTheirOwn, rosterPause, rosterMinutes
    case joinGroupName, groupName, joinGroupNameBack
    case keyHandOver, handOverTitle, handOverHowTo, handOverKeys, barHandingOver
    case keyGather, barEveryoneCalled, barGuideCalls, barGoThere, plainGuideMoved, plainGuideAtEnd
    case endGroupTitle, endGroupHowTo, closingWords, endGroupKeys, groupEndedTitle, guideSaid, walkOnAlone

    /// How many arguments (`{0}`, `{1}`…) every translation must use.
    public var arguments: Int {
        switch self {
        case .exhibitPosition: return 3
        case .bookCount, .barHere, .barNotEveryoneHere, .plainGuideMoved: return 2
        case .stepOutHint, .stepOutHintPlain, .noSuchStop, .typingStop, .noSuchChoice, .enlargeSize, .shrinkSize, .plainUnknown,
             .idleCountdown, .warnIdle, .warnTimeLimit, .groupCodeIs, .noSuchGroup, .joiningGroup, .takeBackGroup,
             .barGroup, .barGettingReady, .barAtDoor, .barSteppedOut, .barReadingAdvisory, .barElsewhere, .barPauseBy,
             .barHeldForPause, .barEveryoneCalled, .barGuideCalls, .visitorNumber, .handOverHowTo, .rosterAtDoor, .rosterAtStop, .rosterMinutes,
             .opensToday, .opensMonday, .opensTuesday, .opensWednesday, .opensThursday, .opensFriday, .opensSaturday,
             .opensSunday, .closingSoon, .tooManyJoinAttempts, .barConnecting, .tourMinutes, .tourAge, .searchNothing, .searchMore:
            return 1
        default: return 0
        }
    }

    /// Messages with plural forms (`msgid_plural`, `msgstr[n]`): the number in `{0}` chooses the
    /// form by the catalogue's `Plural-Forms`, as "1 секунду", "3 секунды", "5 секунд".
    public var isPlural: Bool {
        switch self {
        case .idleCountdown, .warnIdle, .warnTimeLimit, .closingSoon, .tourMinutes, .tourAge, .searchMore: return true
        default: return false
        }
    }

    /// The columns the message's place leaves it at 80 columns, its arguments filled in; nil
    /// where it wraps into as many lines as it needs (a paragraph).
    public var columns: Int? {
        switch self {
        case .footerNext, .footerPrevious, .footerChoose, .footerOpen, .footerBack, .footerMap, .footerHelp,
             .footerLanguage, .footerQuit, .footerStepOut, .footerSearch:
            return 14
        case .keyNameEnter, .keyNameEscape, .keyNameBackspace, .keyNamePageUp, .keyNamePageDown, .keyNameDigits, .keyNameWords:
            return 10
        case .mapHint:
            // Under the drawn map, which a two-hall-wide floor leaves 64 columns at 80.
            return 64
        case .languageName, .objectNumber, .objectName, .date, .maker, .materials, .dimensions, .creditLine, .rights,
             .record, .textAlternative, .staffPIN, .groupCode, .advisoryNote, .stop, .bookWords, .searchField, .notOnYourTour,
             .groupName, .closingWords:
            return 24
        case .keyNext, .keyPrevious, .keySelect, .keyPage, .keyOpen, .keyBack, .keyMap, .keyStop, .keyLanguage, .keyHelp,
             .keyQuit, .keyStepOut, .keyRejoin, .keyPause, .keyWaitForEveryone, .keyShowGroup, .keyGather, .keyHandOver,
             .plainChoose, .plainGo, .plainRepeat, .keySearch, .plainSearch:
            return 56
        case .begin, .continueTour, .readMore, .startAgain, .enterHall, .turnBack, .showGraphic, .returnToTour,
             .joinGroup, .takeBackGroup, .startGroup, .writeInBook, .readBook, .bookSave, .bookLeave, .bookReturn,
             .bookNewer, .bookOlder, .searchChoice, .tourMinutes, .tourAge, .walkOnAlone:
            return 66
        case .barGroup, .barHere, .barWaiting, .barFollowingGuide, .barAskPause,
             .barPauseAsked, .barWithdrawPause, .barSteppedAway, .barBackToGuide, .barGettingReady, .barContinueToJoin,
             .barGuideLost, .barWaitingForGuide, .barGuideEnded, .barGuideDidNotReturn, .barGoOnAlone, .barChooseGroup,
             .barNotEveryoneHere, .barPressAgain, .barCannotOpen, .barChooseAgain, .warnIdleStay, .warnIdleStayPlain,
             .barConnecting, .bookIdleDiscards, .barAtDoor, .barSteppedOut, .barReadingAdvisory, .barElsewhere,
             .barPauseBy, .barHeldForPause, .joinGroupNameBack, .endGroupKeys,
             .barEveryoneCalled, .barGuideCalls, .barGoThere, .handOverKeys, .barHandingOver:
            return 70
        case .visitorNumber, .rosterHere, .rosterAtDoor, .rosterSteppedOut, .rosterReadingAdvisory, .rosterAtStop, .rosterAtEnd,
             .rosterGone, .rosterOnTheirOwn, .rosterPause, .rosterMinutes:
            // A part of a roster line, beside a name and the others.
            return 32
        case .advisoryTitle, .inThisHall, .walkOn, .sources, .recordHeading, .mapTitle, .endTitle, .helpTitle,
             .beforeYouEnter, .quietTitle, .staffExitTitle, .idleTitle, .closedTitle, .chooseLanguage, .languageTitle,
             .plainCommands, .museumClosed, .silenceTitle, .closingSoon, .bookTitle, .chooseTour, .searchTitle, .rosterTitle,
             .endGroupTitle, .handOverTitle, .groupEndedTitle:
            // closingSoon: over the page, in the header's rows (StaffNotice.fitsOverThePage).
            return 72
        case .typingStop, .noSuchStop, .firstStop, .noSuchChoice, .wrongPIN, .staffExitLocked, .demoBanner,
             .warnIdle, .warnTimeLimit, .bookNoWords, .bookLeaveConfirm:
            return 76
        default:
            return nil
        }
    }
}
