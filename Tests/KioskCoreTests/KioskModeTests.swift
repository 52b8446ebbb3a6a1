import Testing
@testable import KioskCore

/// A moment on the fake clock, in seconds from the tests' start. The start is not the clock's
/// zero, so a time counted from zero where it should be counted from a visit's start is caught.
func at(_ seconds: Double) -> Instant { Instant(milliseconds: 10_000 + Int64((seconds * 1000).rounded())) }

extension Visit {
    /// Moves the fake clock to `seconds`, as the session's tick would.
    mutating func tick(_ seconds: Double) {
        send(.tick(at(seconds)))
    }
}

/// Kiosks of the small pack: 120 s to the warning, 20 s of countdown, as by default.
enum Kiosks {
    static let staffPIN = "2468"
    static let standing = Tour(pack: TestPacks.small, kiosk: KioskSettings(isKiosk: true, hasStaffPIN: true))
    static let withoutPIN = Tour(pack: TestPacks.small, kiosk: KioskSettings(isKiosk: true))
    static let booth = Tour(pack: TestPacks.small, kiosk: KioskSettings(demoWordsPerMinute: 160))

    /// A kiosk woken by a key at `seconds`, its visitor at the welcome.
    static func woken(_ tour: Tour = standing, at seconds: Double = 0, language: String? = nil, doorsRead: Bool = true) -> Visit {
        var visit = Visit(tour: tour, language: language, doorsRead: doorsRead)
        visit.tick(seconds)
        visit.press(.character(" "))
        return visit
    }
}

extension Visit {
    /// Answers a PIN check the last event asked for, as the runtime would: the typed PIN
    /// against `Kiosks.staffPIN`.
    mutating func answerPINCheck() {
        guard case .checkStaffPIN(let typed)? = effects.first(where: { if case .checkStaffPIN = $0 { true } else { false } })
        else {
            Issue.record("no PIN check was asked for: \(effects)")
            return
        }
        send(.staffPINChecked(matches: typed == Kiosks.staffPIN))
    }
}

@Suite struct AttractLoopTests {
    @Test func aKioskRestsAtTheAttractLoopUntilAKeyWhichIsUsedUp() {
        var visit = Visit(tour: Kiosks.standing, language: nil)
        #expect(visit.state.visit.attention.control == .attract(since: at(0)), "from the session's start")
        #expect(Kiosks.standing.nextDeadline(visit.state) == at(6), "the next language")
        #expect(visit.effects == [], "nobody's visit yet")
        visit.tick(4)
        visit.press(.character("n"))
        #expect(visit.state.visit.attention.control == .visitor)
        #expect(visit.effects == [.record(.began(language: "en")), .record(.showing(.welcome))])
        #expect(visit.kind == .chooseLanguage, "the waking key does nothing else")
        #expect(visit.state.visit.attention.lastActivity == at(4))
    }

    /// One invitation, then the tour: the waking key leads to the choice of language, with the
    /// language the loop was showing chosen, and from there to the welcome in it. Never a
    /// second "press to begin".
    @Test func theWakingKeyOffersTheLanguageTheLoopWasShowing() {
        var visit = Visit(tour: Kiosks.standing, language: nil)
        visit.tick(7)
        #expect(Kiosks.standing.attractLanguage(visit.state) == "az")
        visit.press(.character(" "))
        #expect(visit.kind == .chooseLanguage)
        #expect(visit.state.visit.place.selection == 1)
        #expect(visit.state.language == "az")
        #expect(visit.effects == [.record(.began(language: "az")), .record(.showing(.welcome))])
        visit.press(.enter)
        #expect(visit.kind == .welcome, "the welcome, in the language chosen")
        #expect(visit.state.visit.languageChosen)
        let welcome = Kiosks.standing.page(for: .welcome, in: visit.state)
        #expect(!welcome.blocks.contains { $0.runs.plainText == Kiosks.standing.say(.pressEnter, "en") }, "no second invitation")
        visit.press(.enter)
        #expect(visit.kind == .tourAdvisory)
    }

    @Test func itShowsEachLanguageInTurnAndSleepsUntilTheNextChange() {
        var visit = Visit(tour: Kiosks.standing, language: nil)
        var seen: [String] = []
        for second in stride(from: 0.0, to: 36, by: 6) {
            visit.tick(second + 0.5)
            seen.append(Kiosks.standing.attractLanguage(visit.state))
        }
        #expect(seen == ["en", "az", "ru", "en", "az", "ru"])
        visit.tick(7)
        #expect(Kiosks.standing.nextDeadline(visit.state) == at(12))
    }
}

@Suite struct IdleResetTests {
    @Test func nothingShowsBeforeTheTimeout() {
        var visit = Kiosks.woken(at: 0)
        visit.tick(119.9)
        #expect(Kiosks.standing.idleCountdown(visit.state) == nil)
        #expect(Kiosks.standing.nextDeadline(visit.state) == at(120))
    }

    @Test func theWarningCountsDownEachSecond() {
        var visit = Kiosks.woken(at: 0)
        let tour = Kiosks.standing
        visit.tick(120)
        #expect(tour.idleCountdown(visit.state) == 20)
        #expect(tour.nextDeadline(visit.state) == at(121))
        visit.tick(120.5)
        #expect(tour.idleCountdown(visit.state) == 20)
        visit.tick(121)
        #expect(tour.idleCountdown(visit.state) == 19)
        #expect(tour.nextDeadline(visit.state) == at(122))
        visit.tick(139.2)
        #expect(tour.idleCountdown(visit.state) == 1)
        #expect(tour.nextDeadline(visit.state) == at(140))
        #expect(visit.kind == .chooseLanguage, "the warning covers the place, which is still there")
    }

    @Test func aKeyDuringTheWarningContinuesTheVisitAndDoesNothingElse() {
        var visit = Kiosks.woken(at: 0, language: "en")
        visit.type("110")
        visit.press(.enter)
        visit.tick(130)
        let place = visit.state.visit.place
        visit.press(.character("n"))
        #expect(visit.state.visit.place == place)
        #expect(Kiosks.standing.idleCountdown(visit.state) == nil)
        visit.tick(249.9)
        #expect(visit.state.visit.place == place)
        #expect(Kiosks.standing.nextDeadline(visit.state) == at(250))
    }

    @Test func atZeroEverythingTheVisitorChoseIsForgotten() {
        var visit = Kiosks.woken(at: 0, doorsRead: false)
        // A language, a door read, a graphic exhibit shown, a place, the map open, a way back
        // from the quiet page, digits half typed.
        visit.press(.down, .down, .enter, .enter)
        visit.type("111")
        visit.press(.enter, .enter, .enter)
        #expect(visit.state.language == "ru")
        #expect(visit.state.visit.care.acknowledgedHalls == [1])
        #expect(visit.state.visit.care.revealedExhibits == [.exhibit(1, 0)])
        visit.press(.character("m"), .character("x"))
        #expect(visit.state.visit.care.stepOut != nil)
        visit.type("12")
        visit.tick(50)
        visit.tick(190)
        var expected = TestPacks.started(Kiosks.standing, language: nil)
        expected.session.now = at(190)
        expected.visit.attention = Attention(control: .attract(since: at(190)), lastActivity: at(190))
        #expect(visit.state == expected)
        #expect(visit.effects == [.record(.ended(.idleReset)), .newVisit], "counted; and the runtime may change to a pack installed since")
    }

    @Test func aResetKeepsTheLanguageTheKioskWasStartedIn() {
        var visit = Kiosks.woken(at: 0, language: "az")
        visit.press(.character("l"), .down, .enter)
        #expect(visit.state.language == "ru")
        visit.tick(140)
        #expect(visit.state.language == "az")
        #expect(visit.state.visit.languageChosen)
        #expect(visit.state.visit.attention.control == .attract(since: at(140)))
    }

    /// A kiosk may also run with --idle-exit or --max-session, and offer group tours: those are
    /// the session's, not the visitor's, and a reset keeps them.
    @Test func aResetKeepsTheSessionsLimitsAndGroupTours() {
        var visit = Visit(tour: Kiosks.standing, language: nil,
                          config: Tour.SessionStart(idleExit: 3_600, maxSession: 7_200, groupsAvailable: true))
        visit.press(.character(" "))
        let limits = visit.state.session.limits
        #expect(limits.startedAt == at(0))
        visit.tick(200)
        #expect(visit.state.visit.attention.control == .attract(since: at(200)))
        #expect(visit.state.session.limits == limits)
        #expect(visit.state.session.groupsAvailable)
    }

    @Test func aTimeLongPastTheDeadlineResetsAtOnce() {
        var visit = Kiosks.woken(at: 0)
        visit.type("120")
        visit.press(.enter)
        visit.tick(10_000)
        #expect(visit.kind == .welcome)
        #expect(visit.state.visit.attention.control == .attract(since: at(10_000)))
    }

    @Test func aLaptopNeverResets() {
        var visit = Visit()
        visit.tick(0)
        visit.type("110")
        visit.press(.enter)
        visit.tick(100_000)
        #expect(visit.kind == .hall(1))
        #expect(visit.tour.nextDeadline(visit.state) == nil)
        #expect(visit.tour.idleCountdown(visit.state) == nil)
    }
}

@Suite struct LockdownTests {
    @Test func qDoesNotQuitAKioskAndControlKeysDoNothing() {
        var visit = Kiosks.woken(at: 0, language: "en")
        visit.type("110")
        visit.press(.enter)
        let before = visit.state
        for key: Key in [.character("q"), .character("Q"), .character("й"), .control("c"), .control("z"), .control("s"),
                         .control("q"), .control("d"), .unknown] {
            visit.press(key)
            #expect(visit.effects == [], "\(key)")
        }
        #expect(visit.state.visit.place == before.visit.place)
        #expect(visit.state.visit.overlay == nil)
    }

    @Test func helpOnAKioskOffersNoWayToQuit() {
        let visit = Kiosks.woken(at: 0, language: "en")
        let kioskHelp = Kiosks.standing.page(for: .help, in: visit.state).blocks.map(\.runs.plainText)
        let laptopHelp = TestPacks.tour.page(for: .help, in: visit.state).blocks.map(\.runs.plainText)
        #expect(!kioskHelp.contains { $0.contains("Quit") })
        #expect(laptopHelp.contains { $0.contains("Quit") })
        #expect(kioskHelp.contains { $0.hasPrefix("x") && $0.contains("quiet room") })
    }
}

@Suite struct StaffExitTests {
    func prompt(_ tour: Tour = Kiosks.standing) -> Visit {
        var visit = Kiosks.woken(tour, at: 0, language: "en")
        visit.press(.control("x"), .control("c"))
        return visit
    }

    @Test func theChordOpensThePromptAndTheRightPINEndsTheVisit() {
        var visit = prompt()
        #expect(visit.state.visit.overlay?.kind == .staffExit)
        visit.type(Kiosks.staffPIN)
        #expect(visit.state.visit.staffPrompt.entry == Kiosks.staffPIN)
        let shown = Kiosks.standing.page(for: .staffExit, in: visit.state).blocks.map(\.runs.plainText)
        #expect(shown.contains("PIN: ••••_"), "the PIN shows as dots only")
        #expect(!shown.joined().contains(Kiosks.staffPIN))
        visit.press(.enter)
        #expect(visit.effects == [.checkStaffPIN(Kiosks.staffPIN)], "the hash is the runtime's to check")
        #expect(visit.state.visit.staffPrompt.checking)
        visit.answerPINCheck()
        #expect(visit.effects == [.saveStaffLock(StaffLock()), .endSession(.staffExit), .record(.ended(.staffExit))])
        #expect(visit.state.visit.staffPrompt == StaffPrompt())
    }

    @Test func keysAtThePromptNeverReachTheTour() {
        var visit = prompt()
        visit.press(.character("n"), .character("q"), .character("x"), .character("m"), .right, .control("c"))
        #expect(visit.state.visit.overlay?.kind == .staffExit)
        #expect(visit.kind == .staffExit)
        #expect(visit.state.visit.place.kind == .welcome)
        visit.type("13")
        visit.press(.backspace)
        #expect(visit.state.visit.staffPrompt.entry == "1")
        visit.press(.escape)
        #expect(visit.state.visit.overlay == nil)
        #expect(visit.state.visit.staffPrompt.entry == "")
        #expect(visit.effects == [.record(.showing(.welcome))], "the visitor's place, uncovered")
    }

    @Test func nothingIsTypedWhileThePINIsChecked() {
        var visit = prompt()
        visit.type("1111")
        visit.press(.enter)
        let checking = visit.state
        visit.press(.enter, .character("1"), .escape)
        #expect(visit.effects == [])
        #expect(visit.state.visit == checking.visit)
    }

    @Test func anAnswerNobodyWaitsForChangesNothing() {
        var visit = prompt()
        let before = visit.state
        visit.send(.staffPINChecked(matches: true))
        #expect(visit.effects == [])
        #expect(visit.state == before)
    }

    @Test func aWrongPINKeepsThePromptOpenAndThreeLockItForAMinute() {
        var visit = prompt()
        visit.type("1111")
        visit.press(.enter)
        visit.answerPINCheck()
        #expect(visit.state.visit.notice == .wrongPIN)
        #expect(visit.state.visit.overlay?.kind == .staffExit, "open for the next try")
        #expect(visit.state.visit.staffPrompt.entry == "")
        #expect(visit.effects == [.saveStaffLock(StaffLock(failures: 1))], "kept for the next process")
        visit.type("1111")
        #expect(visit.state.visit.staffPrompt.entry == "1111", "digits typed again at once go to the prompt")
        #expect(visit.state.visit.digits == "", "never to the stop entry, for all to see")
        visit.press(.enter)
        visit.answerPINCheck()
        visit.type("1357")
        visit.press(.enter)
        visit.answerPINCheck()
        #expect(visit.state.session.staffLock.lockedUntil == at(60))
        #expect(visit.effects == [.saveStaffLock(StaffLock(failures: 0, lockedUntil: at(60))), .record(.showing(.welcome))])
        #expect(visit.state.visit.overlay == nil, "locked: the prompt closes")
        #expect(visit.state.visit.notice == .staffExitLocked)
        visit.tick(59)
        visit.press(.control("x"), .control("c"))
        #expect(visit.state.visit.overlay == nil)
        #expect(visit.state.visit.notice == .staffExitLocked)
        visit.tick(60)
        visit.press(.control("x"), .control("c"))
        #expect(visit.state.visit.overlay?.kind == .staffExit)
    }

    @Test func aResetDoesNotLiftTheLock() {
        let quick = Tour(pack: TestPacks.small, kiosk: KioskSettings(isKiosk: true, idleTimeout: 10, idleWarning: 5, hasStaffPIN: true))
        var visit = prompt(quick)
        for _ in 0..<3 {
            visit.press(.enter)
            visit.answerPINCheck()
            visit.press(.control("x"), .control("c"))
        }
        #expect(visit.state.session.staffLock.lockedUntil == at(60))
        visit.tick(20)
        #expect(visit.state.visit.attention.control == .attract(since: at(20)), "the visit was reset")
        visit.press(.control("x"), .control("c"))
        #expect(visit.state.visit.overlay == nil)
        #expect(visit.state.visit.notice == .staffExitLocked)
    }

    /// A kiosk restarted (by its service manager, however it ended) starts with the lock the
    /// process before it kept: the wrong PINs typed still count, a lock still holds.
    @Test func aLockKeptByAnEarlierProcessHolds() {
        var config = Tour.SessionStart()
        config.staffLock = StaffLock(failures: 0, lockedUntil: at(50))
        var visit = Visit(tour: Kiosks.standing, config: config)
        visit.tick(1)
        visit.press(.character(" "))
        visit.press(.control("x"), .control("c"))
        #expect(visit.state.visit.overlay == nil)
        #expect(visit.state.visit.notice == .staffExitLocked)

        config.staffLock = StaffLock(failures: 2)
        visit = Visit(tour: Kiosks.standing, config: config)
        visit.tick(1)
        visit.press(.character(" "))
        visit.press(.control("x"), .control("c"))
        visit.press(.enter)
        visit.answerPINCheck()
        #expect(visit.state.session.staffLock.lockedUntil == at(61), "the third wrong PIN, across a restart, locks")
    }

    /// A kept lock never lasts longer than a lock's full time from the start (a machine
    /// restarted starts its monotonic clock again; a file may be edited by hand).
    @Test func aKeptLockIsCutToItsFullTime() {
        #expect(StaffLock(failures: 7, lockedUntil: at(100_000)).resumed(at: at(0)) == StaffLock(failures: 2, lockedUntil: at(60)))
        #expect(StaffLock(failures: 1, lockedUntil: at(-5)).resumed(at: at(0)) == StaffLock(failures: 1))
    }

    @Test func withoutAPINTheChordDoesNothing() {
        let visit = prompt(Kiosks.withoutPIN)
        #expect(visit.state.visit.overlay == nil)
        #expect(visit.state.visit.notice == nil)
    }

    @Test func theChordWorksAtTheAttractLoop() {
        var visit = Visit(tour: Kiosks.standing, language: nil)
        visit.press(.control("x"), .control("c"))
        #expect(visit.state.visit.attention.control == .visitor)
        #expect(visit.state.visit.overlay?.kind == .staffExit)
    }

    @Test func aHalfChordIsForgottenByTheNextKeyWhichActs() {
        var visit = Kiosks.woken(at: 0, language: "en")
        visit.press(.control("x"), .character("n"))
        #expect(visit.kind == .tourAdvisory)
        visit.press(.control("c"))
        #expect(visit.state.visit.overlay == nil)
    }

    @Test func aLaptopHasNoStaffExit() {
        var visit = Visit(tour: Tour(pack: TestPacks.small, kiosk: KioskSettings(hasStaffPIN: true)))
        visit.press(.control("x"), .control("c"))
        #expect(visit.state.visit.overlay == nil)
    }
}

@Suite struct DemonstrationTests {
    @Test func theBoothReadsOnAtItsPace() {
        var visit = Visit(tour: Kiosks.booth, language: "en")
        #expect(visit.state.visit.attention.control == .demo(since: at(0)))
        let seconds = Kiosks.booth.readingSeconds(visit.state.visit, visit.state.session)
        #expect(seconds >= KioskSettings.demoMinimumSeconds)
        #expect(Kiosks.booth.nextDeadline(visit.state) == at(0).adding(seconds: seconds))
        visit.tick(seconds - 0.1)
        #expect(visit.kind == .welcome)
        visit.tick(seconds)
        #expect(visit.kind == .tourAdvisory)
        #expect(visit.state.visit.attention.control == .demo(since: at(seconds)))
    }

    /// The small pack's welcome at 80 × 24 has 44 words, counted by hand: the museum (2), the
    /// floor (2), the address (3), the demonstration records (14), how to use the keys (13),
    /// "Begin the tour" (3), "Search for a hall or an exhibit" (7). (The pack says nothing of
    /// its own on the first screen.)
    @Test(arguments: [(60, 44.0), (120, 22.0), (1_000, KioskSettings.demoMinimumSeconds)])
    func aScreenfulTakesItsWordsAtTheGivenPace(wordsPerMinute: Int, seconds: Double) {
        var visit = Visit(tour: Tour(pack: TestPacks.small, kiosk: KioskSettings(demoWordsPerMinute: wordsPerMinute)), language: "en")
        visit.tick(0)
        #expect(visit.kind == .welcome)
        #expect(visit.tour.readingSeconds(visit.state.visit, visit.state.session) == seconds)
    }

    @Test func aLongPageIsReadScreenfulByScreenful() {
        var visit = Visit(tour: Kiosks.booth, language: "en", size: TerminalSize(columns: 40, rows: 12))
        visit.tick(0)
        visit.state.visit.place = Screen(.hall(0))
        visit.tour.demoStep(&visit.state)
        #expect(visit.kind == .hall(0))
        #expect(visit.state.visit.place.scroll > 0)
    }

    @Test func itWalksTheWholeTourAndBeginsAgainWithoutShowingAGraphicExhibit() {
        var visit = Visit(tour: Kiosks.booth, language: "en", doorsRead: false)
        var seconds = 0.0
        visit.tick(seconds)
        var seen: [ScreenKind] = [visit.kind]
        for _ in 0..<60 {
            seconds += Kiosks.booth.readingSeconds(visit.state.visit, visit.state.session)
            visit.tick(seconds)
            if seen.last != visit.kind { seen.append(visit.kind) }
            #expect(visit.state.visit.care.revealedExhibits.isEmpty)
            if seen.count > 2 && visit.kind == .welcome { break }
        }
        #expect(seen == [.welcome, .tourAdvisory, .hall(0), .exhibit(0, 0),
                         .hallAdvisory(.hall(1), from: Screen(.exhibit(0, 0), scroll: 1)), .hall(1), .exhibit(1, 0),
                         .exhibit(1, 1), .hall(2), .end, .welcome])
    }

    @Test func aKeyHandsOverAndActs() {
        var visit = Visit(tour: Kiosks.booth, language: "en")
        visit.tick(0)
        visit.press(.character("n"))
        #expect(visit.state.visit.attention.control == .visitor)
        #expect(visit.kind == .tourAdvisory)
        visit.tick(60)
        #expect(visit.kind == .tourAdvisory, "the visitor has control now")
    }

    @Test func whenTheVisitorLeavesTheDemonstrationComesBack() {
        var visit = Visit(tour: Kiosks.booth, language: "en")
        visit.tick(0)
        visit.press(.character("n"))
        visit.tick(120)
        #expect(Kiosks.booth.idleCountdown(visit.state) == 20)
        visit.tick(140)
        #expect(visit.state.visit.attention.control == .demo(since: at(140)))
        #expect(visit.kind == .welcome)
    }
}
