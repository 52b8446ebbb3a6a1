import Glibc

/// An error number from the system, said in words.
struct SocketError: Error, CustomStringConvertible {
    var number: Int32
    var description: String { String(cString: strerror(number)) }

    /// Nobody listens there: the file is missing, or its process is gone.
    var meansNobodyListens: Bool { [ENOENT, ECONNREFUSED, ENOTSOCK].contains(number) }
}

/// A non-blocking Unix stream socket in the group directory: the only kind of connection
/// group tours use. No network address is ever bound.
final class LocalSocket {
    private(set) var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close() }

    func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
    }

    /// The address of `path`, or nil when it is too long for a socket address.
    private static func address(_ path: String) -> sockaddr_un? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return address
    }

    private static func makeSocket() -> Int32 {
        socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    }

    /// A new socket, `attach` (connect or bind) done with `path`'s address and `then` after it;
    /// closed again when either fails.
    private static func attached(at path: String, _ attach: (Int32, UnsafePointer<sockaddr>, socklen_t) -> Int32,
                                 then: (Int32) -> Bool = { _ in true }) -> Result<LocalSocket, SocketError> {
        guard var address = address(path) else { return .failure(SocketError(number: ENAMETOOLONG)) }
        let descriptor = makeSocket()
        guard descriptor >= 0 else { return .failure(SocketError(number: errno)) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { attach(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0, then(descriptor) else {
            let error = SocketError(number: errno)
            Glibc.close(descriptor)
            return .failure(error)
        }
        return .success(LocalSocket(descriptor: descriptor))
    }

    static func connect(to path: String) -> Result<LocalSocket, SocketError> {
        attached(at: path) { Glibc.connect($0, $1, $2) }
    }

    /// Listens at `path`, which must not exist; the file is made readable and writable by the
    /// owner and the directory's group (the kiosk's accounts), nobody else.
    static func listen(at path: String) -> Result<LocalSocket, SocketError> {
        attached(at: path, { bind($0, $1, $2) }, then: { chmod(path, 0o660) == 0 && Glibc.listen($0, 64) == 0 })
    }

    /// A waiting connection, if there is one.
    func accept() -> LocalSocket? {
        let accepted = Glibc.accept(descriptor, nil, nil)
        guard accepted >= 0 else { return nil }
        _ = fcntl(accepted, F_SETFL, fcntl(accepted, F_GETFL) | O_NONBLOCK)
        _ = fcntl(accepted, F_SETFD, FD_CLOEXEC)
        return LocalSocket(descriptor: accepted)
    }

    /// Who is at the other end, as the kernel says (SO_PEERCRED): the user and group the peer
    /// process had when it connected or listened; nil when the kernel does not say.
    var peer: (user: uid_t, group: gid_t)? {
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; }, which Swift's Glibc does not
        // import (it needs _GNU_SOURCE).
        var credentials: (pid: Int32, uid: UInt32, gid: UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: credentials))
        guard getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &credentials, &length) == 0,
              length == socklen_t(MemoryLayout.size(ofValue: credentials)) else { return nil }
        return (credentials.uid, credentials.gid)
    }

    enum ReadResult {
        case bytes([UInt8])
        case nothingYet
        case closed
    }

    func read(upTo count: Int) -> ReadResult {
        var buffer = [UInt8](repeating: 0, count: count)
        var error: Int32 = 0
        let got = buffer.withUnsafeMutableBytes {
            let got = recv(descriptor, $0.baseAddress, count, 0)
            error = errno
            return got
        }
        if got > 0 { return .bytes(Array(buffer[0..<got])) }
        if got == 0 { return .closed }
        return error == EAGAIN || error == EWOULDBLOCK || error == EINTR ? .nothingYet : .closed
    }

    /// Writes what it can of `bytes` without waiting; nil when the peer is gone.
    func write(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty else { return 0 }
        var error: Int32 = 0
        let sent = bytes.withUnsafeBytes {
            let sent = send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            error = errno
            return sent
        }
        if sent >= 0 { return sent }
        return error == EAGAIN || error == EWOULDBLOCK || error == EINTR ? 0 : nil
    }
}
