import KioskCore
import KioskGroup

/// One connection to another kiosk of the group: bytes in through a framer, messages out
/// through a bounded queue. Every limit here protects this kiosk from its peer.
final class Peer {
    let socket: LocalSocket
    private var framer = LineFramer()
    private var pending: [UInt8] = []
    private(set) var isClosed = false
    /// Messages refused so far; a peer that keeps sending bad ones is let go.
    private(set) var refused = 0
    private var windowStart: Instant?
    private var windowCount = 0

    /// Bytes read from one peer in one pass, so a flood cannot starve the terminal.
    static let readBudget = 16 * 1024
    /// Bytes waiting for a peer that does not read; past this it is let go.
    static let maximumPending = 64 * 1024
    static let maximumRefused = 5
    /// Messages a second: a person presses keys far slower.
    static let maximumRate = 50

    init(_ socket: LocalSocket) {
        self.socket = socket
    }

    var descriptor: Int32 { socket.descriptor }

    enum Received {
        case message(GroupMessage)
        case refused(MessageProblem)
    }

    /// Bytes the last `receive` read.
    private(set) var lastRead = 0

    /// What the peer sent since the last call, at most `budget` bytes of it, each message
    /// checked. Marks the peer closed when it hung up or must be let go (`reason` says why):
    /// the moment it has sent too many bad messages, or too many in a second, without reading
    /// or checking what follows them.
    func receive(now: Instant, budget: Int = readBudget) -> (received: [Received], reason: String?) {
        var received: [Received] = []
        var budget = budget
        var messages = 0
        lastRead = 0
        while budget > 0, !isClosed {
            switch socket.read(upTo: min(4096, budget)) {
            case .bytes(let bytes):
                budget -= bytes.count
                lastRead += bytes.count
                for line in framer.feed(bytes) {
                    messages += 1
                    switch line.flatMap({ GroupWire.decode($0) }) {
                    case .success(let message): received.append(.message(message))
                    case .failure(let problem):
                        received.append(.refused(problem))
                        refused += 1
                    }
                    if refused >= Self.maximumRefused {
                        close()
                        return (received, "\(refused) bad messages")
                    }
                    if count(messages, at: now) > Self.maximumRate {
                        close()
                        return (received, "more than \(Self.maximumRate) messages a second")
                    }
                    messages = 0
                }
            case .nothingYet:
                budget = 0
            case .closed:
                close()
                return (received, nil)
            }
        }
        return (received, nil)
    }

    private func count(_ messages: Int, at now: Instant) -> Int {
        if let start = windowStart, start.milliseconds(until: now) < 1000 {
            windowCount += messages
        } else {
            windowStart = now
            windowCount = messages
        }
        return windowCount
    }

    /// Queues a message and sends what the socket takes now; false when the peer had to be
    /// let go (gone, or not reading).
    @discardableResult
    func send(_ message: GroupMessage) -> Bool {
        guard !isClosed else { return false }
        pending += GroupWire.encode(message)
        return flush()
    }

    /// Sends what is queued, as far as the socket takes it without waiting.
    @discardableResult
    func flush() -> Bool {
        guard !isClosed else { return false }
        guard let sent = socket.write(pending[...]) else {
            close()
            return false
        }
        pending.removeFirst(sent)
        if pending.count > Self.maximumPending {
            close()
            return false
        }
        return true
    }

    func close() {
        isClosed = true
        socket.close()
    }
}
