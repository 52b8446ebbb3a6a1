import KioskCore

/// Who watches a session from outside (the stand's health file): told what happens, never
/// what a visitor typed or read.
public protocol SessionWatcher: AnyObject {
    /// The session shows `tour`: at the start, and again when a newer pack is taken up.
    func shows(_ tour: Tour)
    /// A visitor's key or line reached the tour.
    func visitorActed()
    /// The tour counted something of a visit.
    func recorded(_ record: VisitRecord)
    /// The runtime's wake-up: time to say the watcher is still there, if it is due.
    func wake()
    /// When the watcher needs a wake-up whatever happens.
    var nextDeadline: Instant? { get }
    /// The session is over.
    func ended()
}
