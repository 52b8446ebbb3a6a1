import Foundation
import KioskBook
import KioskCore
import KioskRuntime
import Testing

/// The book of remembrance through the runtime: the queue, the pipe, a real SQLite file.
@Suite struct BookRuntimeTests {
    final class Folder {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("book-runtime-\(UUID().uuidString.prefix(8))").path
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    static func session(_ service: BookService) -> (SessionRuntime, TestFront) {
        let front = TestFront()
        var start = Tour.SessionStart(language: "az")
        start.bookAvailable = true
        let runtime = SessionRuntime(tour: TestPack.laptop, front: front, clock: front.clock, effects: EffectRunner(book: service), start: start)
        return (runtime, front)
    }

    /// Wakes the session until `done`, as the loop does when the book's pipe is readable.
    static func wake(_ runtime: SessionRuntime, _ service: BookService, until done: () -> Bool) -> Bool {
        for _ in 0..<500 where !done() {
            var poll = pollfd(fd: service.descriptor, events: Int16(POLLIN), revents: 0)
            _ = Glibc.poll(&poll, 1, 10)
            runtime.wake()
        }
        return done()
    }

    @Test func aVisitorsWordsAreSavedOffTheLoopAndAnswerWhenSafe() throws {
        let folder = try Folder()
        let file = folder.path + "/book.sqlite"
        let service = BookService(stand: "hall-4", front: "stand", open: { () throws(BookError) in try Book(connection: try SQLiteConnection(path: file)) },
                                  now: { 1_796_400_000 }, report: { _ in })
        let (runtime, _) = Self.session(service)
        runtime.send(.key(.character("x")))
        let write = TestPack.laptop.page(for: runtime.state.screen.kind, in: runtime.state).actions.firstIndex(of: .writeInBook)!
        runtime.send(.choose(write))
        for character in "Xatirəsinə" { runtime.send(.key(.character(character))) }
        let save = TestPack.laptop.page(for: runtime.state.screen.kind, in: runtime.state).actions.firstIndex(of: .saveInBook)!
        runtime.send(.choose(save))
        #expect(runtime.state.visit.book.sending)
        #expect(Self.wake(runtime, service) { runtime.state.visit.book.saved }, "the answer came through the pipe")
        let kept = try Book(connection: try SQLiteConnection(path: file)).entries(status: .new)
        #expect(kept.map(\.words) == ["Xatirəsinə"])
        #expect(kept.first?.stand == "hall-4" && kept.first?.front == "stand" && kept.first?.language == "az")
    }

    @Test func aSlowDatabaseNeverHoldsAKeyAndOneThatIsDownKeepsTheWords() throws {
        let opening = DispatchSemaphore(value: 0)
        let service = BookService(stand: "s", front: "stand", open: { () throws(BookError) in
            // The database takes its time, then is not there.
            opening.wait()
            throw BookError(.unavailable, "connection refused")
        }, now: { 0 }, report: { _ in })
        let (runtime, _) = Self.session(service)
        runtime.send(.key(.character("x")))
        runtime.send(.choose(TestPack.laptop.page(for: runtime.state.screen.kind, in: runtime.state).actions.firstIndex(of: .writeInBook)!))
        runtime.send(.key(.character("a")))
        runtime.send(.choose(TestPack.laptop.page(for: runtime.state.screen.kind, in: runtime.state).actions.firstIndex(of: .saveInBook)!))
        // While the database is still opening, keys are reduced at once.
        runtime.send(.key(.character("m")))
        runtime.wake()
        #expect(runtime.state.visit.book.sending, "the save has not been answered")
        opening.signal()
        #expect(Self.wake(runtime, service) { !runtime.state.visit.book.sending })
        #expect(runtime.state.visit.book.failed)
        #expect(runtime.state.visit.book.draft.words == "a", "the words are still on the form, to try again")
        service.close(waitingUpTo: 1)
    }
}
