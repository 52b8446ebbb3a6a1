import Foundation
import Testing

/// What the built binary is made of, where it decides how much memory a session takes.
@Suite struct BinaryTests {
    /// Foundation (with ICU) costs every session 4 MB and the kiosk's start a third
    /// (docs/performance.md); the kiosk reads files, the environment and the clock with the
    /// C library. ArgumentParser's FoundationEssentials, which is small, is the one exception.
    @Test func theKioskLinksNoFoundation() {
        let linked = run("/usr/bin/ldd", [Built.kiosk])
        #expect(linked.status == 0, "\(linked.error)")
        for library in ["libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so"] {
            #expect(!linked.output.contains(library), "the kiosk links \(library); see docs/performance.md")
        }
        #expect(linked.output.contains("libncursesw"))
    }
}
