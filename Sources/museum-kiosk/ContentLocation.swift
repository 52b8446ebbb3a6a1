import Foundation

/// Finds the bundled content pack when none is named: in the current directory (a clone,
/// `swift run`), beside the installed binary (`share/museum-kiosk`), or in a directory above
/// the binary (`.build/debug/museum-kiosk` inside a clone).
enum ContentLocation {
    static let marker = "Narratives/tour.yaml"

    static func resolve(_ given: String?) -> String {
        if let given { return given }
        if let fromEnvironment = ProcessInfo.processInfo.environment["MUSEUM_KIOSK_CONTENT"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        let files = FileManager.default
        if files.fileExists(atPath: marker) { return "." }
        let executable = URL(fileURLWithPath: (try? files.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                             ?? CommandLine.arguments[0])
        var directory = executable.deletingLastPathComponent()
        while directory.path != "/" {
            for candidate in [directory, directory.appendingPathComponent("share/museum-kiosk")]
            where files.fileExists(atPath: candidate.appendingPathComponent(marker).path) {
                return candidate.path
            }
            directory.deleteLastPathComponent()
        }
        return "."
    }
}
