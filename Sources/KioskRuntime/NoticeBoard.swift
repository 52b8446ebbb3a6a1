import Glibc
import KioskCore
import Logging

/// The staff's notice file (`museum-kiosk notice` writes it), looked at every few seconds: its
/// notice reaches the tour as a `.staffNotice` event when it changes. A file that cannot be
/// read or makes no sense shows nothing and is said once in the journal; the kiosk goes on.
public final class NoticeBoard {
    public let path: String
    private let logger: Logger
    /// What the file was when last read (inode, size, time changed), to read it only anew.
    private var seen: [Int]?
    private var nextLook: Instant?
    /// How often the file is looked at: a notice shows within this time.
    public static let lookSeconds = 5.0
    /// A notice file is a few lines; a bigger one is not one.
    static let largest = 4096

    public init(path: String, logger: Logger = Logger(label: "museum-kiosk.notice")) {
        self.path = path
        self.logger = logger
    }

    /// The notice when the file has changed since last looked at (nil inside: there is none
    /// now); nil when it has not, or it is not yet time to look.
    public func look(now: Instant) -> StaffNotice?? {
        if let nextLook, now < nextLook { return nil }
        nextLook = now.adding(seconds: Self.lookSeconds)
        var status = stat()
        let found = stat(path, &status) == 0
        let signature = found ? [Int(status.st_ino), Int(status.st_size), Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec)] : []
        guard signature != seen else { return nil }
        seen = signature
        guard found else { return .some(nil) }
        do {
            return .some(try StaffNotice(parsing: Self.text(at: path)))
        } catch let error as NoticeError {
            logger.error("the notice in \(path) is not shown: \(path):\(error)")
        } catch {
            logger.error("the notice in \(path) is not shown: \(error)")
        }
        return .some(nil)
    }

    public var nextDeadline: Instant? { nextLook }

    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    /// A notice file's text: a regular file of at most `largest` bytes, UTF-8.
    public static func text(at path: String) throws(Unreadable) -> String {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw Unreadable(description: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw Unreadable(description: "not a regular file")
        }
        var bytes = [UInt8](repeating: 0, count: largest + 1)
        let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw Unreadable(description: String(cString: strerror(errno))) }
        guard count <= largest else { throw Unreadable(description: "longer than \(Self.largest) bytes; a notice is a line or two") }
        guard let text = String(validating: bytes[..<count], as: UTF8.self) else { throw Unreadable(description: "not UTF-8 text") }
        return text
    }
}
