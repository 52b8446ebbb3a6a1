import COpenSSL

/// The hashes, MACs and random bytes authentication needs, each one call into OpenSSL's
/// libcrypto: none is written here.
enum Crypto {
    static func md5(_ data: [UInt8]) -> [UInt8] { digest(data, EVP_md5()) }
    static func sha256(_ data: [UInt8]) -> [UInt8] { digest(data, EVP_sha256()) }

    private static func digest(_ data: [UInt8], _ type: OpaquePointer?) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = data.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &output, &length, type, nil)
        }
        return ok == 1 ? Array(output[0..<Int(length)]) : []
    }

    static func hmacSHA256(key: [UInt8], _ data: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { keyBytes in
            data.withUnsafeBytes { dataBytes in
                HMAC(EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count), dataBytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
                     dataBytes.count, &output, &length)
            }
        }
        return result == nil ? [] : Array(output[0..<Int(length)])
    }

    static func pbkdf2SHA256(password: [UInt8], salt: [UInt8], iterations: Int32) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        let ok = password.withUnsafeBytes { passwordBytes in
            salt.withUnsafeBytes { saltBytes in
                PKCS5_PBKDF2_HMAC(passwordBytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(passwordBytes.count),
                                  saltBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(saltBytes.count),
                                  iterations, EVP_sha256(), Int32(output.count), &output)
            }
        }
        return ok == 1 ? output : []
    }

    static func randomBytes(_ count: Int) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: count)
        return RAND_bytes(&output, Int32(count)) == 1 ? output : nil
    }

    /// Equal in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count, !a.isEmpty else { return false }
        return a.withUnsafeBytes { x in b.withUnsafeBytes { y in CRYPTO_memcmp(x.baseAddress, y.baseAddress, x.count) == 0 } }
    }
}

/// PostgreSQL's MD5 password answer: "md5" + md5hex(md5hex(password + user) + salt).
func md5PasswordAnswer(user: String, password: String, salt: [UInt8]) -> [UInt8] {
    let inner = hex(Crypto.md5(Array(password.utf8) + Array(user.utf8)))
    return Array("md5".utf8) + Array(hex(Crypto.md5(Array(inner.utf8) + salt)).utf8)
}

private func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
}

/// SCRAM-SHA-256 (RFC 5802 and RFC 7677) as PostgreSQL speaks it: without channel binding
/// ("n,,"), and with an empty user name, as the server takes the name from the startup
/// message. The server must prove it knows the password too: the exchange fails unless its
/// final message carries the right signature.
///
/// The password: PostgreSQL prepares it with SASLprep (RFC 4013) when the role's password
/// is set, and uses the raw bytes where SASLprep fails. This client sends the password's
/// UTF-8 bytes as they are, which is what SASLprep gives for any password of ASCII
/// characters, and for any password already in Unicode's normalization form KC without
/// characters SASLprep maps (soft hyphens, non-ASCII spaces): letters as a keyboard types
/// them, Azerbaijani ə, ş, ğ and Russian ж, ё among them. A password typed with combining
/// marks or compatibility characters (decomposed é, a ligature, a full-width letter) will
/// not match; choose the password among the first kind.
struct SCRAMClient {
    /// More iterations than this is a hostile server making us compute for minutes;
    /// PostgreSQL's default is 4,096.
    static let maximumIterations: Int32 = 1_000_000
    static let mechanism = "SCRAM-SHA-256"

    private let password: [UInt8]
    private let clientNonce: String
    /// Empty for PostgreSQL; RFC 7677's example names "user".
    private let userName: String
    private var clientFirstBare: String { "n=\(userName),r=\(clientNonce)" }
    private var expectedServerSignature: [UInt8]?

    init(password: String) throws(PostgresError) {
        self.password = Array(password.utf8)
        guard let nonce = Crypto.randomBytes(18) else { throw .refused("no random bytes for the SCRAM nonce") }
        clientNonce = Base64.encode(nonce)
        userName = ""
    }

    /// For tests: a fixed nonce and user name.
    init(password: String, nonce: String, userName: String) {
        self.password = Array(password.utf8)
        clientNonce = nonce
        self.userName = userName
    }

    var clientFirstMessage: [UInt8] { Array("n,,\(clientFirstBare)".utf8) }

    /// The client-final message, for the server-first message.
    mutating func clientFinalMessage(serverFirst bytes: [UInt8]) throws(PostgresError) -> [UInt8] {
        guard let serverFirst = String(validating: bytes, as: UTF8.self) else { throw Self.broken("a server-first message that is not UTF-8") }
        var nonce: String?
        var salt: [UInt8]?
        var iterations: Int32?
        for attribute in serverFirst.split(separator: ",", omittingEmptySubsequences: false) {
            guard attribute.count >= 2, attribute.dropFirst().hasPrefix("=") else { throw Self.broken("a malformed server-first message") }
            let value = String(attribute.dropFirst(2))
            switch attribute.first {
            case "r": nonce = value
            case "s": salt = Base64.decode(value)
            case "i": iterations = Int32(value)
            case "m": throw Self.broken("a mandatory extension")
            default: break
            }
        }
        guard let nonce, nonce.hasPrefix(clientNonce), nonce.count > clientNonce.count,
              nonce.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ",") }) else {
            throw Self.broken("a nonce that does not extend ours")
        }
        guard let salt, !salt.isEmpty else { throw Self.broken("no salt") }
        guard let iterations, iterations > 0 else { throw Self.broken("no iteration count") }
        guard iterations <= Self.maximumIterations else {
            throw .refused("the server asks for \(iterations) SCRAM iterations, more than the \(Self.maximumIterations) this client computes")
        }

        let salted = Crypto.pbkdf2SHA256(password: password, salt: salt, iterations: iterations)
        let clientKey = Crypto.hmacSHA256(key: salted, Array("Client Key".utf8))
        let storedKey = Crypto.sha256(clientKey)
        let withoutProof = "c=biws,r=\(nonce)"  // biws: "n,," in base64
        let authMessage = Array("\(clientFirstBare),\(serverFirst),\(withoutProof)".utf8)
        let clientSignature = Crypto.hmacSHA256(key: storedKey, authMessage)
        guard salted.count == 32, clientKey.count == 32, clientSignature.count == 32 else {
            throw .refused("libcrypto could not compute the SCRAM proof")
        }
        let proof = zip(clientKey, clientSignature).map { $0 ^ $1 }
        let serverKey = Crypto.hmacSHA256(key: salted, Array("Server Key".utf8))
        expectedServerSignature = Crypto.hmacSHA256(key: serverKey, authMessage)
        return Array("\(withoutProof),p=\(Base64.encode(proof))".utf8)
    }

    /// Checks the server-final message: the server's signature, or its error.
    func verify(serverFinal bytes: [UInt8]) throws(PostgresError) {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("e=") { throw .refused("SCRAM authentication failed: \(PostgresError.printable(String(text.dropFirst(2))))") }
        guard text.hasPrefix("v="), let expectedServerSignature else { throw Self.broken("a malformed server-final message") }
        let signature = text.dropFirst(2).split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard let given = Base64.decode(signature), Crypto.constantTimeEqual(given, expectedServerSignature) else {
            throw .refused("the server could not prove it knows the password (a wrong SCRAM signature): it may not be the server it claims to be")
        }
    }

    private static func broken(_ what: String) -> PostgresError {
        .protocolViolation("SCRAM: \(what)")
    }
}

/// Base64 with padding (RFC 4648), strict: SCRAM's nonces, salts, proofs and signatures.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            let b0 = bytes[index]
            let b1 = count > 1 ? bytes[index + 1] : 0
            let b2 = count > 2 ? bytes[index + 2] : 0
            text.append(alphabet[Int(b0 >> 2)])
            text.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            text.append(count > 1 ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            text.append(count > 2 ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// nil unless `text` is whole groups of four, padded only at the end, in its one
    /// canonical spelling.
    static func decode(_ text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 4 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count / 4 * 3)
        var group = 0
        while group < characters.count {
            let isLast = group + 4 == characters.count
            var values: [UInt8] = []
            var padding = 0
            for offset in 0..<4 {
                let character = characters[group + offset]
                if character == UInt8(ascii: "=") {
                    guard isLast, offset >= 2 else { return nil }
                    padding += 1
                    continue
                }
                guard padding == 0, let value = value(of: character) else { return nil }
                values.append(value)
            }
            guard values.count == 4 - padding else { return nil }
            // The bits padding leaves over must be zero: one text for each value.
            if padding == 1 && values[2] & 0x03 != 0 || padding == 2 && values[1] & 0x0F != 0 { return nil }
            bytes.append(values[0] << 2 | values[1] >> 4)
            if values.count > 2 { bytes.append(values[1] << 4 | values[2] >> 2) }
            if values.count > 3 { bytes.append(values[2] << 6 | values[3]) }
            group += 4
        }
        return bytes
    }

    private static func value(of character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
