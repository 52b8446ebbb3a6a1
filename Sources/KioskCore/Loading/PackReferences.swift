/// Checks that span files: what the folders hold against what the tour names, and the walk
/// between halls.
extension PackReading {
    /// Every file in `Narratives/` and `Exhibits/` belongs to a hall; anything else is a file
    /// the curator may believe is shown and is not.
    func checkFolders(tour: TourSpec) {
        let hallIDs = tour.listedIDs
        for name in files.list("Narratives", log: log) where name != "tour.yaml" {
            checkPackFile(name, in: "Narratives", belongsTo: hallIDs, noun: "hall")
        }
        let exhibits = files.kind(of: "Exhibits")
        if exhibits == .link { log.error(files.displayPath("Exhibits"), line: 1, Self.linkNotRead) }
        guard exhibits == .directory else { return }
        for name in files.list("Exhibits", log: log) {
            let relative = "Exhibits/\(name)"
            switch files.kind(of: relative) {
            case .directory: break
            case .link:
                log.error(files.displayPath(relative), line: 1, Self.linkNotRead)
                continue
            default:
                log.warning(files.displayPath(relative), line: 1, "ignored: exhibits live in Exhibits/<hall-id>/")
                continue
            }
            guard hallIDs.contains(name) else {
                log.error(files.displayPath(relative), line: 1, "a folder for no hall: tour.yaml lists no hall '\(name)', so these exhibits are never shown")
                continue
            }
            let names = files.list(relative, log: log)
            let originals = Set(names.compactMap { PackNames.split(fileName: $0) }
                .filter { $0.language == nil }.map(\.id))
            for file in names {
                checkPackFile(file, in: relative, belongsTo: originals, noun: "exhibit")
            }
            // One hall's folder open at a time, however many halls the pack has.
            files.closeFolders()
        }
    }

    static let linkNotRead = "not read: a symbolic link (links are not followed inside a pack, so a pack cannot reach files outside it)"

    private func checkPackFile(_ name: String, in folder: String, belongsTo ids: Set<String>, noun: String) {
        let path = files.displayPath("\(folder)/\(name)")
        guard let (id, language) = PackNames.split(fileName: name) else {
            log.warning(path, line: 1, "ignored: a pack holds Markdown files named <id>.md or <id>.<language>.md")
            return
        }
        if files.kind(of: "\(folder)/\(name)") != .file {
            log.error(path, line: 1, "not a regular file (symbolic links and devices are not read)")
            return
        }
        guard ids.contains(id) else {
            let why = noun == "hall" ? "tour.yaml lists no hall '\(id)'" : "there is no \(id).md beside it"
            log.warning(path, line: 1, "no \(noun) uses this file: \(why)")
            return
        }
        guard let language else { return }
        if language == languages.first {
            log.warning(path, line: 1, "not read: the \(language) text is the original, \(id).md")
        } else if !languages.contains(language) {
            log.warning(path, line: 1, "a file for language '\(language)', which tour.yaml does not declare in 'languages'")
        }
    }

    /// Exits name halls that exist and lead back; every hall can be walked to from the first.
    func checkReferences(tour: TourSpec) {
        let tourPath = files.displayPath(PackReading.tourFile)
        let byID = Dictionary(tour.halls.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for hall in tour.halls {
            for exit in hall.exits {
                guard let target = byID[exit.id] else {
                    if !tour.listedIDs.contains(exit.id) {
                        log.error(tourPath, line: exit.line, column: exit.column, "exit to '\(exit.id)', which is not a hall of the tour")
                    }
                    continue
                }
                if target.id == hall.id {
                    log.warning(tourPath, line: exit.line, column: exit.column, "hall '\(hall.id)' has an exit to itself")
                } else if !target.exits.contains(where: { $0.id == hall.id }) {
                    log.warning(tourPath, line: exit.line, column: exit.column, "one-way exit: '\(hall.id)' leads to '\(exit.id)', but '\(exit.id)' has no exit back")
                }
            }
        }
        // A hall whose entry has an error is left out, with its exits: the halls behind it
        // would look unreachable. Reachability waits until every entry reads.
        if let first = tour.halls.first, tour.halls.count == tour.listedIDs.count {
            var reached: Set<String> = [first.id]
            var queue = [first.id]
            while let id = queue.popLast() {
                for exit in byID[id]?.exits ?? [] where byID[exit.id] != nil && !reached.contains(exit.id) {
                    reached.insert(exit.id)
                    queue.append(exit.id)
                }
            }
            for hall in tour.halls where !reached.contains(hall.id) {
                log.error(tourPath, line: hall.line, "hall '\(hall.id)' cannot be walked to from '\(first.id)': no chain of exits leads there")
            }
        }
        var cells: [MapCell: String] = [:]
        for hall in tour.halls {
            if let other = cells[hall.map] {
                log.warning(tourPath, line: hall.line, "hall '\(hall.id)' is on the same map cell as '\(other)'")
            } else {
                cells[hall.map] = hall.id
            }
        }
    }
}
