import COpenSSL
import Glibc

/// TLS over a connected socket, by OpenSSL's libssl. libssl reads and writes memory buffers
/// (BIOs), and this class moves their bytes to and from the socket itself: so every wait is
/// the socket's poll with the caller's deadline, and no write can raise SIGPIPE.
///
/// As libpq's `sslmode=require`, the channel encrypts and does not check the server's
/// certificate (there is no certificate authority on a museum's network to check it against);
/// `verify-ca` and `verify-full` are refused when the URL is read.
final class TLSChannel: Channel {
    private let socket: SocketChannel
    private var context: OpaquePointer?
    private var ssl: OpaquePointer?
    private let incoming: OpaquePointer  // socket → libssl
    private let outgoing: OpaquePointer  // libssl → socket

    /// Runs the handshake on `socket`, which has had the server's 'S' to an SSLRequest.
    init(socket: SocketChannel, serverName: String?, before deadline: Deadline) throws(PostgresError) {
        self.socket = socket
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_client_method()) else { throw Self.failure("cannot set up TLS") }
        self.context = context
        _ = kiosk_SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION)
        SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nil)
        let made = (SSL_new(context), BIO_new(BIO_s_mem()), BIO_new(BIO_s_mem()))
        guard let ssl = made.0, let incoming = made.1, let outgoing = made.2 else {
            if let ssl = made.0 { SSL_free(ssl) }
            if let bio = made.1 { BIO_free(bio) }
            if let bio = made.2 { BIO_free(bio) }
            SSL_CTX_free(context)
            throw Self.failure("cannot set up TLS")
        }
        // An empty incoming buffer means "wait for more", not the end of the stream.
        _ = kiosk_BIO_set_mem_eof_return(incoming, -1)
        SSL_set_bio(ssl, incoming, outgoing)  // ssl owns both now
        self.ssl = ssl
        self.incoming = incoming
        self.outgoing = outgoing
        SSL_set_connect_state(ssl)
        if let serverName { _ = kiosk_SSL_set_tlsext_host_name(ssl, serverName) }

        while true {
            ERR_clear_error()
            let result = SSL_do_handshake(ssl)
            try flush(before: deadline)
            if result == 1 { break }
            let reason = SSL_get_error(ssl, result)
            guard reason == SSL_ERROR_WANT_READ else {
                close()
                throw Self.failure("the TLS handshake with the server failed", lost: true)
            }
            try fill(before: deadline)
        }
    }

    deinit { close() }

    func close() {
        if let ssl { SSL_free(ssl) }
        if let context { SSL_CTX_free(context) }
        ssl = nil
        context = nil
        socket.close()
    }

    func send(_ bytes: [UInt8], before deadline: Deadline) throws(PostgresError) {
        guard let ssl else { throw .lost("the connection is closed") }
        var offset = 0
        while offset < bytes.count {
            ERR_clear_error()
            let chunk = Int32(min(bytes.count - offset, 1 << 20))
            let written = bytes.withUnsafeBytes { SSL_write(ssl, $0.baseAddress! + offset, chunk) }
            if written > 0 {
                offset += Int(written)
                try flush(before: deadline)
                continue
            }
            let reason = SSL_get_error(ssl, written)
            try flush(before: deadline)
            guard reason == SSL_ERROR_WANT_READ else { throw Self.failure("TLS failed while sending", lost: true) }
            try fill(before: deadline)
        }
    }

    func receive(upTo count: Int, before deadline: Deadline) throws(PostgresError) -> [UInt8] {
        guard let ssl else { throw .lost("the connection is closed") }
        var buffer = [UInt8](repeating: 0, count: max(1, min(count, 1 << 20)))
        while true {
            ERR_clear_error()
            let read = buffer.withUnsafeMutableBytes { SSL_read(ssl, $0.baseAddress, Int32($0.count)) }
            if read > 0 {
                try flush(before: deadline)  // a key update, say, may have queued an answer
                return Array(buffer[0..<Int(read)])
            }
            let reason = SSL_get_error(ssl, read)
            try flush(before: deadline)
            switch reason {
            case SSL_ERROR_WANT_READ: try fill(before: deadline)
            case SSL_ERROR_ZERO_RETURN: throw .lost("the server closed the connection")
            default: throw Self.failure("TLS failed while receiving", lost: true)
            }
        }
    }

    /// Sends whatever libssl has written.
    private func flush(before deadline: Deadline) throws(PostgresError) {
        while BIO_ctrl_pending(outgoing) > 0 {
            var buffer = [UInt8](repeating: 0, count: 16_384)
            let taken = buffer.withUnsafeMutableBytes { BIO_read(outgoing, $0.baseAddress, Int32($0.count)) }
            guard taken > 0 else { break }
            try socket.send(Array(buffer[0..<Int(taken)]), before: deadline)
        }
    }

    /// Hands libssl what the socket has received, waiting for at least one byte.
    private func fill(before deadline: Deadline) throws(PostgresError) {
        let bytes = try socket.receive(upTo: 16_384, before: deadline)
        let given = bytes.withUnsafeBytes { BIO_write(incoming, $0.baseAddress, Int32($0.count)) }
        guard given == Int32(bytes.count) else { throw Self.failure("TLS could not take what the server sent", lost: true) }
    }

    /// An error with OpenSSL's reasons, which name no secret.
    private static func failure(_ what: String, lost: Bool = false) -> PostgresError {
        var reasons: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            var text = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &text, text.count)
            let line = text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            if reasons.count < 3 { reasons.append(line) }
        }
        let message = reasons.isEmpty ? what : "\(what): \(reasons.joined(separator: "; "))"
        return PostgresError(message: message, connectionLost: lost)
    }
}
