import CCrypt
import Glibc

/// The staff PIN as the configuration file keeps it: never the PIN, only a salted yescrypt
/// hash of it in the crypt format Debian keeps its passwords in (`$y$jCT$<salt>$<hash>`), so
/// that the file says how it was made and a stronger cost can come later.
///
/// yescrypt, because a PIN has few digits: a hash that costs memory as well as time is the
/// slowest to try every PIN against should the file leak. libxcrypt makes and checks it.
public struct StaffPINHash: Equatable, Sendable, CustomStringConvertible {
    /// The whole crypt string: method, cost, salt and hash.
    public let description: String

    /// The digits a PIN may have. Only digits: the prompt takes nothing else.
    public static let lengths = 4...12
    /// yescrypt's cost as crypt_gensalt counts it: 8 is 128 MiB and about 0.15 s a check, the
    /// most memory a kiosk can spare for it; 9 would take 256 MiB (docs/operations.md).
    public static let standardCost = 8
    /// Every cost crypt_gensalt makes, 1 (1 MiB) to 11 (1 GiB). A hash with any other
    /// parameters is hand-edited, or asks for more memory than a kiosk has.
    static let costs = 1...11

    public static func isValidPIN(_ pin: String) -> Bool {
        lengths.contains(pin.count) && pin.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Why `pin` is one of the first a visitor would try, or nil when it is not: one digit
    /// repeated (0000), a run up or down (1234, 987654), a pair repeated (1212), or a date or
    /// a year (1990, 19900101, 01011990, 010190). A staff PIN is made with `staff-pin`, which
    /// refuses these; a kiosk checks any PIN its file holds.
    public static func weakness(of pin: String) -> String? {
        let digits = pin.compactMap { $0.wholeNumberValue }
        guard digits.count == pin.count, let first = digits.first else { return nil }
        if digits.allSatisfy({ $0 == first }) { return "one digit repeated" }
        let steps = zip(digits, digits.dropFirst()).map { $1 - $0 }
        if steps.allSatisfy({ $0 == 1 }) || steps.allSatisfy({ $0 == -1 }) { return "digits in a row" }
        if digits.count % 2 == 0, digits.count >= 4,
           stride(from: 2, to: digits.count, by: 2).allSatisfy({ digits[$0] == digits[0] && digits[$0 + 1] == digits[1] }) {
            return "a pair of digits repeated"
        }
        if isDate(digits) { return "a date or a year" }
        return nil
    }

    /// A year from 1900 to 2099, or a day of one as YYYYMMDD, DDMMYYYY, MMDDYYYY, DDMMYY,
    /// MMDDYY or YYMMDD.
    private static func isDate(_ digits: [Int]) -> Bool {
        func number(_ range: Range<Int>) -> Int { digits[range].reduce(0) { $0 * 10 + $1 } }
        func isYear(_ year: Int) -> Bool { (1900...2099).contains(year) }
        func isDay(_ day: Int, _ month: Int) -> Bool { (1...12).contains(month) && (1...31).contains(day) }
        switch digits.count {
        case 4: return isYear(number(0..<4))
        case 6:
            return isDay(number(0..<2), number(2..<4)) || isDay(number(2..<4), number(0..<2)) || isDay(number(4..<6), number(2..<4))
        case 8:
            return (isYear(number(0..<4)) && isDay(number(6..<8), number(4..<6)))
                || (isYear(number(4..<8)) && (isDay(number(0..<2), number(2..<4)) || isDay(number(2..<4), number(0..<2))))
        default: return false
        }
    }

    /// A new hash of `pin` with a fresh salt from the system's randomness.
    public static func make(pin: String, cost: Int = standardCost) throws -> StaffPINHash {
        guard isValidPIN(pin) else { throw StaffPINError.notAPIN }
        guard let setting = setting(cost: cost, salt: nil), let hash = crypt(pin, setting: setting) else {
            throw StaffPINError.cannotHash(String(cString: strerror(errno)))
        }
        return StaffPINHash(description: hash)
    }

    /// Whether `pin` is the PIN this hash was made from. Anything that is not a PIN is not,
    /// without hashing; the comparison takes the same time however many bytes agree.
    public func matches(_ pin: String) -> Bool {
        guard Self.isValidPIN(pin), let hash = Self.crypt(pin, setting: description) else { return false }
        let made = Array(hash.utf8), kept = Array(description.utf8)
        guard made.count == kept.count else { return false }
        return zip(made, kept).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Reads a hash as `description` writes it: yescrypt, at one of `costs`, with a salt and a
    /// whole hash.
    public init(parsing text: String) throws {
        // C would read the string only up to a NUL; a crypt string has no spaces or controls.
        guard text.utf8.allSatisfy({ (0x21...0x7E).contains($0) }),
              crypt_checksalt(text) == CRYPT_SALT_OK
        else { throw StaffPINError.notAHash }
        // crypt_checksalt looks at the method and the alphabet only.
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "y",
              Self.parametersOfEachCost.contains(String(parts[2])),
              !parts[3].isEmpty, parts[4].count == Self.hashLength
        else { throw StaffPINError.notAHash }
        self.init(description: text)
    }

    private init(description: String) {
        self.description = description
    }

    /// yescrypt's 256-bit hash in crypt's base64.
    private static let hashLength = 43

    /// What a setting says of its cost (`jCT` for 8), as crypt_gensalt writes it for each cost.
    private static let parametersOfEachCost: Set<String> = Set(costs.compactMap { cost in
        setting(cost: cost, salt: Array(repeating: 0, count: 16))
            .map { String($0.split(separator: "$")[1]) }
    })

    /// A yescrypt setting for crypt: `$y$`, the cost, and `salt` or, when nil, a fresh one that
    /// libxcrypt reads from the system's randomness.
    private static func setting(cost: Int, salt: [CChar]?) -> String? {
        var output = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        return output.withUnsafeMutableBufferPointer { output in
            let made = if let salt {
                crypt_gensalt_rn("$y$", UInt(cost), salt, Int32(salt.count), output.baseAddress, Int32(output.count))
            } else {
                crypt_gensalt_rn("$y$", UInt(cost), nil, 0, output.baseAddress, Int32(output.count))
            }
            return made.map { String(cString: $0) }
        }
    }

    /// crypt_rn with a work area of its own rather than crypt's static one, so that any thread
    /// may check a PIN. nil when libxcrypt refuses (a failure string starts with `*`).
    private static func crypt(_ pin: String, setting: String) -> String? {
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        defer { data.deallocate() }
        // libxcrypt asks for a zeroed work area on its first use.
        UnsafeMutableRawPointer(data).initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<crypt_data>.size)
        guard let hash = crypt_rn(pin, setting, data, Int32(MemoryLayout<crypt_data>.size)),
              hash.pointee != CChar(UInt8(ascii: "*"))
        else { return nil }
        return String(cString: hash)
    }
}

public enum StaffPINError: Error, Equatable, CustomStringConvertible {
    case notAPIN
    case notAHash
    /// libxcrypt could not hash: a cost it does not make, no randomness from the system, or
    /// not enough memory.
    case cannotHash(String)

    public var description: String {
        switch self {
        case .notAPIN: return "a staff PIN is \(StaffPINHash.lengths.lowerBound) to \(StaffPINHash.lengths.upperBound) digits"
        case .notAHash: return "not a staff PIN hash: make one with `museum-kiosk staff-pin`"
        case .cannotHash(let reason): return "cannot hash the staff PIN: \(reason)"
        }
    }
}
