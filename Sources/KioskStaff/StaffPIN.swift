import Crypto
import CryptoExtras
// FoundationEssentials, not Foundation: the whole of Foundation brings ICU, 4 MB more in every
// session (docs/performance.md).
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The staff PIN as the configuration file keeps it: never the PIN, only a salted scrypt hash
/// of it, in the PHC string format (`$scrypt$ln=17,r=8,p=1$<salt>$<hash>`, base64 without
/// padding), so that the file says how it was made and a stronger cost can come later.
///
/// scrypt, because a PIN has few digits: a hash that costs memory as well as time is the
/// slowest to try every PIN against should the file leak (OWASP's password storage advice:
/// N = 2^17, r = 8, p = 1).
public struct StaffPINHash: Equatable, Sendable, CustomStringConvertible {
    public var logCost: Int
    public var blockSize: Int
    public var parallelism: Int
    public var salt: [UInt8]
    public var hash: [UInt8]

    /// The digits a PIN may have. Only digits: the prompt takes nothing else.
    public static let lengths = 4...12
    public static let standardLogCost = 17

    public static func isValidPIN(_ pin: String) -> Bool {
        lengths.contains(pin.count) && pin.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A new hash of `pin` with a fresh random salt.
    public static func make(pin: String, logCost: Int = standardLogCost) throws -> StaffPINHash {
        guard isValidPIN(pin) else { throw StaffPINError.notAPIN }
        let salt = SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) }
        let hash = try derive(pin, salt: salt, logCost: logCost, blockSize: 8, parallelism: 1)
        return StaffPINHash(logCost: logCost, blockSize: 8, parallelism: 1, salt: salt, hash: hash)
    }

    /// Whether `pin` is the PIN this hash was made from. Anything that is not a PIN is not,
    /// without hashing; the comparison takes the same time however many bytes agree.
    public func matches(_ pin: String) -> Bool {
        guard Self.isValidPIN(pin),
              let derived = try? Self.derive(pin, salt: salt, logCost: logCost, blockSize: blockSize, parallelism: parallelism),
              derived.count == hash.count
        else { return false }
        return zip(derived, hash).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func derive(_ pin: String, salt: [UInt8], logCost: Int, blockSize: Int, parallelism: Int) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(from: Array(pin.utf8), salt: salt, outputByteCount: 32,
                                           rounds: 1 << logCost, blockSize: blockSize, parallelism: parallelism)
        return key.withUnsafeBytes { Array($0) }
    }

    public var description: String {
        "$scrypt$ln=\(logCost),r=\(blockSize),p=\(parallelism)$\(Self.base64(salt))$\(Self.base64(hash))"
    }

    /// Reads a hash as `description` writes it.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "scrypt" else { throw StaffPINError.notAHash }
        var parameters: [String: Int] = [:]
        for parameter in parts[2].split(separator: ",") {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, let value = Int(pair[1]) else { throw StaffPINError.notAHash }
            parameters[String(pair[0])] = value
        }
        // Bounds that keep a hand-edited file from asking for more memory than a machine has.
        guard let logCost = parameters["ln"], (10...20).contains(logCost),
              let blockSize = parameters["r"], (1...16).contains(blockSize),
              let parallelism = parameters["p"], (1...4).contains(parallelism),
              parameters.count == 3,
              let salt = Self.bytes(base64: parts[3]), salt.count >= 8,
              let hash = Self.bytes(base64: parts[4]), hash.count >= 16
        else { throw StaffPINError.notAHash }
        self.init(logCost: logCost, blockSize: blockSize, parallelism: parallelism, salt: salt, hash: hash)
    }

    public init(logCost: Int, blockSize: Int, parallelism: Int, salt: [UInt8], hash: [UInt8]) {
        self.logCost = logCost
        self.blockSize = blockSize
        self.parallelism = parallelism
        self.salt = salt
        self.hash = hash
    }

    /// Base64 without padding, as the PHC string format writes it.
    private static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().filter { $0 != "=" }
    }

    private static func bytes(base64 text: Substring) -> [UInt8]? {
        let padded = String(text) + String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: padded).map(Array.init)
    }
}

public enum StaffPINError: Error, Equatable, CustomStringConvertible {
    case notAPIN
    case notAHash

    public var description: String {
        switch self {
        case .notAPIN: return "a staff PIN is \(StaffPINHash.lengths.lowerBound) to \(StaffPINHash.lengths.upperBound) digits"
        case .notAHash: return "not a staff PIN hash: make one with `museum-kiosk staff-pin`"
        }
    }
}
