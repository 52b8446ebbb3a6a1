import Glibc
import KioskCore
import KioskView

/// A visit line by line (`--plain`): each page printed whole, one command read a line at a
/// time from standard input, until `q` or the end of input.
struct PlainSession {
    let tour: Tour

    func run(language: String?) {
        // A reader that goes away ends the visit; it is not a crash.
        signal(SIGPIPE, SIG_IGN)
        let view = PlainView(tour: tour)
        var state = tour.start(language: language, size: PlainView.size)
        var shown = view.page(state)
        guard write(shown) else { return }
        while let line = readLine() {
            var reply: [String]
            switch PlainCommand.parse(line) {
            case .help:
                reply = [""] + view.help(state.language)
            case .repeatPage:
                reply = [""] + shown
            case .unknown(let text):
                reply = [UIText.plainUnknown.text(state.language, PlainView.clean(String(text.prefix(40))))]
            case .events(let events):
                for event in events { tour.reduce(&state, event) }
                if state.hasEnded { return }
                let page = view.page(state)
                reply = page == shown ? [] : [""] + page
                shown = page
                if let notice = state.notice {
                    reply.append(PlainView.clean(notice.text(state.language)))
                } else if reply.isEmpty {
                    reply = [UIText.plainPrompt.text(state.language)]
                }
            }
            guard write(reply) else { return }
        }
    }

    /// Writes lines to standard output at once (a reader waits for each reply); false when
    /// nobody reads any more.
    private func write(_ lines: [String]) -> Bool {
        writeAll(STDOUT_FILENO, lines.joined(separator: "\n") + "\n")
    }
}
