/// Behind OpenSSH's ForceCommand the kiosk is all a connection gets. A connection that asks
/// for a command, a file transfer (scp, sftp) or no terminal gets one line and nothing else.
public enum SSHGate {
    /// The line to refuse this connection with, or nil when it is an interactive session (or
    /// not SSH at all).
    public static func refusal(environment: [String: String]) -> String? {
        guard environment["SSH_CONNECTION"] != nil || environment["SSH_ORIGINAL_COMMAND"] != nil else { return nil }
        let asksForCommand = !(environment["SSH_ORIGINAL_COMMAND"] ?? "").isEmpty
        let hasTerminal = !(environment["SSH_TTY"] ?? "").isEmpty
        guard asksForCommand || !hasTerminal else { return nil }
        let user = environment["USER"] ?? ""
        let account = !user.isEmpty && user.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            ? user + "@" : ""
        return "museum-kiosk: this account gives a museum tour in a terminal and runs no commands or file transfers; connect with: ssh \(account)<host>"
    }
}
