/// The kiosk's own words, in each language it ships with. A pack's languages beyond these
/// fall back to English, as all text does.
public enum UIText: String, CaseIterable, Sendable {
    case begin, pressEnter, welcomeSimulation, welcomeDemonstrationRecords, welcomeHowTo
    case chooseLanguage, languageTitle
    case advisoryTitle, advisoryIntro, advisoryAge, advisoryEachHall, continueTour
    case readMore, inThisHall, walkOn, sources, advisoryNote, machineTranslation, notTranslated
    case objectNumber, objectName, date, maker, materials, dimensions, creditLine, rights, record
    case demonstrationRecord, collectionRecord, recordHeading, stop
    case mapTitle, youAreHere, mapHint
    case helpTitle, helpClose, keyNext, keyPrevious, keySelect, keyPage, keyOpen, keyBack, keyMap
    case keyStop, keyLanguage, keyHelp, keyQuit
    case footerNext, footerPrevious, footerChoose, footerOpen, footerBack, footerMap, footerHelp
    case footerLanguage, footerQuit
    case typingStop, noSuchStop, firstStop
    case endTitle, endText, endRemembrance, startAgain, exhibitPosition
    case enlarge, enlargeSize
    // The public kiosk and care for the visitor.
    case textAlternative, graphicHidden, showGraphic
    case beforeYouEnter, hallIncludes, enterHall, turnBack
    case stepOutHint, quietTitle, quietText, quietSupport, returnToTour, keyStepOut, footerStepOut
    case staffExitTitle, staffExitHowTo, staffPIN, wrongPIN, staffExitLocked
    case attractPress, idleTitle, idleCountdown, idleContinue, demoBanner
    // The line-by-line mode (--plain).
    case noSuchChoice, plainPrompt, plainUnknown, plainCommands, plainChoose, plainGo, plainRepeat
    case closedTitle, closedIdle, closedTimeLimit, closedComeBack, warnIdle, warnTimeLimit
    case groupCodeIs, groupCodeHowTo, joinGroup, joinGroupHowTo, groupCode, noSuchGroup, joiningGroup
    case joinGroupBack, takeBackGroup, startGroup, keyRejoin, keyPause, keyWaitForEveryone
    case barGroup, barFollowers, barHere, barPauses, barWaiting, barFollowingGuide, barAskPause
    case barPauseAsked, barSteppedAway, barGettingReady, barGuideLost, barGuideEnded
    case barGuideDidNotReturn, barChooseGroup, barNotEveryoneHere, barCannotOpen

    /// Languages with a full set of the kiosk's words.
    public static let languages = ["en", "az", "ru"]

    /// The text in `language`, else English; `{0}`, `{1}`… replaced by the arguments in turn.
    public func text(_ language: String, _ arguments: String...) -> String {
        let table = UIText.table[self] ?? [:]
        var text = table[language] ?? table["en"] ?? rawValue
        for (index, argument) in arguments.enumerated() { text = text.replacing("{\(index)}", with: argument) }
        return text
    }

    /// Whether the kiosk has this text in `language` (for the coverage table).
    public func isTranslated(into language: String) -> Bool { UIText.table[self]?[language] != nil }

    // Translations into az and ru are machine translations, not yet reviewed by a fluent
    // speaker (see docs/content-pack.md).
    static let table: [UIText: [String: String]] = [
        .begin: ["en": "Begin the tour", "az": "Turu başla", "ru": "Начать экскурсию"],
        .pressEnter: ["en": "Press Enter to begin", "az": "Başlamaq üçün Enter düyməsini basın",
                      "ru": "Нажмите Enter, чтобы начать"],
        .welcomeSimulation: [
            "en": "A simulation of the museum's halls, to read at this terminal.",
            "az": "Muzeyin zallarının bu terminalda oxumaq üçün simulyasiyası.",
            "ru": "Симуляция залов музея для чтения на этом терминале."],
        .welcomeDemonstrationRecords: [
            "en": "The records of objects shown here are demonstration records, not the museum's own catalogue.",
            "az": "Burada göstərilən əşya qeydləri nümayiş qeydləridir, muzeyin öz kataloqu deyil.",
            "ru": "Описания предметов здесь — демонстрационные записи, а не каталог музея."],
        .welcomeHowTo: [
            "en": "Use the arrow keys and Enter. Press ? at any time for help.",
            "az": "Ox düymələrindən və Enter düyməsindən istifadə edin. Kömək üçün istənilən vaxt ? düyməsini basın.",
            "ru": "Пользуйтесь клавишами со стрелками и Enter. Нажмите ? в любой момент, чтобы получить помощь."],
        .chooseLanguage: ["en": "Choose a language", "az": "Dil seçin", "ru": "Выберите язык"],
        .languageTitle: ["en": "Language", "az": "Dil", "ru": "Язык"],
        .advisoryTitle: ["en": "Before you begin", "az": "Başlamazdan əvvəl", "ru": "Прежде чем начать"],
        .advisoryIntro: [
            "en": "This floor tells of the killing, deportation and expulsion of civilians. Some halls include:",
            "az": "Bu mərtəbə dinc əhalinin öldürülməsindən, deportasiyasından və qovulmasından bəhs edir. Bəzi zallarda bunlar var:",
            "ru": "Этот этаж рассказывает об убийствах, депортации и изгнании мирных жителей. В некоторых залах:"],
        .advisoryAge: [
            "en": "We suggest that visitors under 12 take the tour with an adult.",
            "az": "12 yaşdan kiçik ziyarətçilərə turu böyüklərlə birlikdə keçməyi tövsiyə edirik.",
            "ru": "Посетителям младше 12 лет мы советуем проходить экскурсию вместе со взрослыми."],
        .advisoryEachHall: [
            "en": "Each hall names its difficult material before you read it. You may stop or leave at any time.",
            "az": "Hər zal ağır materialı oxumazdan əvvəl onu bildirir. İstənilən vaxt dayana və ya çıxa bilərsiniz.",
            "ru": "Каждый зал заранее предупреждает о тяжёлых материалах. Вы можете остановиться или выйти в любой момент."],
        .continueTour: ["en": "Continue", "az": "Davam et", "ru": "Продолжить"],
        .readMore: ["en": "Read more", "az": "Ətraflı oxu", "ru": "Читать дальше"],
        .inThisHall: ["en": "In this hall", "az": "Bu zalda", "ru": "В этом зале"],
        .walkOn: ["en": "Walk to a neighbouring hall", "az": "Qonşu zala keçin", "ru": "Перейти в соседний зал"],
        .sources: ["en": "Sources", "az": "Mənbələr", "ru": "Источники"],
        .recordHeading: ["en": "Catalogue record", "az": "Kataloq qeydi", "ru": "Каталожная запись"],
        .advisoryNote: ["en": "Advisory:", "az": "Xəbərdarlıq:", "ru": "Предупреждение:"],
        .machineTranslation: [
            "en": "Machine translation, not yet reviewed.",
            "az": "Maşın tərcüməsi, hələ yoxlanılmayıb.",
            "ru": "Машинный перевод, ещё не проверен."],
        .notTranslated: [
            "en": "Not yet translated: shown in the original language.",
            "az": "Hələ tərcümə olunmayıb: orijinal dildə göstərilir.",
            "ru": "Ещё не переведено: показано на языке оригинала."],
        .objectNumber: ["en": "Object number", "az": "Eksponat nömrəsi", "ru": "Инвентарный номер"],
        .objectName: ["en": "Object", "az": "Əşya", "ru": "Предмет"],
        .date: ["en": "Date", "az": "Tarix", "ru": "Дата"],
        .maker: ["en": "Maker", "az": "Müəllif", "ru": "Автор"],
        .materials: ["en": "Materials", "az": "Materiallar", "ru": "Материалы"],
        .dimensions: ["en": "Dimensions", "az": "Ölçülər", "ru": "Размеры"],
        .creditLine: ["en": "Credit line", "az": "Mənbə qeydi", "ru": "Источник поступления"],
        .rights: ["en": "Rights", "az": "Hüquqlar", "ru": "Права"],
        .record: ["en": "Record", "az": "Qeyd", "ru": "Запись"],
        .demonstrationRecord: [
            "en": "A demonstration record, standing in for the museum's catalogue",
            "az": "Nümayiş qeydi, muzeyin kataloqunu əvəz edir",
            "ru": "Демонстрационная запись вместо каталога музея"],
        .collectionRecord: ["en": "From the museum's catalogue", "az": "Muzeyin kataloqundan", "ru": "Из каталога музея"],
        .stop: ["en": "Stop", "az": "Dayanacaq", "ru": "Остановка"],
        .mapTitle: ["en": "Floor map", "az": "Mərtəbə planı", "ru": "План этажа"],
        .youAreHere: ["en": "You are here", "az": "Siz buradasınız", "ru": "Вы здесь"],
        .mapHint: [
            "en": "Arrows choose a hall, Enter goes there, Esc closes the map.",
            "az": "Oxlarla zalı seçin, Enter ilə ora keçin, Esc ilə planı bağlayın.",
            "ru": "Стрелками выберите зал, Enter — перейти, Esc — закрыть план."],
        .helpTitle: ["en": "Help", "az": "Kömək", "ru": "Помощь"],
        .helpClose: ["en": "Press Esc or ? to return.", "az": "Qayıtmaq üçün Esc və ya ? basın.",
                     "ru": "Нажмите Esc или ?, чтобы вернуться."],
        .keyNext: ["en": "Next stop", "az": "Növbəti dayanacaq", "ru": "Следующая остановка"],
        .keyPrevious: ["en": "Previous stop", "az": "Əvvəlki dayanacaq", "ru": "Предыдущая остановка"],
        .keySelect: ["en": "Choose in a list, or scroll", "az": "Siyahıda seçin və ya sürüşdürün",
                     "ru": "Выбор в списке или прокрутка"],
        .keyPage: ["en": "A page up or down", "az": "Bir səhifə yuxarı və ya aşağı", "ru": "Страница вверх или вниз"],
        .keyOpen: ["en": "Open or continue", "az": "Aç və ya davam et", "ru": "Открыть или продолжить"],
        .keyBack: ["en": "Back", "az": "Geri", "ru": "Назад"],
        .keyMap: ["en": "Floor map", "az": "Mərtəbə planı", "ru": "План этажа"],
        .keyStop: ["en": "Go to a stop: type its number, then Enter",
                   "az": "Dayanacağa keçid: nömrəsini yazın, sonra Enter",
                   "ru": "Перейти к остановке: наберите номер, затем Enter"],
        .keyLanguage: ["en": "Language", "az": "Dil", "ru": "Язык"],
        .keyHelp: ["en": "Help", "az": "Kömək", "ru": "Помощь"],
        .keyQuit: ["en": "Quit", "az": "Çıxış", "ru": "Выход"],
        .footerNext: ["en": "next", "az": "irəli", "ru": "далее"],
        .footerPrevious: ["en": "previous", "az": "əvvəlki", "ru": "пред."],
        .footerChoose: ["en": "choose", "az": "seç", "ru": "выбор"],
        .footerOpen: ["en": "open", "az": "aç", "ru": "открыть"],
        .footerBack: ["en": "back", "az": "geri", "ru": "назад"],
        .footerMap: ["en": "map", "az": "plan", "ru": "план"],
        .footerHelp: ["en": "help", "az": "kömək", "ru": "помощь"],
        .footerLanguage: ["en": "language", "az": "dil", "ru": "язык"],
        .footerQuit: ["en": "quit", "az": "çıxış", "ru": "выход"],
        .typingStop: ["en": "Stop {0}: Enter to go, Esc to cancel", "az": "Dayanacaq {0}: keçmək üçün Enter, ləğv üçün Esc",
                      "ru": "Остановка {0}: Enter — перейти, Esc — отмена"],
        .noSuchStop: ["en": "There is no stop {0}.", "az": "{0} nömrəli dayanacaq yoxdur.", "ru": "Остановки {0} нет."],
        .firstStop: ["en": "This is the first stop.", "az": "Bu, ilk dayanacaqdır.", "ru": "Это первая остановка."],
        .endTitle: ["en": "End of the tour", "az": "Turun sonu", "ru": "Конец экскурсии"],
        .endText: [
            "en": "Thank you for your visit.",
            "az": "Ziyarətiniz üçün təşəkkür edirik.",
            "ru": "Спасибо за посещение."],
        .endRemembrance: [
            "en": "Before you go, you may stay a while in a quiet room, which also says where to find support:",
            "az": "Getməzdən əvvəl sakit otaqda bir az qala bilərsiniz; dəstəyi haradan tapmaq olar, orada yazılıb:",
            "ru": "Прежде чем уйти, можно побыть в тихом зале; там же сказано, где найти поддержку:"],
        .startAgain: ["en": "Start again", "az": "Yenidən başla", "ru": "Начать заново"],
        .exhibitPosition: ["en": "{0} · {1} of {2}", "az": "{0} · {1} / {2}", "ru": "{0} · {1} из {2}"],
        .enlarge: ["en": "Please enlarge the window", "az": "Zəhmət olmasa, pəncərəni böyüdün",
                   "ru": "Пожалуйста, увеличьте окно"],
        .enlargeSize: ["en": "at least {0}", "az": "ən azı {0}", "ru": "не меньше {0}"],
        .textAlternative: ["en": "Text alternative:", "az": "Mətn alternativi:", "ru": "Текстовое описание:"],
        .graphicHidden: [
            "en": "The subject of this item is distressing, so only its description is shown.",
            "az": "Bu eksponatın mövzusu ağırdır, ona görə yalnız onun təsviri göstərilir.",
            "ru": "Тема этого экспоната тяжёлая, поэтому показано только его описание."],
        .showGraphic: ["en": "Read the full description", "az": "Tam təsviri oxu", "ru": "Читать полное описание"],
        .beforeYouEnter: ["en": "Before you enter", "az": "Daxil olmazdan əvvəl", "ru": "Прежде чем войти"],
        .hallIncludes: ["en": "This hall includes:", "az": "Bu zalda bunlar var:", "ru": "В этом зале:"],
        .enterHall: ["en": "Enter the hall", "az": "Zala daxil ol", "ru": "Войти в зал"],
        .turnBack: ["en": "Go back", "az": "Geri qayıt", "ru": "Вернуться назад"],
        .stepOutHint: [
            "en": "Press x at any time to step out to a quiet room: {0}.",
            "az": "İstənilən vaxt x düyməsini basıb sakit otağa keçə bilərsiniz: {0}.",
            "ru": "В любой момент нажмите x, чтобы перейти в тихую комнату: {0}."],
        .quietTitle: ["en": "A moment's pause", "az": "Bir anlıq fasilə", "ru": "Минута покоя"],
        .quietText: [
            "en": "Take as long as you need. Breathe slowly, and let your shoulders rest.",
            "az": "Nə qədər lazımdırsa, vaxt ayırın. Yavaş nəfəs alın, çiyinlərinizi rahat buraxın.",
            "ru": "Не торопитесь. Дышите медленно, опустите плечи."],
        .quietSupport: [
            "en": "If what you have read weighs on you, speak to a member of the museum's staff, or to someone you trust.",
            "az": "Oxuduqlarınız sizə ağır gəlirsə, muzey işçilərindən biri ilə və ya etibar etdiyiniz biri ilə danışın.",
            "ru": "Если прочитанное тяготит вас, поговорите с сотрудником музея или с тем, кому вы доверяете."],
        .returnToTour: ["en": "Return to where you were", "az": "Olduğunuz yerə qayıdın", "ru": "Вернуться туда, где вы были"],
        .keyStepOut: ["en": "Step out to a quiet room, and back", "az": "Sakit otağa keçin və geri qayıdın",
                      "ru": "Перейти в тихую комнату и обратно"],
        .footerStepOut: ["en": "quiet room", "az": "sakit otaq", "ru": "тихая комната"],
        .staffExitTitle: ["en": "Staff exit", "az": "İşçilər üçün çıxış", "ru": "Выход для сотрудников"],
        .staffExitHowTo: [
            "en": "Type the staff PIN, then press Enter. Esc closes this.",
            "az": "İşçi PIN kodunu yazın, sonra Enter düyməsini basın. Esc bunu bağlayır.",
            "ru": "Введите PIN-код сотрудника и нажмите Enter. Esc — закрыть."],
        .staffPIN: ["en": "PIN", "az": "PIN kod", "ru": "PIN-код"],
        .wrongPIN: ["en": "That PIN is not right.", "az": "PIN kod düzgün deyil.", "ru": "Неверный PIN-код."],
        .staffExitLocked: [
            "en": "Too many wrong PINs. Try again in a minute.",
            "az": "Çox sayda yanlış PIN kod. Bir dəqiqədən sonra yenidən cəhd edin.",
            "ru": "Слишком много неверных PIN-кодов. Повторите через минуту."],
        .attractPress: ["en": "Press any key to begin", "az": "Başlamaq üçün istənilən düyməni basın",
                        "ru": "Нажмите любую клавишу, чтобы начать"],
        .idleTitle: ["en": "Are you still there?", "az": "Hələ buradasınız?", "ru": "Вы ещё здесь?"],
        .idleCountdown: [
            "en": "In {0} s the tour starts again for the next visitor.",
            "az": "{0} saniyə sonra tur növbəti ziyarətçi üçün yenidən başlayacaq.",
            "ru": "Через {0} с экскурсия начнётся заново для следующего посетителя."],
        .idleContinue: ["en": "Press any key to continue.", "az": "Davam etmək üçün istənilən düyməni basın.",
                        "ru": "Нажмите любую клавишу, чтобы продолжить."],
        .demoBanner: [
            "en": "A demonstration: press any key to take over",
            "az": "Nümayiş: idarəni öz üzərinizə götürmək üçün istənilən düyməni basın",
            "ru": "Демонстрация: нажмите любую клавишу, чтобы управлять самим"],
        .noSuchChoice: ["en": "There is no choice {0} on this page.", "az": "Bu səhifədə {0} nömrəli seçim yoxdur.",
                        "ru": "На этой странице нет пункта {0}."],
        .plainPrompt: [
            "en": "Type a number and press Enter to choose, or ? for the commands.",
            "az": "Seçmək üçün nömrəni yazıb Enter basın; əmrlər üçün ? yazın.",
            "ru": "Чтобы выбрать, наберите номер и нажмите Enter; список команд: ?."],
        .plainUnknown: ["en": "Unknown command: {0}. Type ? for the commands.", "az": "Naməlum əmr: {0}. Əmrlər üçün ? yazın.",
                        "ru": "Неизвестная команда: {0}. Список команд: ?."],
        .plainCommands: ["en": "Commands", "az": "Əmrlər", "ru": "Команды"],
        .plainChoose: ["en": "Choose that item on the page", "az": "Səhifədəki həmin bəndi seçin",
                       "ru": "Выбрать этот пункт на странице"],
        .plainGo: ["en": "Go to a stop by its number", "az": "Nömrəsi ilə dayanacağa keçin", "ru": "Перейти к остановке по номеру"],
        .plainRepeat: ["en": "Read the page again", "az": "Səhifəni yenidən oxuyun", "ru": "Прочитать страницу ещё раз"],
        // A session that closes itself (--idle-exit, --max-session).
        .closedTitle: ["en": "Thank you for your visit", "az": "Ziyarətiniz üçün təşəkkür edirik",
                       "ru": "Спасибо за посещение"],
        .closedIdle: [
            "en": "This session has closed because no key was pressed for a while.",
            "az": "Bir müddət heç bir düymə basılmadığı üçün bu seans bağlandı.",
            "ru": "Сеанс завершён, так как некоторое время не нажималась ни одна клавиша."],
        .closedTimeLimit: [
            "en": "This session has reached its time limit and has closed.",
            "az": "Bu seans vaxt limitinə çatdı və bağlandı.",
            "ru": "Сеанс достиг ограничения по времени и завершён."],
        .closedComeBack: ["en": "You are welcome to connect again.", "az": "Yenidən qoşula bilərsiniz.",
                          "ru": "Вы можете подключиться снова."],
        // In the status line, " · " parts: the last ones are left out when the line is narrow.
        .warnIdle: [
            "en": "This session closes in {0} s without a key · press any key to stay",
            "az": "Düymə basılmasa, seans {0} san sonra bağlanacaq · qalmaq üçün istənilən düyməni basın",
            "ru": "Без нажатия клавиш сеанс закроется через {0} с · нажмите любую клавишу, чтобы остаться"],
        .warnTimeLimit: [
            "en": "This session reaches its time limit in {0} s.",
            "az": "Seans {0} san sonra vaxt limitinə çatacaq.",
            "ru": "Через {0} с сеанс достигнет ограничения по времени."],
        // Group tours.
        .groupCodeIs: ["en": "Your group's code: {0}", "az": "Qrupunuzun kodu: {0}", "ru": "Код вашей группы: {0}"],
        .groupCodeHowTo: [
            "en": "Participants choose “Join a group tour” on their welcome screen and type this code.",
            "az": "İştirakçılar salamlama ekranında “Qrup turuna qoşul” seçib bu kodu yazırlar.",
            "ru": "Участники выбирают «Присоединиться к группе» на экране приветствия и вводят этот код."],
        .joinGroup: ["en": "Join a group tour", "az": "Qrup turuna qoşul", "ru": "Присоединиться к группе"],
        .joinGroupHowTo: [
            "en": "Type the six-digit code your guide gave you, then press Enter.",
            "az": "Bələdçinizin verdiyi altırəqəmli kodu yazın, sonra Enter düyməsini basın.",
            "ru": "Введите шестизначный код, который дал вам экскурсовод, затем нажмите Enter."],
        .groupCode: ["en": "Code", "az": "Kod", "ru": "Код"],
        .noSuchGroup: [
            "en": "There is no group {0} here. Check the code with your guide.",
            "az": "Burada {0} qrupu yoxdur. Kodu bələdçinizlə yoxlayın.",
            "ru": "Группы {0} здесь нет. Уточните код у экскурсовода."],
        .joiningGroup: ["en": "Joining group {0}…", "az": "{0} qrupuna qoşulur…", "ru": "Подключение к группе {0}…"],
        .joinGroupBack: ["en": "Esc: back", "az": "Esc: geri", "ru": "Esc: назад"],
        .takeBackGroup: ["en": "Take back group {0}", "az": "{0} qrupunu geri götür", "ru": "Вернуться к группе {0}"],
        .startGroup: ["en": "Start a new group", "az": "Yeni qrup başla", "ru": "Начать новую группу"],
        .keyRejoin: ["en": "Back to the guide, after stepping away", "az": "Kənara çıxdıqdan sonra bələdçiyə qayıt",
                     "ru": "Вернуться к экскурсоводу"],
        .keyPause: ["en": "Ask the guide for a pause (again to withdraw)",
                    "az": "Bələdçidən fasilə istə (geri götürmək üçün yenidən)",
                    "ru": "Попросить экскурсовода о паузе (повторно — отменить)"],
        .keyWaitForEveryone: ["en": "Wait for everyone before moving on: on or off",
                              "az": "Davam etməzdən əvvəl hamını gözlə: aç və ya bağla",
                              "ru": "Ждать всех перед переходом: вкл. или выкл."],
        .barGroup: ["en": "Group {0}", "az": "Qrup {0}", "ru": "Группа {0}"],
        .barFollowers: ["en": "following: {0}", "az": "izləyir: {0}", "ru": "следуют: {0}"],
        .barHere: ["en": "here: {0}", "az": "burada: {0}", "ru": "на месте: {0}"],
        .barPauses: ["en": "pause: {0}", "az": "fasilə: {0}", "ru": "пауза: {0}"],
        .barWaiting: ["en": "waiting for all", "az": "hamı gözlənilir", "ru": "ждём всех"],
        .barFollowingGuide: ["en": "Following the guide", "az": "Bələdçini izləyirsiniz", "ru": "Вы следуете за экскурсоводом"],
        .barAskPause: ["en": "w: I need a pause", "az": "w: fasilə lazımdır", "ru": "w: нужна пауза"],
        .barPauseAsked: ["en": "You asked for a pause · w: withdraw", "az": "Fasilə istədiniz · w: geri götür",
                         "ru": "Вы попросили паузу · w: отменить"],
        .barSteppedAway: ["en": "You stepped away · g: back to the guide", "az": "Kənara çıxdınız · g: bələdçiyə qayıt",
                          "ru": "Вы отошли · g: вернуться к экскурсоводу"],
        .barGettingReady: ["en": "Group {0} · continue to join the guide", "az": "Qrup {0} · bələdçiyə qoşulmaq üçün davam edin",
                           "ru": "Группа {0} · продолжите, чтобы присоединиться к экскурсоводу"],
        .barGuideLost: ["en": "The guide's connection dropped · waiting for the guide to return",
                        "az": "Bələdçinin bağlantısı kəsildi · qayıtması gözlənilir",
                        "ru": "Связь с экскурсоводом прервалась · ждём его возвращения"],
        .barGuideEnded: ["en": "The guide has ended the group tour · you may go on alone",
                         "az": "Bələdçi qrup turunu bitirdi · təkbaşına davam edə bilərsiniz",
                         "ru": "Экскурсовод завершил групповую экскурсию · можно продолжить самостоятельно"],
        .barGuideDidNotReturn: ["en": "The guide did not return · you may go on alone",
                                "az": "Bələdçi qayıtmadı · təkbaşına davam edə bilərsiniz",
                                "ru": "Экскурсовод не вернулся · можно продолжить самостоятельно"],
        .barChooseGroup: ["en": "Take back your group, or start a new one", "az": "Qrupunuzu geri götürün və ya yenisini başlayın",
                          "ru": "Вернитесь к своей группе или начните новую"],
        .barNotEveryoneHere: ["en": "Not everyone is here ({0}) · press again to go on anyway",
                              "az": "Hamı burada deyil ({0}) · yenə də davam etmək üçün yenidən basın",
                              "ru": "Не все на месте ({0}) · нажмите ещё раз, чтобы всё равно продолжить"],
        .barCannotOpen: ["en": "The group could not be opened · choose again", "az": "Qrupu açmaq mümkün olmadı · yenidən seçin",
                         "ru": "Не удалось открыть группу · выберите снова"],
    ]

    /// A language's name in that language, as a visitor looks for it in a list.
    public static func languageName(_ code: String) -> String {
        let names = ["en": "English", "az": "Azərbaycanca", "ru": "Русский", "tr": "Türkçe",
                     "de": "Deutsch", "fr": "Français"]
        return names[code] ?? code.uppercased()
    }
}

extension SessionWarning {
    /// What the visitor is told, with the seconds left.
    public func text(_ language: String) -> String {
        switch self {
        case .idle(let seconds): return UIText.warnIdle.text(language, "\(seconds)")
        case .timeLimit(let seconds): return UIText.warnTimeLimit.text(language, "\(seconds)")
        }
    }
}

extension Notice {
    /// What the footer (or the line-by-line mode) says.
    public func text(_ language: String) -> String {
        switch self {
        case .noSuchStop(let typed): return UIText.noSuchStop.text(language, typed)
        case .firstStop: return UIText.firstStop.text(language)
        case .noSuchChoice(let number): return UIText.noSuchChoice.text(language, String(number))
        case .wrongPIN: return UIText.wrongPIN.text(language)
        case .staffExitLocked: return UIText.staffExitLocked.text(language)
        }
    }
}
