import Glibc

/// When a wait must end: every wait for the network is a `poll` bounded by one.
struct Deadline {
    let end: Double
    /// The whole time given, for messages.
    let seconds: Double

    init(seconds: Double) {
        self.seconds = seconds
        end = Self.now() + seconds
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// What is left, in whole milliseconds for poll, rounded up; 0 once it has passed.
    var remainingMilliseconds: Int32 {
        let left = (end - Self.now()) * 1000
        if left <= 0 { return 0 }
        return Int32(min(left.rounded(.up), Double(Int32.max)))
    }

    var timedOut: PostgresError {
        .lost("the server did not answer within \(Self.format(seconds)) s")
    }

    static func format(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}

/// A byte stream to the server: a socket, or TLS over one.
protocol Channel: AnyObject {
    func send(_ bytes: [UInt8], before deadline: Deadline) throws(PostgresError)
    /// At least one byte and at most `count`; throws when the stream ends, fails or the
    /// deadline passes.
    func receive(upTo count: Int, before deadline: Deadline) throws(PostgresError) -> [UInt8]
    func close()
}

/// A connected, non-blocking stream socket. Sends never raise SIGPIPE (MSG_NOSIGNAL).
final class SocketChannel: Channel {
    private(set) var descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { close() }

    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    /// Connects to the first address of `endpoint` that answers before the deadline.
    static func connect(to endpoint: ConnectionURL.Endpoint, port: UInt16, before deadline: Deadline) throws(PostgresError) -> SocketChannel {
        switch endpoint {
        case .unixSocket(let directory):
            let path = directory.hasSuffix("/") ? "\(directory).s.PGSQL.\(port)" : "\(directory)/.s.PGSQL.\(port)"
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            let capacity = MemoryLayout.size(ofValue: address.sun_path)
            guard path.utf8.count < capacity else { throw .refused("the socket path \(path) is too long") }
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
            }
            let length = socklen_t(MemoryLayout<sa_family_t>.size + path.utf8.count + 1)
            return try withUnsafePointer(to: &address) { pointer throws(PostgresError) in
                try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress throws(PostgresError) in
                    try connect(family: AF_UNIX, address: socketAddress, length: length, name: path, before: deadline)
                }
            }
        case .tcp(let host):
            let addresses = try resolve(host, port: port)
            var lastError = PostgresError.lost("cannot connect to \(host): no address")
            for address in addresses {
                do {
                    let channel = try address.withSocketAddress { pointer, length throws(PostgresError) in
                        try connect(family: address.family, address: pointer, length: length, name: "\(address.text) port \(port)", before: deadline)
                    }
                    var on: Int32 = 1
                    setsockopt(channel.descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
                    setsockopt(channel.descriptor, SOL_SOCKET, SO_KEEPALIVE, &on, socklen_t(MemoryLayout<Int32>.size))
                    return channel
                } catch {
                    lastError = error
                    if deadline.remainingMilliseconds == 0 { break }
                }
            }
            throw lastError
        }
    }

    private static func connect(family: Int32, address: UnsafePointer<sockaddr>, length: socklen_t, name: String,
                                before deadline: Deadline) throws(PostgresError) -> SocketChannel {
        let descriptor = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard descriptor >= 0 else { throw .lost("cannot make a socket: \(errorText(errno))") }
        let channel = SocketChannel(descriptor: descriptor)
        if Glibc.connect(descriptor, address, length) == 0 { return channel }
        let started = errno
        // (EAGAIN, from a Unix socket, is a full backlog: a refusal, not a connection under way.)
        guard started == EINPROGRESS || started == EINTR else {
            throw .lost("cannot connect to \(name): \(errorText(started))")
        }
        guard try channel.wait(for: Int16(POLLOUT), before: deadline) else { throw .lost("cannot connect to \(name) within \(Deadline.format(deadline.seconds)) s") }
        var failure: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        if getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &failure, &size) != 0 { failure = errno }
        guard failure == 0 else { throw .lost("cannot connect to \(name): \(errorText(failure))") }
        return channel
    }

    /// Waits until the socket is ready for `events`; false when the deadline passes first.
    private func wait(for events: Int16, before deadline: Deadline) throws(PostgresError) -> Bool {
        while true {
            var request = pollfd(fd: descriptor, events: events, revents: 0)
            let milliseconds = deadline.remainingMilliseconds
            let ready = poll(&request, 1, milliseconds)
            if ready > 0 { return true }  // ready, or an error or hang-up the next call reports
            if ready == 0 { return false }
            if errno != EINTR { throw .lost("waiting for the server failed: \(errorText(errno))") }
        }
    }

    func send(_ bytes: [UInt8], before deadline: Deadline) throws(PostgresError) {
        guard descriptor >= 0 else { throw .lost("the connection is closed") }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                Glibc.send(descriptor, buffer.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 { offset += sent; continue }
            let failure = errno
            if sent < 0 && failure == EINTR { continue }
            if sent < 0 && (failure == EAGAIN || failure == EWOULDBLOCK) {
                guard try wait(for: Int16(POLLOUT), before: deadline) else { throw deadline.timedOut }
                continue
            }
            throw .lost("the connection to the server broke: \(errorText(failure))")
        }
    }

    func receive(upTo count: Int, before deadline: Deadline) throws(PostgresError) -> [UInt8] {
        guard descriptor >= 0 else { throw .lost("the connection is closed") }
        var buffer = [UInt8](repeating: 0, count: max(1, count))
        while true {
            let received = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if received > 0 { return Array(buffer[0..<received]) }
            if received == 0 { throw .lost("the server closed the connection") }
            let failure = errno
            if failure == EINTR { continue }
            if failure == EAGAIN || failure == EWOULDBLOCK {
                guard try wait(for: Int16(POLLIN), before: deadline) else { throw deadline.timedOut }
                continue
            }
            throw .lost("the connection to the server broke: \(errorText(failure))")
        }
    }

    /// An address to try, as getaddrinfo or inet_pton gave it.
    struct Address {
        var family: Int32
        var storage = sockaddr_storage()
        var length: socklen_t
        var text: String

        /// `bytes`: a sockaddr_in, sockaddr_in6 or what getaddrinfo gave, no longer than
        /// sockaddr_storage.
        init(family: Int32, bytes: UnsafeRawBufferPointer, text: String) {
            self.family = family
            length = socklen_t(bytes.count)
            self.text = text
            withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) }
        }

        func withSocketAddress<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws(PostgresError) -> T) throws(PostgresError) -> T {
            var copy = storage
            return try withUnsafePointer(to: &copy) { pointer throws(PostgresError) in
                try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(PostgresError) in
                    try body(address, length)
                }
            }
        }
    }

    /// Numeric addresses and `localhost` need no lookup; other names go to getaddrinfo, which
    /// in the static release uses the host's name service (see PostgresConnection).
    static func resolve(_ host: String, port: UInt16) throws(PostgresError) -> [Address] {
        if let numeric = numericAddress(host, port: port) { return [numeric] }
        if host == "localhost" {
            return ["127.0.0.1", "::1"].compactMap { numericAddress($0, port: port) }
        }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            let reason = status == 0 ? "no address" : String(cString: gai_strerror(status))
            throw .lost("cannot find the host \(PostgresError.printable(host)): \(reason)")
        }
        defer { freeaddrinfo(list) }
        var addresses: [Address] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            if let socketAddress = current.pointee.ai_addr, current.pointee.ai_addrlen <= MemoryLayout<sockaddr_storage>.size {
                let bytes = UnsafeRawBufferPointer(start: socketAddress, count: Int(current.pointee.ai_addrlen))
                addresses.append(Address(family: current.pointee.ai_family, bytes: bytes, text: PostgresError.printable(host)))
            }
            entry = current.pointee.ai_next
        }
        return addresses
    }

    static func numericAddress(_ host: String, port: UInt16) -> Address? {
        var ipv4 = in_addr()
        if inet_pton(AF_INET, host, &ipv4) == 1 {
            var address = sockaddr_in()
            (address.sin_family, address.sin_port, address.sin_addr) = (sa_family_t(AF_INET), port.bigEndian, ipv4)
            return withUnsafeBytes(of: address) { Address(family: AF_INET, bytes: $0, text: host) }
        }
        var ipv6 = in6_addr()
        if inet_pton(AF_INET6, host, &ipv6) == 1 {
            var address = sockaddr_in6()
            (address.sin6_family, address.sin6_port, address.sin6_addr) = (sa_family_t(AF_INET6), port.bigEndian, ipv6)
            return withUnsafeBytes(of: address) { Address(family: AF_INET6, bytes: $0, text: host) }
        }
        return nil
    }
}

func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
}
