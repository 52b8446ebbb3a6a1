import Dispatch

/// The halls' files, read on every core. Reading is most of the kiosk's start, and each hall's
/// files are independent of the others' once `tour.yaml` is read: what crosses halls (a stop
/// or object number taken twice, the folders, the exits) is checked after, in tour order, so
/// the findings are the same as one hall after another would give.
enum HallReadings {
    struct Read {
        var reading: PackReading
        var narrative: PackReading.NarrativeReading?
        var exhibits: [Exhibit]
    }

    static func read(_ halls: [TourSpec.HallEntry], from tour: PackReading) -> [Read] {
        var results = halls.map { _ in Read(reading: tour.hallReading(), narrative: nil, exhibits: []) }
        results.withUnsafeMutableBufferPointer { slots in
            // Each iteration reads one hall into its own slot, with its own reading: nothing
            // is shared but what is only read (the tour's declarations, the hall entries).
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: halls.count) { index in
                let reading = slots[index].reading
                slots[index].narrative = reading.readNarrative(of: halls[index])
                slots[index].exhibits = reading.readExhibits(of: halls[index])
                reading.files.closeFolders()
            }
        }
        return results
    }
}
